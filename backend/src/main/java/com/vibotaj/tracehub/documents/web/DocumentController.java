package com.vibotaj.tracehub.documents.web;

import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.DocumentStatus;
import com.vibotaj.tracehub.documents.internal.Actor;
import com.vibotaj.tracehub.documents.internal.ContentTypes;
import com.vibotaj.tracehub.documents.internal.DocumentService;
import com.vibotaj.tracehub.documents.internal.DocumentViews;
import com.vibotaj.tracehub.documents.internal.DocumentViews.DocumentTypeView;
import com.vibotaj.tracehub.documents.internal.DocumentViews.DocumentView;
import com.vibotaj.tracehub.documents.internal.StoredDocument;
import com.vibotaj.tracehub.documents.internal.storage.DocumentStore;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Documents")
@RestController
class DocumentController {

    private final DocumentService service;
    private final DocumentViews views;
    private final DocumentStore store;
    private final ScopedTransactions tx;

    DocumentController(DocumentService service, DocumentViews views, DocumentStore store, ScopedTransactions tx) {
        this.service = service;
        this.views = views;
        this.store = store;
        this.tx = tx;
    }

    @Operation(operationId = "listDocumentTypes", summary = "Document types with their type-specific fields")
    @GetMapping("/api/document-types")
    List<DocumentTypeView> types() {
        return views.types();
    }

    @Operation(
            operationId = "listShipmentDocuments",
            summary = "Every version of every document of a shipment",
            description = "current marks the newest approved version of each type; duplicates lists other visible"
                    + " documents with the same file (same_file) or the same type and reference number on another"
                    + " shipment (same_reference). Flagged, never refused.")
    @GetMapping("/api/shipments/{id}/documents")
    @PreAuthorize("hasAuthority('shipments:read')")
    List<DocumentView> list(@PathVariable UUID id) {
        return views.forShipment(id);
    }

    @Operation(
            operationId = "uploadShipmentDocument",
            summary = "Upload a new version of a document type",
            description = "Streamed to storage under a generated key; the content type is detected from the bytes"
                    + " (PDF, JPEG, PNG, TIFF, DOCX, XLSX). 413 document-too-large, 415 unsupported-document-type."
                    + " The answer carries suggestions read from a PDF's text; nothing is applied automatically.")
    @PostMapping(path = "/api/shipments/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('documents:upload')")
    @ResponseStatus(HttpStatus.CREATED)
    DocumentView upload(
            @PathVariable UUID id,
            @RequestPart("file") MultipartFile file,
            @RequestParam("type") String type,
            @RequestParam(name = "referenceNumber", required = false) @Nullable String referenceNumber,
            @RequestParam(name = "issueDate", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate issueDate,
            @RequestParam(name = "expiryDate", required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate expiryDate,
            @RequestParam(name = "issuer", required = false) @Nullable String issuer)
            throws IOException {
        DocumentMetadata metadata = new DocumentMetadata(referenceNumber, issueDate, expiryDate, issuer, Map.of());
        StoredDocument stored;
        try (InputStream content = file.getInputStream()) {
            stored = service.upload(Actor.current(), id, type, metadata, file.getOriginalFilename(), content);
        }
        return views.detail(stored.document().id());
    }

    @Operation(operationId = "getDocument", summary = "A document version with its transitions and suggestions")
    @GetMapping("/api/documents/{docId}")
    @PreAuthorize("hasAuthority('shipments:read')")
    DocumentView detail(@PathVariable UUID docId) {
        return views.detail(docId);
    }

    @Operation(
            operationId = "downloadDocument",
            summary = "The stored bytes",
            description = "Served with the detected content type, as an attachment unless inline=true, with a safe"
                    + " file name (RFC 6266 filename*) and X-Content-Type-Options: nosniff.")
    @GetMapping("/api/documents/{docId}/content")
    @PreAuthorize("hasAuthority('shipments:read')")
    ResponseEntity<InputStreamResource> content(
            @PathVariable UUID docId, @RequestParam(name = "inline", defaultValue = "false") boolean inline)
            throws IOException {
        StoredDocument d = tx.read(TenantContext.current(), () -> views.stored(docId))
                .orElseThrow(() -> NotFoundException.of("Document", docId));
        InputStream in = store.open(d.storageKey());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(inline, downloadName(d)));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl("private, no-store");
        headers.setContentType(MediaType.parseMediaType(d.document().contentType()));
        headers.setContentLength(d.document().sizeBytes());
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(in));
    }

    private static String downloadName(StoredDocument d) {
        String name = d.document().originalName();
        String extension = ContentTypes.extension(d.document().contentType());
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? name : name + extension;
    }

    record TransitionRequest(
            @NotNull DocumentStatus to, @Nullable String reason) {}

    @Operation(
            operationId = "transitionDocument",
            summary = "Move a document in the review workflow",
            description = "uploaded→under_review (uploader's organisation or reviewer); under_review→approved|rejected"
                    + " (documents:review of the owner; reject needs a reason); any→archived (owner's admin, reason"
                    + " required). 409 document-transition-refused, 409 document-blocking-findings, 422"
                    + " document-reason-required.")
    @PostMapping("/api/documents/{docId}/transitions")
    @PreAuthorize("hasAuthority('shipments:read')")
    DocumentView transition(@PathVariable UUID docId, @Validated @RequestBody TransitionRequest request) {
        service.transition(Actor.current(), docId, request.to(), request.reason());
        return views.detail(docId);
    }

    record MetadataRequest(
            @Nullable String referenceNumber,
            @Nullable LocalDate issueDate,
            @Nullable LocalDate expiryDate,
            @Nullable String issuer,
            @Nullable Map<String, String> fields) {}

    @Operation(
            operationId = "editDocumentMetadata",
            summary = "Replace a document's metadata while it is uploaded or under review",
            description = "fields keys must be those of the type (GET /api/document-types); 409 document-not-editable"
                    + " once reviewed.")
    @PatchMapping("/api/documents/{docId}/metadata")
    @PreAuthorize("hasAuthority('shipments:read')")
    DocumentView metadata(@PathVariable UUID docId, @RequestBody MetadataRequest request) {
        service.editMetadata(
                Actor.current(),
                docId,
                new DocumentMetadata(
                        request.referenceNumber(),
                        request.issueDate(),
                        request.expiryDate(),
                        request.issuer(),
                        request.fields() == null ? Map.of() : request.fields()));
        return views.detail(docId);
    }
}
