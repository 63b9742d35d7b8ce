package com.vibotaj.tracehub.shipments.web;

import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.shipments.internal.importing.ImportFileProblem;
import com.vibotaj.tracehub.shipments.internal.importing.ImportReport;
import com.vibotaj.tracehub.shipments.internal.importing.ShipmentImport;
import com.vibotaj.tracehub.shipments.internal.importing.ShipmentImportTemplate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Shipments")
@RestController
@RequestMapping("/api/shipments/import")
@PreAuthorize("hasAuthority('shipments:write')")
class ShipmentImportController {

    private static final String TEXT_CSV = "text/csv";

    private final ShipmentImport shipmentImport;

    ShipmentImportController(ShipmentImport shipmentImport) {
        this.shipmentImport = shipmentImport;
    }

    @Operation(
            operationId = "importShipments",
            summary = "Import historical shipments from CSV, or check the file first (dry run)",
            description = "The body is the CSV file (UTF-8, a byte-order mark is fine; at most 5 MB and 5,000"
                    + " rows, 413 import-too-large otherwise). A header line is required; column names are"
                    + " case-insensitive, in any order: reference and product_type are required, the others are"
                    + " buyer, suppliers, bill_of_lading, booking_reference, carrier_scac, vessel_name, voyage,"
                    + " port_of_loading, port_of_discharge, incoterms, etd, eta, atd, ata, status, containers,"
                    + " hs_code, description, net_weight_kg, gross_weight_kg, packages, notes (400 import-columns"
                    + " for unknown or missing ones; 400 import-malformed-csv with the line for broken quoting)."
                    + " buyer and suppliers take partner organisation names or ids; suppliers and containers"
                    + " are separated by ';'. Dates are yyyy-mm-dd (midnight UTC) or ISO date-times (UTC"
                    + " when no offset is given). status is the shipment's historical status, delivered when"
                    + " empty; it is recorded with source import. hs_code, description, weights and packages"
                    + " make one product line.\n\n"
                    + "Every row is checked as the API checks a shipment, and a reference already used (in"
                    + " the file or by an existing shipment) is an error. The answer is always 200 with a"
                    + " report of every row (row = its line in the file, the header being line 1). A dry run"
                    + " (the default) writes nothing. Otherwise, when any row is invalid nothing is imported"
                    + " (imported = 0) unless skipInvalid=true, which imports the valid rows. The rows are"
                    + " imported in one transaction: all of them or, on a failure, none.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")),
                                @Content(
                                        mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                        schema = @Schema(type = "string", format = "binary"))
                            }))
    @PostMapping(consumes = {TEXT_CSV, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ImportReport importShipments(
            @Parameter(description = "Check and report only (default); false imports")
                    @RequestParam(defaultValue = "true")
                    boolean dryRun,
            @Parameter(description = "Import the valid rows even when some are invalid")
                    @RequestParam(defaultValue = "false")
                    boolean skipInvalid,
            @Parameter(hidden = true) HttpServletRequest request)
            throws IOException {
        byte[] csv = body(request);
        return shipmentImport.run(CurrentActor.require(), csv, new ShipmentImport.Options(dryRun, skipInvalid));
    }

    @Operation(
            operationId = "getShipmentImportTemplate",
            summary = "A CSV template: the header line and one example row")
    @GetMapping(value = "/template", produces = TEXT_CSV)
    ResponseEntity<String> template() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("shipments-template.csv")
                                .build()
                                .toString())
                .body(ShipmentImportTemplate.csv());
    }

    /** Reads at most one byte more than allowed, so an oversized upload is refused without buffering it. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > ShipmentImport.MAX_BYTES) {
            throw ImportFileProblem.fileTooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] csv = in.readNBytes(ShipmentImport.MAX_BYTES + 1);
            if (csv.length > ShipmentImport.MAX_BYTES) {
                throw ImportFileProblem.fileTooLarge();
            }
            return csv;
        }
    }
}
