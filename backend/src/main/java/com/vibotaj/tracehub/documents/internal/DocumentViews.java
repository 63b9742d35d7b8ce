package com.vibotaj.tracehub.documents.internal;

import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.DocumentStatus;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.documents.internal.text.Suggestions;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the documents API shows, read in the caller's tenant scope (an invisible document is a 404). */
@Service
public class DocumentViews {

    private final DocumentRepository repository;
    private final ShipmentFacts shipments;

    DocumentViews(DocumentRepository repository, ShipmentFacts shipments) {
        this.repository = repository;
        this.shipments = shipments;
    }

    public record Duplicate(
            @Schema(description = "same_file or same_reference", example = "same_file")
            String kind,

            UUID shipmentId,
            @Schema(example = "OVA-2026-004") @Nullable String shipmentReference,
            UUID documentId) {}

    public record Transition(
            @Nullable DocumentStatus from,
            DocumentStatus to,
            @Nullable UUID actorUserId,

            @Schema(description = "Shown when the caller may see that user") @Nullable
            String actorName,

            @Nullable String reason,
            Instant occurredAt) {}

    public record DocumentView(
            UUID id,
            UUID shipmentId,
            @Schema(example = "bill_of_lading") String type,
            int version,
            DocumentStatus status,

            @Schema(description = "The newest approved version of its type")
            boolean current,

            DocumentMetadata metadata,
            String sha256,
            long sizeBytes,

            @Schema(description = "Detected from the bytes", example = "application/pdf")
            String contentType,

            @Schema(description = "The client's file name, sanitised; metadata only")
            String originalName,

            Instant uploadedAt,
            UUID uploadedBy,
            UUID uploadedByOrganizationId,
            Instant statusChangedAt,
            List<Duplicate> duplicates,

            @Schema(description = "Upload and detail only") @Nullable
            Suggestions suggestions,

            @Schema(description = "Detail only") @Nullable List<Transition> transitions) {}

    public record DocumentTypeView(
            String code,
            String name,
            @Nullable String typicalIssuer,
            boolean hasExpiry,
            List<DocumentRepository.Field> fields) {}

    @Transactional(readOnly = true)
    public List<DocumentTypeView> types() {
        return repository.types().stream()
                .map(t -> new DocumentTypeView(t.code(), t.name(), t.typicalIssuer(), t.hasExpiry(), t.fields()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<DocumentView> forShipment(UUID shipmentId) {
        shipments.find(shipmentId).orElseThrow(() -> NotFoundException.of("Shipment", shipmentId));
        List<StoredDocument> all = repository.forShipment(shipmentId);
        Set<UUID> current = current(all.stream().map(StoredDocument::document).toList());
        // Duplicates of every version in one statement, not one per version.
        Map<UUID, List<DocumentRepository.Duplicate>> duplicates = repository.duplicatesOfShipment(shipmentId);
        return all.stream()
                .map(d -> view(
                        d,
                        current.contains(d.document().id()),
                        null,
                        null,
                        duplicates.getOrDefault(d.document().id(), List.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public DocumentView detail(UUID documentId) {
        StoredDocument d = repository.find(documentId).orElseThrow(() -> NotFoundException.of("Document", documentId));
        return detailOf(d);
    }

    private DocumentView detailOf(StoredDocument d) {
        Set<UUID> current = current(repository.forShipment(d.document().shipmentId()).stream()
                .map(StoredDocument::document)
                .toList());
        List<Transition> transitions = repository.transitions(d.document().id()).stream()
                .map(t -> new Transition(t.from(), t.to(), t.actorUserId(), t.actorName(), t.reason(), t.occurredAt()))
                .toList();
        ShipmentDocument doc = d.document();
        return view(
                d,
                current.contains(doc.id()),
                d.suggestions(),
                transitions,
                repository.duplicates(
                        doc.id(),
                        doc.shipmentId(),
                        doc.sha256(),
                        doc.type(),
                        doc.metadata().referenceNumber()));
    }

    /** The stored version (bytes' key included) for a download; empty when invisible. */
    public java.util.Optional<StoredDocument> stored(UUID documentId) {
        return repository.find(documentId);
    }

    /** The newest approved version of each type. */
    static Set<UUID> current(List<ShipmentDocument> documents) {
        Map<String, ShipmentDocument> newest = documents.stream()
                .filter(d -> d.status() == DocumentStatus.APPROVED)
                .collect(
                        Collectors.toMap(ShipmentDocument::type, d -> d, (a, b) -> a.version() >= b.version() ? a : b));
        return new HashSet<>(newest.values().stream().map(ShipmentDocument::id).toList());
    }

    private DocumentView view(
            StoredDocument s,
            boolean current,
            @Nullable Suggestions suggestions,
            @Nullable List<Transition> transitions,
            List<DocumentRepository.Duplicate> found) {
        ShipmentDocument d = s.document();
        List<Duplicate> duplicates = found.stream()
                .map(x -> new Duplicate(x.kind(), x.shipmentId(), x.shipmentReference(), x.documentId()))
                .sorted(Comparator.comparing(Duplicate::kind))
                .toList();
        return new DocumentView(
                d.id(),
                d.shipmentId(),
                d.type(),
                d.version(),
                d.status(),
                current,
                d.metadata(),
                d.sha256(),
                d.sizeBytes(),
                d.contentType(),
                d.originalName(),
                d.uploadedAt(),
                d.uploadedBy(),
                d.uploadedByOrganizationId(),
                d.statusChangedAt(),
                duplicates,
                suggestions,
                transitions);
    }
}
