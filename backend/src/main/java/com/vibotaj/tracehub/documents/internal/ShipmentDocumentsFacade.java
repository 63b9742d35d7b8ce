package com.vibotaj.tracehub.documents.internal;

import com.vibotaj.tracehub.documents.DocumentContent;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.documents.ShipmentDocuments;
import com.vibotaj.tracehub.documents.internal.storage.DocumentStore;
import com.vibotaj.tracehub.platform.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The documents module's door for compliance and the audit pack; RLS scopes every read. */
@Service
class ShipmentDocumentsFacade implements ShipmentDocuments {

    private final DocumentRepository repository;
    private final DocumentStore store;

    ShipmentDocumentsFacade(DocumentRepository repository, DocumentStore store) {
        this.repository = repository;
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ShipmentDocument> forShipment(UUID shipmentId) {
        return repository.forShipment(shipmentId).stream()
                .map(StoredDocument::document)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ShipmentDocument> find(UUID documentId) {
        return repository.find(documentId).map(StoredDocument::document);
    }

    @Override
    @Transactional(readOnly = true)
    public InputStream open(UUID documentId) {
        StoredDocument d = repository.find(documentId).orElseThrow(() -> NotFoundException.of("Document", documentId));
        try {
            return store.open(d.storageKey());
        } catch (IOException e) {
            throw new UncheckedIOException("Stored bytes of document " + documentId + " are unreadable", e);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<ShipmentDocument> current(UUID shipmentId) {
        List<ShipmentDocument> all = forShipment(shipmentId);
        java.util.Set<UUID> current = DocumentViews.current(all);
        return all.stream().filter(d -> current.contains(d.id())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DocumentContent> content(UUID documentId) {
        return repository.find(documentId).map(d -> {
            String key = d.storageKey();
            return new DocumentContent() {
                @Override
                public boolean exists() throws IOException {
                    return store.exists(key);
                }

                @Override
                public InputStream open() throws IOException {
                    return store.open(key);
                }
            };
        });
    }
}
