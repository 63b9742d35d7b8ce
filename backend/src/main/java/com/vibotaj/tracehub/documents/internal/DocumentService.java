package com.vibotaj.tracehub.documents.internal;

import com.vibotaj.tracehub.documents.ApprovalGuard;
import com.vibotaj.tracehub.documents.DocumentChanged;
import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.DocumentStatus;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.documents.internal.storage.DocumentStore;
import com.vibotaj.tracehub.documents.internal.text.Suggester;
import com.vibotaj.tracehub.documents.internal.text.Suggestions;
import com.vibotaj.tracehub.identity.Permission;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.platform.ProblemException;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.ValidationException;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Uploads, workflow moves and metadata edits. An upload streams the bytes to the store first and then
 * inserts the row in one transaction; if that transaction fails the stored object is deleted, so a
 * document is visible only when both exist. Every change is recorded and published as
 * {@link DocumentChanged}.
 */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final DocumentRepository repository;
    private final DocumentStore store;
    private final ShipmentFacts shipments;
    private final Suggester suggester;
    private final ObjectProvider<ApprovalGuard> guards;
    private final ApplicationEventPublisher events;
    private final ScopedTransactions tx;
    private final DocumentProperties properties;
    private final Clock clock;

    DocumentService(
            DocumentRepository repository,
            DocumentStore store,
            ShipmentFacts shipments,
            Suggester suggester,
            ObjectProvider<ApprovalGuard> guards,
            ApplicationEventPublisher events,
            ScopedTransactions tx,
            DocumentProperties properties,
            Clock clock) {
        this.repository = repository;
        this.store = store;
        this.shipments = shipments;
        this.suggester = suggester;
        this.guards = guards;
        this.events = events;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores a new version of {@code type} for the shipment.
     *
     * @param content the bytes as they arrive; read once, never held whole in memory
     */
    public StoredDocument upload(
            Actor actor,
            UUID shipmentId,
            String type,
            DocumentMetadata metadata,
            @Nullable String clientName,
            InputStream content) {
        ShipmentFacts.Facts shipment = tx.read(actor.scope(), () -> shipments.find(shipmentId))
                .orElseThrow(() -> NotFoundException.of("Shipment", shipmentId));
        boolean owner = shipment.ownedBy(actor.organizationId());
        boolean supplier = shipment.supplierOrganizationIds().contains(actor.organizationId());
        if (!actor.may(Permission.DOCUMENTS_UPLOAD) || !(owner || supplier)) {
            throw Problems.forbidden(
                    "Only the shipment's owner or its supplier may upload documents, with documents:upload.");
        }
        DocumentRepository.DocumentType documentType = type(actor, type);
        DocumentMetadata normalised = MetadataRules.normalise(documentType, metadata);
        String originalName = FileNames.sanitise(clientName);

        UUID id = UUID.randomUUID();
        // The key is ours: the client's name never reaches the file system or the bucket.
        String key = "shipments/" + shipmentId + "/" + id;
        long max = properties.maxSize().toBytes();
        DocumentStore.StoredObject stored;
        try {
            stored = store.put(key, content, max);
        } catch (DocumentStore.TooLargeException e) {
            throw Problems.tooLarge(max);
        } catch (IOException e) {
            // Typically the client went away mid-upload; the store kept nothing.
            throw new UploadInterruptedException(e);
        }
        try {
            String contentType = ContentTypes.detect(() -> store.open(key));
            if (!ContentTypes.ALLOWED.contains(contentType)) {
                throw Problems.unsupportedType(contentType);
            }
            Suggestions suggestions = contentType.equals(ContentTypes.PDF) ? suggest(key) : Suggestions.none();
            Instant now = clock.instant();
            return tx.write(actor.scope(), () -> {
                int version = repository.nextVersion(shipmentId, documentType.code());
                ShipmentDocument document = new ShipmentDocument(
                        id,
                        shipmentId,
                        shipment.organizationId(),
                        documentType.code(),
                        version,
                        DocumentStatus.UPLOADED,
                        normalised,
                        stored.sha256(),
                        stored.sizeBytes(),
                        contentType,
                        originalName,
                        actor.userId(),
                        actor.organizationId(),
                        now,
                        now);
                repository.insert(document, key, suggestions);
                repository.recordTransition(
                        document, null, DocumentStatus.UPLOADED, actor.userId(), actor.organizationId(), null, now);
                events.publishEvent(new DocumentChanged(
                        id,
                        shipmentId,
                        shipment.organizationId(),
                        documentType.code(),
                        null,
                        DocumentStatus.UPLOADED,
                        actor.userId(),
                        null,
                        actor.userId()));
                return new StoredDocument(document, key, suggestions);
            });
        } catch (RuntimeException | IOException e) {
            deleteQuietly(key);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private Suggestions suggest(String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return suggester.fromPdf(
                    in,
                    properties.extraction().maxPages(),
                    properties.extraction().maxChars());
        }
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete stored object {} of a failed upload", key, e);
        }
    }

    private DocumentRepository.DocumentType type(Actor actor, String code) {
        return tx.read(actor.scope(), repository::types).stream()
                .filter(t -> t.code().equals(code))
                .findFirst()
                .orElseThrow(() -> ValidationException.of("type", "is not a known document type"));
    }

    /** Moves a document in the workflow; approving supersedes the previously approved version. */
    public ShipmentDocument transition(Actor actor, UUID documentId, DocumentStatus to, @Nullable String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (why != null && why.length() > 2000) {
            throw ValidationException.of("reason", "must be at most 2000 characters");
        }
        return tx.write(actor.scope(), () -> {
            ShipmentDocument seen = repository
                    .find(documentId)
                    .orElseThrow(() -> NotFoundException.of("Document", documentId))
                    .document();
            check(seen, to, actor, why);
            ShipmentDocument d = repository
                    .findForUpdate(documentId)
                    .map(StoredDocument::document)
                    .orElseThrow(() -> Problems.forbidden("You may not change this document."));
            check(d, to, actor, why);
            if (to == DocumentStatus.APPROVED) {
                List<String> findings = new ArrayList<>();
                guards.orderedStream().forEach(g -> findings.addAll(g.blockingFindings(d)));
                if (!findings.isEmpty()) {
                    throw Problems.blockingFindings(findings);
                }
            }
            Instant now = clock.instant();
            if (to == DocumentStatus.APPROVED) {
                for (UUID older : repository.approvedOthers(d.shipmentId(), d.type(), d.id())) {
                    ShipmentDocument o = repository.find(older).orElseThrow().document();
                    move(o, DocumentStatus.SUPERSEDED, actor, "Superseded by version " + d.version(), now);
                }
            }
            move(d, to, actor, why, now);
            return repository.find(documentId).orElseThrow().document();
        });
    }

    private static void check(ShipmentDocument d, DocumentStatus to, Actor actor, @Nullable String reason) {
        Workflow.refusal(
                        new Workflow.Subject(d.status(), d.organizationId(), d.uploadedByOrganizationId()),
                        to,
                        actor,
                        reason)
                .ifPresent(p -> {
                    throw p;
                });
    }

    private void move(ShipmentDocument d, DocumentStatus to, Actor actor, @Nullable String reason, Instant now) {
        repository.updateStatus(d.id(), to, now);
        repository.recordTransition(d, d.status(), to, actor.userId(), actor.organizationId(), reason, now);
        events.publishEvent(new DocumentChanged(
                d.id(),
                d.shipmentId(),
                d.organizationId(),
                d.type(),
                d.status(),
                to,
                actor.userId(),
                reason,
                d.uploadedBy()));
    }

    /** Replaces the metadata while the document is uploaded or under review. */
    public ShipmentDocument editMetadata(Actor actor, UUID documentId, DocumentMetadata metadata) {
        return tx.write(actor.scope(), () -> {
            ShipmentDocument d = repository
                    .find(documentId)
                    .orElseThrow(() -> NotFoundException.of("Document", documentId))
                    .document();
            boolean uploaderOrg = actor.organizationId().equals(d.uploadedByOrganizationId())
                    && actor.may(Permission.DOCUMENTS_UPLOAD);
            boolean reviewer =
                    actor.organizationId().equals(d.organizationId()) && actor.may(Permission.DOCUMENTS_REVIEW);
            if (!uploaderOrg && !reviewer) {
                throw Problems.forbidden(
                        "Only the uploader's organisation or a reviewer of the owner may edit document metadata.");
            }
            if (d.status() != DocumentStatus.UPLOADED && d.status() != DocumentStatus.UNDER_REVIEW) {
                throw Problems.notEditable(d.status().value());
            }
            DocumentMetadata normalised = MetadataRules.normalise(
                    repository.types().stream()
                            .filter(t -> t.code().equals(d.type()))
                            .findFirst()
                            .orElseThrow(),
                    metadata);
            repository.updateMetadata(d.id(), normalised, clock.instant());
            events.publishEvent(new DocumentChanged(
                    d.id(),
                    d.shipmentId(),
                    d.organizationId(),
                    d.type(),
                    d.status(),
                    d.status(),
                    actor.userId(),
                    null,
                    d.uploadedBy()));
            return repository.find(documentId).orElseThrow().document();
        });
    }

    /** The upload stream broke before its end (the client disconnected); nothing was kept. */
    public static final class UploadInterruptedException extends ProblemException {
        private static final long serialVersionUID = 1L;

        UploadInterruptedException(IOException cause) {
            super(
                    org.springframework.http.HttpStatus.BAD_REQUEST,
                    "upload-interrupted",
                    "Upload interrupted",
                    "The upload ended before the whole file arrived; nothing was stored. Please try again.");
            initCause(cause);
        }
    }
}
