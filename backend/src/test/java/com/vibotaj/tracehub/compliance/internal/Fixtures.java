package com.vibotaj.tracehub.compliance.internal;

import com.vibotaj.tracehub.compliance.internal.rules.RuleContext;
import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.DocumentStatus;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Plain records for rule and evaluation tests: a rule set like 2026.1, shipments and documents. */
public final class Fixtures {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    public static final Instant NOW = TODAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    public static final UUID OWNER = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
    public static final String TRACES = "NG-TRACES-2026-0417";

    private Fixtures() {}

    static final List<String> HORN_HOOF_EU = List.of(
            "eu_traces_certificate",
            "veterinary_health_certificate",
            "certificate_of_origin",
            "bill_of_lading",
            "commercial_invoice",
            "packing_list",
            "export_declaration");
    static final List<String> COCOA_EU = List.of(
            "certificate_of_origin",
            "bill_of_lading",
            "commercial_invoice",
            "packing_list",
            "phytosanitary_certificate",
            "quality_certificate",
            "eudr_dds_package");
    static final List<String> PELLETS_EU = List.of(
            "phytosanitary_certificate",
            "certificate_of_origin",
            "quality_certificate",
            "bill_of_lading",
            "commercial_invoice",
            "packing_list");
    static final List<String> OTHER_ANY =
            List.of("bill_of_lading", "commercial_invoice", "packing_list", "certificate_of_origin");

    public static RuleSet ruleSet() {
        Map<String, RuleSet.Product> products = new HashMap<>();
        products.put(
                "horn_hoof", new RuleSet.Product("horn_hoof", List.of("0506", "0507"), Set.of("veterinary"), null));
        products.put(
                "cocoa_beans",
                new RuleSet.Product("cocoa_beans", List.of("1801"), Set.of("eudr", "phytosanitary"), null));
        products.put(
                "sweet_potato_pellets",
                new RuleSet.Product(
                        "sweet_potato_pellets", List.of("0714"), Set.of("phytosanitary"), new BigDecimal("13")));
        products.put("other", new RuleSet.Product("other", List.of(), Set.of(), null));
        List<RuleSet.RequiredDocument> required = new ArrayList<>();
        add(required, "horn_hoof", "EU", HORN_HOOF_EU);
        add(required, "cocoa_beans", "EU", COCOA_EU);
        add(required, "sweet_potato_pellets", "EU", PELLETS_EU);
        add(required, "other", "*", OTHER_ANY);
        Set<String> formal = Set.of(
                "bill_of_lading",
                "commercial_invoice",
                "packing_list",
                "certificate_of_origin",
                "phytosanitary_certificate",
                "fumigation_certificate",
                "veterinary_health_certificate",
                "eu_traces_certificate",
                "export_declaration",
                "quality_certificate",
                "insurance_certificate");
        Set<String> expiring = Set.of(
                "phytosanitary_certificate",
                "veterinary_health_certificate",
                "fumigation_certificate",
                "insurance_certificate");
        Map<String, Set<String>> rules = new HashMap<>();
        rules.put("DOC-REFERENCE", formal);
        rules.put("DOC-ISSUE-DATE", formal);
        rules.put("DOC-EXPIRY", expiring);
        rules.put("DOC-EXPIRY-SOON", expiring);
        rules.put("VET-ISSUED-BEFORE-DEPARTURE", Set.of("veterinary_health_certificate"));
        rules.put("VET-ISSUER-AUTHORITY", Set.of("veterinary_health_certificate"));
        rules.put("TRACES-NUMBER", Set.of("eu_traces_certificate"));
        rules.put("COO-EXPORT-COUNTRY", Set.of("certificate_of_origin"));
        rules.put("QUALITY-MOISTURE", Set.of("quality_certificate"));
        rules.put("XD-CONTAINERS", Set.of("bill_of_lading", "packing_list", "fumigation_certificate"));
        rules.put("XD-HS-CODES", Set.of("bill_of_lading", "certificate_of_origin", "commercial_invoice"));
        rules.put("XD-WEIGHTS", Set.of("bill_of_lading", "packing_list", "commercial_invoice"));
        return new RuleSet(
                "2026.1",
                LocalDate.of(2026, 1, 1),
                "test",
                null,
                products,
                required,
                rules,
                Map.of(
                        "expiry_warning_days", "30,14,7",
                        "weight_tolerance_percent", "5",
                        "vet_authority_keywords.NG", "Nigeria,Nigerian,NVRI,Federal"));
    }

    private static void add(List<RuleSet.RequiredDocument> list, String product, String dest, List<String> types) {
        for (int i = 0; i < types.size(); i++) {
            list.add(new RuleSet.RequiredDocument(product, dest, types.get(i), i + 1));
        }
    }

    public static final String CONTAINER = "CSQU3054383";
    public static final String CONTAINER_2 = "MRSU3452572";

    /** A shipment from Apapa to Hamburg, ETD 2026-12-01, one container, one product line of 24 t. */
    public static ShipmentFacts.Facts shipment(String productType) {
        return shipment(productType, OffsetDateTime.parse("2026-12-01T08:00:00Z"), null);
    }

    public static ShipmentFacts.Facts shipment(
            String productType, @Nullable OffsetDateTime etd, @Nullable OffsetDateTime atd) {
        String hs = switch (productType) {
            case "horn_hoof" -> "050690";
            case "sweet_potato_pellets" -> "071420";
            default -> "180100";
        };
        return new ShipmentFacts.Facts(
                UUID.fromString("00000000-0000-4000-8000-000000000001"),
                OWNER,
                null,
                List.of(),
                List.of(),
                "VIBO-1",
                productType,
                ShipmentStatus.DOCS_PENDING,
                "NGAPP",
                "DEHAM",
                etd,
                atd,
                null,
                null,
                null,
                List.of(CONTAINER),
                List.of(new ShipmentFacts.ProductLineFact(
                        1, hs, "goods", new BigDecimal("24000"), new BigDecimal("24500"), null, CONTAINER)));
    }

    private static int counter;

    public static ShipmentDocument doc(String type, int version, DocumentStatus status, DocumentMetadata metadata) {
        counter++;
        return new ShipmentDocument(
                UUID.nameUUIDFromBytes(
                        (type + "-" + version + "-" + counter).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                shipment("other").id(),
                OWNER,
                type,
                version,
                status,
                metadata,
                "0".repeat(64),
                100,
                "application/pdf",
                type + ".pdf",
                OWNER,
                OWNER,
                NOW,
                NOW);
    }

    public static ShipmentDocument doc(String type, DocumentMetadata metadata) {
        return doc(type, 1, DocumentStatus.UNDER_REVIEW, metadata);
    }

    /** Metadata that passes every rule for the type on {@link #shipment}. */
    public static DocumentMetadata good(String type) {
        Map<String, String> fields = new HashMap<>();
        switch (type) {
            case "bill_of_lading" -> {
                fields.put(DocumentMetadata.CONTAINER_NUMBERS, CONTAINER);
                fields.put(DocumentMetadata.HS_CODES, "1801.00");
                fields.put(DocumentMetadata.GROSS_WEIGHT_KG, "24500");
            }
            case "packing_list" -> {
                fields.put(DocumentMetadata.CONTAINER_NUMBERS, CONTAINER);
                fields.put(DocumentMetadata.GROSS_WEIGHT_KG, "24400");
                fields.put(DocumentMetadata.NET_WEIGHT_KG, "24000");
            }
            case "commercial_invoice" -> {
                fields.put(DocumentMetadata.HS_CODES, "180100");
                fields.put(DocumentMetadata.NET_WEIGHT_KG, "24000");
            }
            case "certificate_of_origin" -> {
                fields.put(DocumentMetadata.HS_CODES, "1801");
                fields.put(DocumentMetadata.COUNTRY_OF_ORIGIN, "NG");
            }
            case "fumigation_certificate" -> fields.put(DocumentMetadata.CONTAINER_NUMBERS, CONTAINER);
            case "quality_certificate" -> fields.put(DocumentMetadata.MOISTURE_PERCENT, "11.5");
            case "eu_traces_certificate" -> fields.put(DocumentMetadata.TRACES_NUMBER, TRACES);
            default -> {}
        }
        boolean expires = Set.of(
                        "phytosanitary_certificate",
                        "veterinary_health_certificate",
                        "fumigation_certificate",
                        "insurance_certificate")
                .contains(type);
        return new DocumentMetadata(
                type.toUpperCase(java.util.Locale.ROOT) + "-001",
                LocalDate.of(2026, 11, 10),
                expires ? LocalDate.of(2027, 3, 1) : null,
                type.equals("veterinary_health_certificate") ? "Federal Ministry of Agriculture, Nigeria" : "Issuer",
                fields);
    }

    /** The good metadata with one field replaced (null removes it). */
    public static DocumentMetadata with(DocumentMetadata m, String key, @Nullable String value) {
        Map<String, String> fields = new HashMap<>(m.fields());
        if (value == null) {
            fields.remove(key);
        } else {
            fields.put(key, value);
        }
        return new DocumentMetadata(m.referenceNumber(), m.issueDate(), m.expiryDate(), m.issuer(), fields);
    }

    public static RuleContext context(ShipmentFacts.Facts shipment, ShipmentDocument... others) {
        Map<String, ShipmentDocument> byType = new HashMap<>();
        for (ShipmentDocument d : others) {
            byType.put(d.type(), d);
        }
        return new RuleContext(ruleSet(), shipment, byType, TRACES, TODAY);
    }
}
