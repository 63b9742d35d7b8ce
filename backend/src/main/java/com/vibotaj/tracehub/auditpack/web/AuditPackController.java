package com.vibotaj.tracehub.auditpack.web;

import com.vibotaj.tracehub.auditpack.internal.AuditPackService;
import com.vibotaj.tracehub.auditpack.internal.PackSource;
import com.vibotaj.tracehub.auditpack.internal.PackWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit pack")
@RestController
class AuditPackController {

    private static final Logger log = LoggerFactory.getLogger(AuditPackController.class);

    private final AuditPackService service;

    AuditPackController(AuditPackService service) {
        this.service = service;
    }

    @Operation(
            operationId = "downloadAuditPack",
            summary = "The shipment's audit pack (ZIP), streamed",
            description = "index.pdf, documents/<type>-v<version>-<id>.<ext> (current versions), tracking.json,"
                    + " metadata.json, eudr/plots.geojson (EUDR only), MANIFEST.sha256 (sha256sum -c format). The"
                    + " same data gives byte-identical packs. A current document whose bytes are missing from"
                    + " storage is replaced by a .MISSING.txt entry and named in index.pdf and metadata.json"
                    + " (complete: false). Any party that can see the shipment; 404 otherwise.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The ZIP, as an attachment",
                            content =
                                    @Content(
                                            mediaType = "application/zip",
                                            schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/api/shipments/{shipmentId}/audit-pack")
    @PreAuthorize("hasAuthority('audit-pack:download')")
    void download(@PathVariable UUID shipmentId, HttpServletResponse response) throws IOException {
        // Everything that can fail with a problem (404, storage unreachable) happens before the first byte.
        PackSource source = service.prepare(shipmentId);
        long started = System.nanoTime();
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName(source))
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        OutputStream out = response.getOutputStream();
        try {
            PackWriter.Written written = PackWriter.write(source, out);
            log.info(
                    "Audit pack of shipment {} streamed: {} entries, {} document bytes, {} missing, {} ms",
                    shipmentId,
                    written.entries(),
                    written.documentBytes(),
                    source.missingCount(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (PackWriter.IntegrityException e) {
            // The response is committed, so no problem can be sent any more: the ZIP ends without its central
            // directory (every ZIP reader refuses it, the web client says the download is incomplete), and
            // the stored bytes that no longer match their recorded hash are reported where operators look.
            log.error("Audit pack of shipment {} abandoned: {}", shipmentId, e.getMessage());
        } catch (IOException e) {
            log.warn("Audit pack of shipment {} abandoned mid-stream: {}", shipmentId, e.toString());
        }
    }

    /** {@code <reference>-audit-pack.zip}, with anything but letters, digits, '.', '_' and '-' replaced. */
    static String fileName(PackSource source) {
        return source.facts().reference().replaceAll("[^A-Za-z0-9._-]", "_") + "-audit-pack.zip";
    }
}
