package com.vibotaj.tracehub.documents.internal.demo;

import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.DocumentStatus;
import com.vibotaj.tracehub.documents.internal.Actor;
import com.vibotaj.tracehub.documents.internal.DocumentService;
import com.vibotaj.tracehub.documents.internal.StoredDocument;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.platform.ProblemException;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.DemoShipmentsReady;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import com.vibotaj.tracehub.shipments.ShipmentFacts.Facts;
import com.vibotaj.tracehub.shipments.ShipmentFacts.ProductLineFact;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Puts generated PDFs for the demo shipments through the real upload and review workflow, so the demo
 * shows every compliance state: shipments under way and those marked docs_complete get every required
 * document approved with metadata that agrees with the shipment; docs_pending shipments get a mix of
 * approved, under-review, uploaded and missing documents, and one gets a rejected document with its
 * reason; drafts have none.
 * Cocoa quality certificates are uploaded by the supplier cooperative, as in real life.
 */
@Component
class DemoDocuments {

    private static final Logger log = LoggerFactory.getLogger(DemoDocuments.class);

    /** The demo exporter's TRACES registration (the compliance module's demo organisation setting). */
    static final String TRACES_NUMBER = "NG-TRACES-2026-0417";

    /** Required documents per product (reference-data §2, EU destination), in the order they are uploaded. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "horn_hoof",
            List.of(
                    "bill_of_lading",
                    "commercial_invoice",
                    "packing_list",
                    "certificate_of_origin",
                    "export_declaration",
                    "veterinary_health_certificate",
                    "eu_traces_certificate"),
            "cocoa_beans",
            List.of(
                    "bill_of_lading",
                    "commercial_invoice",
                    "packing_list",
                    "certificate_of_origin",
                    "phytosanitary_certificate",
                    "quality_certificate"));

    private static final List<String> PHYTO = List.of(
            "bill_of_lading",
            "commercial_invoice",
            "packing_list",
            "certificate_of_origin",
            "phytosanitary_certificate",
            "quality_certificate");

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("bill_of_lading", "BILL OF LADING"),
            Map.entry("commercial_invoice", "COMMERCIAL INVOICE"),
            Map.entry("packing_list", "PACKING LIST"),
            Map.entry("certificate_of_origin", "CERTIFICATE OF ORIGIN"),
            Map.entry("phytosanitary_certificate", "PHYTOSANITARY CERTIFICATE"),
            Map.entry("quality_certificate", "QUALITY CERTIFICATE / CERTIFICATE OF ANALYSIS"),
            Map.entry("veterinary_health_certificate", "VETERINARY HEALTH CERTIFICATE"),
            Map.entry("eu_traces_certificate", "EU TRACES HEALTH CERTIFICATE"),
            Map.entry("export_declaration", "EXPORT DECLARATION"));

    private static final Map<String, String> ISSUERS = Map.ofEntries(
            Map.entry("bill_of_lading", "Carrier agent, Apapa"),
            Map.entry("commercial_invoice", "Ogun Valley Agro Exports Ltd"),
            Map.entry("packing_list", "Ogun Valley Agro Exports Ltd"),
            Map.entry("certificate_of_origin", "Lagos Chamber of Commerce and Industry"),
            Map.entry("phytosanitary_certificate", "Nigeria Agricultural Quarantine Service"),
            Map.entry("quality_certificate", "Cocoa Research Institute of Nigeria laboratory"),
            Map.entry("veterinary_health_certificate", "Federal Department of Veterinary and Pest Control Services"),
            Map.entry("eu_traces_certificate", "Federal Department of Veterinary and Pest Control Services (TRACES)"),
            Map.entry("export_declaration", "Nigeria Customs Service"));

    private static final Set<String> EXPIRING =
            Set.of("phytosanitary_certificate", "veterinary_health_certificate", "eu_traces_certificate");

    private final DocumentService documents;
    private final ShipmentFacts shipments;
    private final ScopedTransactions tx;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoDocuments(
            DocumentService documents, ShipmentFacts shipments, ScopedTransactions tx, JdbcClient jdbc, Clock clock) {
        this.documents = documents;
        this.shipments = shipments;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Runs once the demo shipments are committed, on a thread of its own: each upload and review is its
     * own transaction through the real service, in the acting user's tenant scope (a scope is chosen
     * before a transaction begins, so this work cannot join the loader's transaction). Start-up does not wait for it: about 150 documents take
     * several seconds (PDF generation, detection, extraction) and appear while the demo is opened.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DemoShipmentsReady ready) {
        Thread worker = new Thread(
                () -> {
                    try {
                        load(ready);
                    } catch (RuntimeException e) {
                        log.warn("Demo documents incomplete", e);
                    }
                },
                "demo-documents");
        worker.setDaemon(true);
        worker.start();
    }

    void load(DemoShipmentsReady ready) {
        long started = System.nanoTime();
        UUID exporter = ready.organizationId();
        Optional<UUID> uploaderId = member(exporter, "logistics").or(() -> member(exporter, "admin"));
        Optional<UUID> reviewerId = member(exporter, "compliance").or(() -> member(exporter, "admin"));
        if (uploaderId.isEmpty() || reviewerId.isEmpty()) {
            log.warn("Demo documents skipped: the demo exporter has no logistics/compliance user");
            return;
        }
        Actor uploader = new Actor(uploaderId.get(), exporter, Role.LOGISTICS);
        Actor reviewer = new Actor(reviewerId.get(), exporter, reviewerRole(exporter, reviewerId.get()));
        List<Facts> all = ready.daysUnderWay().keySet().stream()
                .map(id -> tx.read(uploader.scope(), () -> shipments.find(id)))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Facts::reference))
                .toList();
        int count = 0;
        boolean rejectedShown = false;
        int pending = 0;
        for (Facts s : all) {
            if (s.status() == ShipmentStatus.DRAFT || s.status() == ShipmentStatus.ARCHIVED) {
                continue; // a draft has no documents yet
            }
            List<String> required = REQUIRED.getOrDefault(s.productType(), PHYTO);
            boolean complete = s.status() != ShipmentStatus.DOCS_PENDING;
            for (int i = 0; i < required.size(); i++) {
                String type = required.get(i);
                DocumentStatus target;
                if (complete) {
                    target = DocumentStatus.APPROVED;
                } else {
                    // docs_pending: the first documents approved, then some in review or just uploaded, the
                    // rest missing; the second pending shipment shows a rejection.
                    int spread = (pending % 3) + 2;
                    if (i < spread) {
                        target = DocumentStatus.APPROVED;
                    } else if (i == spread) {
                        target = !rejectedShown && pending == 1 ? DocumentStatus.REJECTED : DocumentStatus.UNDER_REVIEW;
                    } else if (i == spread + 1) {
                        target = DocumentStatus.UPLOADED;
                    } else {
                        continue;
                    }
                    rejectedShown |= target == DocumentStatus.REJECTED;
                }
                Actor by = uploaderFor(s, type, uploader);
                if (put(s, type, by, uploader, reviewer, target)) {
                    count++;
                }
            }
            if (!complete) {
                pending++;
            }
        }
        log.info(
                "Demo documents created: {} for {} shipments in {} ms",
                count,
                all.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Cocoa quality certificates come from the supplier cooperative, when it has a user. */
    private Actor uploaderFor(Facts s, String type, Actor exporterUploader) {
        if (type.equals("quality_certificate") && !s.supplierOrganizationIds().isEmpty()) {
            UUID supplier = s.supplierOrganizationIds().get(0);
            return member(supplier, "supplier")
                    .map(id -> new Actor(id, supplier, Role.SUPPLIER))
                    .orElse(exporterUploader);
        }
        return exporterUploader;
    }

    private boolean put(Facts s, String type, Actor by, Actor exporterUploader, Actor reviewer, DocumentStatus target) {
        DocumentMetadata metadata = metadata(s, type);
        byte[] pdf = SimplePdf.of(text(s, type, metadata));
        try {
            StoredDocument d = documents.upload(
                    by, s.id(), type, metadata, type + "-" + s.reference() + ".pdf", new ByteArrayInputStream(pdf));
            UUID id = d.document().id();
            if (target == DocumentStatus.UPLOADED) {
                return true;
            }
            documents.transition(by, id, DocumentStatus.UNDER_REVIEW, null);
            if (target == DocumentStatus.APPROVED) {
                try {
                    documents.transition(reviewer, id, DocumentStatus.APPROVED, null);
                } catch (ProblemException refused) {
                    // Compliance may block an approval (its guard); the demo then leaves it under review.
                    log.info("Demo approval of {} on {} refused: {}", type, s.reference(), refused.getMessage());
                }
            } else if (target == DocumentStatus.REJECTED) {
                documents.transition(
                        reviewer,
                        id,
                        DocumentStatus.REJECTED,
                        "Stamp of the issuing authority is missing on page 1; please upload a stamped copy.");
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Demo document {} for {} not created: {}", type, s.reference(), e.getMessage());
            return false;
        }
    }

    private DocumentMetadata metadata(Facts s, String type) {
        LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        // Issued before departure: the planned ETD is at least a week ahead, voyages under way left today
        // in real time (the simulator compresses days), so ten days ago is before either.
        LocalDate issued = today.minusDays(10);
        String ref = s.reference();
        Map<String, String> fields = new LinkedHashMap<>();
        String containers = String.join(",", s.containerNumbers());
        String hs = s.productLines().stream()
                .map(ProductLineFact::hsCode)
                .distinct()
                .collect(Collectors.joining(","));
        BigDecimal gross = sum(s, ProductLineFact::grossWeightKg);
        BigDecimal net = sum(s, ProductLineFact::netWeightKg);
        String origin = s.exportCountry() == null ? "NG" : s.exportCountry();
        String number;
        switch (type) {
            case "bill_of_lading" -> {
                number = "BL-" + ref;
                fields.put(DocumentMetadata.CONTAINER_NUMBERS, containers);
                fields.put(DocumentMetadata.HS_CODES, hs);
                fields.put(DocumentMetadata.GROSS_WEIGHT_KG, gross.toPlainString());
            }
            case "commercial_invoice" -> {
                number = "INV-" + ref;
                fields.put(DocumentMetadata.HS_CODES, hs);
                fields.put(DocumentMetadata.GROSS_WEIGHT_KG, gross.toPlainString());
                fields.put(DocumentMetadata.NET_WEIGHT_KG, net.toPlainString());
            }
            case "packing_list" -> {
                number = "PL-" + ref;
                fields.put(DocumentMetadata.CONTAINER_NUMBERS, containers);
                fields.put(DocumentMetadata.GROSS_WEIGHT_KG, gross.toPlainString());
                fields.put(DocumentMetadata.NET_WEIGHT_KG, net.toPlainString());
            }
            case "certificate_of_origin" -> {
                number = "CO-" + ref;
                fields.put(DocumentMetadata.COUNTRY_OF_ORIGIN, origin);
                fields.put(DocumentMetadata.HS_CODES, hs);
            }
            case "phytosanitary_certificate" -> {
                number = "PC-" + ref;
                fields.put(DocumentMetadata.COUNTRY_OF_ORIGIN, origin);
            }
            case "quality_certificate" -> {
                number = "QC-" + ref;
                s.productLines().stream()
                        .map(ProductLineFact::moisturePercent)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .ifPresent(m -> fields.put(DocumentMetadata.MOISTURE_PERCENT, m.toPlainString()));
            }
            case "veterinary_health_certificate" -> {
                number = "VHC-" + ref;
                fields.put(DocumentMetadata.COUNTRY_OF_ORIGIN, origin);
            }
            case "eu_traces_certificate" -> {
                number = "CHED-" + ref;
                fields.put(DocumentMetadata.TRACES_NUMBER, TRACES_NUMBER);
            }
            default -> number = "NXP-" + ref;
        }
        fields.values().removeIf(String::isBlank);
        LocalDate expiry = EXPIRING.contains(type) ? today.plusDays(120) : null;
        return new DocumentMetadata(number, issued, expiry, ISSUERS.get(type), fields);
    }

    private static BigDecimal sum(Facts s, java.util.function.Function<ProductLineFact, @Nullable BigDecimal> weight) {
        return s.productLines().stream()
                .map(weight)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Real text, so that the suggestions find the same facts as the metadata. */
    private static List<String> text(Facts s, String type, DocumentMetadata m) {
        List<String> lines = new ArrayList<>();
        lines.add(TITLES.getOrDefault(type, type.toUpperCase(java.util.Locale.ROOT)));
        lines.add("Certificate No: " + m.referenceNumber());
        lines.add("Shipment reference: " + s.reference());
        lines.add("Issued by: " + m.issuer() + "   Date: " + m.issueDate());
        lines.add("Exporter (shipper): "
                + (s.exporterName() == null ? "Ogun Valley Agro Exports Ltd" : s.exporterName()));
        lines.add("Port of loading: " + s.portOfLoading() + "   Port of discharge: " + s.portOfDischarge());
        for (ProductLineFact l : s.productLines()) {
            lines.add("HS code: " + l.hsCode() + "  " + l.description());
            lines.add("Container " + (l.containerNumber() == null ? "-" : l.containerNumber()) + "  net weight "
                    + l.netWeightKg() + " kg  gross weight " + l.grossWeightKg() + " kg");
        }
        m.fields().forEach((k, v) -> lines.add(k.replace('_', ' ') + ": " + v));
        if (m.expiryDate() != null) {
            lines.add("Valid until: " + m.expiryDate());
        }
        return lines;
    }

    private Optional<UUID> member(UUID organization, String role) {
        return tx.read(
                TenantScope.organization(organization),
                () -> jdbc.sql("SELECT user_id FROM membership WHERE organization_id = :org AND role = :role"
                                + " ORDER BY user_id LIMIT 1")
                        .param("org", organization)
                        .param("role", role)
                        .query(UUID.class)
                        .optional());
    }

    private Role reviewerRole(UUID organization, UUID user) {
        return tx.read(
                TenantScope.organization(organization),
                () -> jdbc.sql("SELECT role FROM membership WHERE organization_id = :org AND user_id = :user")
                        .param("org", organization)
                        .param("user", user)
                        .query(String.class)
                        .optional()
                        .map(Role::of)
                        .orElse(Role.ADMIN));
    }
}
