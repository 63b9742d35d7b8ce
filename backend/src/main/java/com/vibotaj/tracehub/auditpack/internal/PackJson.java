package com.vibotaj.tracehub.auditpack.internal;

import com.vibotaj.tracehub.auditpack.internal.PackSource.PackDocument;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation;
import com.vibotaj.tracehub.compliance.ComplianceOverride;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.eudr.EudrAssessment;
import com.vibotaj.tracehub.eudr.EudrEvidence;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.tracking.TrackingHistory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON entries. Trees are built by hand in a fixed key order (maps sorted), times as ISO-8601 UTC
 * text, and printed with "\n" line ends whatever the platform: the same data gives the same bytes.
 */
final class PackJson {

    /** Names the layout of the pack, so a reader can tell versions apart. */
    static final String FORMAT = "tracehub-audit-pack/1";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter WRITER = MAPPER.writer()
            .with(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private PackJson() {}

    static byte[] bytes(JsonNode node) {
        return (WRITER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode tracking(PackSource s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("shipmentId", s.facts().id().toString());
        root.put("reference", s.facts().reference());
        ArrayNode containers = root.putArray("containers");
        s.facts().containerNumbers().forEach(containers::add);
        ArrayNode events = root.putArray("events");
        for (TrackingHistory.Event e : s.events()) {
            ObjectNode n = events.addObject();
            n.put("id", e.id().toString());
            n.put("containerNumber", e.containerNumber());
            n.put("eventTime", e.eventTime().toString());
            text(n, "dcsaCode", e.dcsaCode());
            n.put("providerCode", e.providerCode());
            n.put("classifier", e.classifier());
            text(n, "unlocode", e.unlocode());
            text(n, "locationName", e.locationName());
            text(n, "vesselName", e.vesselName());
            text(n, "voyage", e.voyage());
            n.put("derived", e.derived());
            n.put("retracted", e.retracted());
            n.put("provider", e.provider());
        }
        return root;
    }

    /**
     * @param entryHashes SHA-256 of each document entry as written (they equal the recorded hashes: the
     *     writer stops the pack otherwise)
     */
    static ObjectNode metadata(PackSource s, Map<String, String> entryHashes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("complete", s.missingCount() == 0);
        root.set("shipment", shipment(s.facts(), s.fields()));
        root.set("compliance", compliance(s.evaluation(), s.overrides()));
        ArrayNode documents = root.putArray("documents");
        for (PackDocument d : s.documents()) {
            ObjectNode n = document(documents.addObject(), d.document());
            n.put("entry", d.entryName());
            n.put("stored", d.missing() ? "missing" : "included");
            text(n, "entrySha256", entryHashes.get(d.entryName()));
        }
        ArrayNode others = root.putArray("otherVersions");
        for (ShipmentDocument d : s.otherVersions()) {
            document(others.addObject(), d);
        }
        if (s.eudr() != null) {
            root.set("eudr", eudr(s.eudr()));
        }
        return root;
    }

    static ObjectNode plots(EudrEvidence evidence) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (EudrEvidence.Plot p : evidence.plots()) {
            features.add(MAPPER.readTree(p.feature()));
        }
        return root;
    }

    private static ObjectNode shipment(ShipmentFacts.Facts facts, ShipmentFields f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", facts.id().toString());
        n.put("reference", f.reference());
        n.put("status", facts.status().value());
        n.put("productType", f.productType());
        n.put("ownerOrganizationId", facts.organizationId().toString());
        text(n, "buyerOrganizationId", f.buyerOrganizationId());
        ids(n.putArray("supplierOrganizationIds"), f.supplierOrganizationIds());
        ids(n.putArray("logisticsOrganizationIds"), f.logisticsOrganizationIds());
        text(n, "exporterName", f.exporterName());
        text(n, "exporterAddress", f.exporterAddress());
        text(n, "importerName", f.importerName());
        text(n, "importerAddress", f.importerAddress());
        text(n, "billOfLading", f.billOfLading());
        text(n, "bookingReference", f.bookingReference());
        text(n, "carrierScac", f.carrierScac());
        text(n, "carrierName", f.carrierName());
        text(n, "vesselName", f.vesselName());
        text(n, "voyage", f.voyage());
        text(n, "portOfLoading", f.portOfLoading());
        text(n, "portOfDischarge", f.portOfDischarge());
        text(n, "finalDestination", f.finalDestination());
        text(n, "incoterms", f.incoterms());
        text(n, "etd", f.etd());
        text(n, "atd", f.atd());
        text(n, "eta", f.eta());
        text(n, "ata", f.ata());
        ArrayNode containers = n.putArray("containers");
        for (ShipmentFields.ContainerLine c : f.containers()) {
            ObjectNode cn = containers.addObject();
            cn.put("number", c.number());
            text(cn, "isoType", c.isoType());
            text(cn, "sealNumber", c.sealNumber());
            number(cn, "grossWeightKg", c.grossWeightKg());
        }
        ArrayNode lines = n.putArray("productLines");
        int position = 1;
        for (ShipmentFields.ProductLine l : f.productLines()) {
            ObjectNode ln = lines.addObject();
            ln.put("position", position++);
            ln.put("hsCode", l.hsCode());
            ln.put("description", l.description());
            number(ln, "netWeightKg", l.netWeightKg());
            number(ln, "grossWeightKg", l.grossWeightKg());
            if (l.packages() == null) {
                ln.putNull("packages");
            } else {
                ln.put("packages", l.packages());
            }
            text(ln, "packagingType", l.packagingType());
            text(ln, "batchNumbers", l.batchNumbers());
            text(ln, "qualityGrade", l.qualityGrade());
            number(ln, "moisturePercent", l.moisturePercent());
            text(ln, "containerNumber", l.containerNumber());
        }
        return n;
    }

    private static ObjectNode compliance(ComplianceEvaluation e, List<ComplianceOverride> overrides) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("overall", e.overall().value());
        n.put("ruleSetVersion", e.ruleSetVersion());
        n.put("evaluatedAt", e.evaluatedAt().toString());
        ArrayNode requirements = n.putArray("requirements");
        for (ComplianceEvaluation.Requirement r : e.requirements()) {
            ObjectNode rn = requirements.addObject();
            rn.put("documentType", r.documentType());
            rn.put("state", r.state().value());
            text(rn, "documentId", r.documentId());
            if (r.version() == null) {
                rn.putNull("version");
            } else {
                rn.put("version", r.version());
            }
            rn.put("message", r.message());
            text(rn, "nextAction", r.nextAction());
        }
        ArrayNode regimes = n.putArray("regimes");
        for (ComplianceEvaluation.Regime r : e.regimes()) {
            ObjectNode rn = regimes.addObject();
            rn.put("code", r.code());
            rn.put("status", r.status().value());
            findings(rn.putArray("findings"), r.findings());
        }
        findings(n.putArray("findings"), e.findings());
        ArrayNode on = n.putArray("overrides");
        for (ComplianceOverride o : overrides) {
            ObjectNode x = on.addObject();
            x.put("id", o.id().toString());
            x.put("ruleId", o.ruleId());
            text(x, "documentId", o.documentId());
            x.put("reason", o.reason());
            x.put("createdBy", o.createdBy().toString());
            x.put("createdAt", o.createdAt().toString());
            text(x, "revokedAt", o.revokedAt());
            text(x, "revokedBy", o.revokedBy());
        }
        return n;
    }

    private static void findings(ArrayNode array, List<ComplianceEvaluation.Finding> findings) {
        for (ComplianceEvaluation.Finding f : findings) {
            ObjectNode fn = array.addObject();
            fn.put("ruleId", f.ruleId());
            fn.put("severity", f.severity().value());
            fn.put("message", f.message());
            text(fn, "documentId", f.documentId());
            text(fn, "overrideId", f.overrideId());
            text(fn, "overrideReason", f.overrideReason());
        }
    }

    private static ObjectNode document(ObjectNode n, ShipmentDocument d) {
        n.put("id", d.id().toString());
        n.put("type", d.type());
        n.put("version", d.version());
        n.put("status", d.status().value());
        n.put("sha256", d.sha256());
        n.put("sizeBytes", d.sizeBytes());
        n.put("contentType", d.contentType());
        n.put("originalName", d.originalName());
        n.put("uploadedBy", d.uploadedBy().toString());
        n.put("uploadedByOrganizationId", d.uploadedByOrganizationId().toString());
        n.put("uploadedAt", d.uploadedAt().toString());
        n.put("statusChangedAt", d.statusChangedAt().toString());
        ObjectNode m = n.putObject("metadata");
        text(m, "referenceNumber", d.metadata().referenceNumber());
        text(m, "issueDate", d.metadata().issueDate());
        text(m, "expiryDate", d.metadata().expiryDate());
        text(m, "issuer", d.metadata().issuer());
        ObjectNode fields = m.putObject("fields");
        new TreeMap<>(d.metadata().fields()).forEach(fields::put);
        return n;
    }

    private static ObjectNode eudr(EudrEvidence evidence) {
        ObjectNode n = MAPPER.createObjectNode();
        EudrAssessment a = evidence.assessment();
        n.put("status", a.status());
        text(n, "riskLevel", a.riskLevel());
        ArrayNode checklist = n.putArray("checklist");
        for (EudrAssessment.ChecklistItem i : a.checklist()) {
            ObjectNode c = checklist.addObject();
            c.put("code", i.code());
            c.put("state", i.state());
            c.put("message", i.message());
        }
        ArrayNode plots = n.putArray("plots");
        for (EudrEvidence.Plot p : evidence.plots()) {
            ObjectNode pn = plots.addObject();
            pn.put("id", p.id().toString());
            text(pn, "producerName", p.producerName());
            text(pn, "producerCountry", p.producerCountry());
            text(pn, "productionPlace", p.productionPlace());
            number(pn, "areaHa", p.areaHa());
            number(pn, "computedAreaHa", p.computedAreaHa());
            pn.put("geometryType", p.geometryType());
            text(pn, "productionStart", p.productionStart());
            text(pn, "productionEnd", p.productionEnd());
            ArrayNode lines = pn.putArray("linePositions");
            p.linePositions().forEach(lines::add);
        }
        ArrayNode dds = n.putArray("ddsReferences");
        for (EudrEvidence.DdsReference d : evidence.ddsReferences()) {
            ObjectNode dn = dds.addObject();
            dn.put("referenceNumber", d.referenceNumber());
            dn.put("verificationNumber", d.verificationNumber());
            dn.put("filedAt", d.filedAt().toString());
            text(dn, "amendedAt", d.amendedAt());
        }
        return n;
    }

    private static void ids(ArrayNode array, List<UUID> ids) {
        ids.forEach(id -> array.add(id.toString()));
    }

    private static void text(ObjectNode n, String name, @Nullable Object value) {
        if (value == null) {
            n.putNull(name);
        } else {
            n.put(name, value.toString());
        }
    }

    private static void number(ObjectNode n, String name, @Nullable BigDecimal value) {
        if (value == null) {
            n.putNull(name);
        } else {
            n.put(name, value);
        }
    }
}
