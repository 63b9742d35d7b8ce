package com.vibotaj.tracehub.shipments.internal.importing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the shipment CSV: the header name users write, the longest value accepted (the API's
 * limits) and the value shown in the template's example row.
 */
enum ImportColumn {
    REFERENCE("reference", 40, "VIBO-2025-001"),
    PRODUCT_TYPE("product_type", 40, "cocoa_beans"),
    BUYER("buyer", 200, "Hamburg Cocoa Trading GmbH"),
    SUPPLIERS("suppliers", 4000, "Ondo Farmers Cooperative"),
    BILL_OF_LADING("bill_of_lading", 40, "MAEU241234567"),
    BOOKING_REFERENCE("booking_reference", 40, "241234567"),
    CARRIER_SCAC("carrier_scac", 4, "MAEU"),
    VESSEL_NAME("vessel_name", 100, "MAERSK TEMA"),
    VOYAGE("voyage", 20, "512W"),
    PORT_OF_LOADING("port_of_loading", 5, "NGAPP"),
    PORT_OF_DISCHARGE("port_of_discharge", 5, "DEHAM"),
    INCOTERMS("incoterms", 3, "FOB"),
    ETD("etd", 40, "2025-03-01"),
    ETA("eta", 40, "2025-03-24"),
    ATD("atd", 40, "2025-03-02T06:30:00Z"),
    ATA("ata", 40, "2025-03-25"),
    STATUS("status", 20, "delivered"),
    CONTAINERS("containers", 4000, "CSQU3054383;MRSU3452572"),
    HS_CODE("hs_code", 14, "180100"),
    DESCRIPTION("description", 500, "Raw cocoa beans, grade 1"),
    NET_WEIGHT_KG("net_weight_kg", 20, "48000"),
    GROSS_WEIGHT_KG("gross_weight_kg", 20, "49000.5"),
    PACKAGES("packages", 10, "768"),
    NOTES("notes", 4000, "Imported from the 2025 spreadsheet");

    private final String header;
    private final int maxLength;
    private final String example;

    ImportColumn(String header, int maxLength, String example) {
        this.header = header;
        this.maxLength = maxLength;
        this.example = example;
    }

    String header() {
        return header;
    }

    int maxLength() {
        return maxLength;
    }

    String example() {
        return example;
    }

    /** Matches a header cell ignoring case and treating spaces and dashes as underscores ("Product Type"). */
    static Optional<ImportColumn> byHeader(String cell) {
        String normalised = cell.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Arrays.stream(values()).filter(c -> c.header.equals(normalised)).findFirst();
    }

    /**
     * The column an error of the shipment validation belongs to: its API field names
     * ({@code productLines[0].netWeightKg}, {@code containers[2].number}) become column names.
     */
    static String forApiField(String field) {
        if (field.startsWith("buyerOrganizationId")) {
            return BUYER.header;
        }
        if (field.startsWith("supplierOrganizationIds")) {
            return SUPPLIERS.header;
        }
        if (field.startsWith("containers")) {
            return CONTAINERS.header;
        }
        String last = field.substring(field.lastIndexOf('.') + 1);
        return last.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
