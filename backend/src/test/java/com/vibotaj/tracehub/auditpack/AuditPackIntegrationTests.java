package com.vibotaj.tracehub.auditpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.documents.internal.demo.SimplePdf;
import com.vibotaj.tracehub.documents.internal.storage.DocumentStore;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The audit pack over HTTP with real data: contents and order, the manifest, determinism, tenancy and
 * permissions, a document whose bytes are gone, a document whose bytes changed, and EUDR only where it
 * applies. Data is arranged as the database owner; document bytes go to the real DocumentStore.
 */
@IntegrationTest
class AuditPackIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(AuditPackIntegrationTests.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    DocumentStore store;

    TestData.Org exporter;
    TestData.Org buyer;
    TestData.Org other;
    TestData.User admin;
    TestData.User compliance;
    TestData.User logistics;
    TestData.User buyerUser;
    TestData.User otherAdmin;
    private final Map<UUID, String> bearers = new HashMap<>();

    @BeforeEach
    void arrange() {
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        other = data.organization("exporter");
        admin = data.user(exporter, "admin");
        compliance = data.user(exporter, "compliance");
        logistics = data.user(exporter, "logistics");
        buyerUser = data.user(buyer, "buyer");
        otherAdmin = data.user(other, "admin");
    }

    // ---- contents ----

    @Test
    void packHoldsTheIndexEveryCurrentDocumentTheLogsAndAManifestInThatOrder() throws Exception {
        UUID shipment = shipment("cocoa_beans", "180100");
        byte[] bl = SimplePdf.of(List.of("Bill of lading"));
        byte[] invoiceV1 = SimplePdf.of(List.of("Invoice, first version"));
        byte[] invoiceV2 = SimplePdf.of(List.of("Invoice, second version"));
        UUID blId = document(shipment, "bill_of_lading", 1, "approved", bl);
        UUID oldInvoice = document(shipment, "commercial_invoice", 1, "superseded", invoiceV1);
        UUID invoiceId = document(shipment, "commercial_invoice", 2, "approved", invoiceV2);
        UUID pending = document(shipment, "packing_list", 1, "under_review", SimplePdf.of(List.of("PL")));
        event(shipment, "LOAD", "2026-11-01T10:00:00Z");
        event(shipment, "DEPA", "2026-11-02T10:00:00Z");
        plot(shipment);

        MvcResult result = mvc.perform(
                        get("/api/shipments/" + shipment + "/audit-pack").header("Authorization", bearer(admin)))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getContentType()).isEqualTo("application/zip");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + reference(shipment) + "-audit-pack.zip\"");
        Map<String, byte[]> entries = unzip(result.getResponse().getContentAsByteArray());

        assertThat(entries.keySet())
                .containsExactly(
                        "index.pdf",
                        "documents/bill_of_lading-v1-" + blId.toString().substring(0, 8) + ".pdf",
                        "documents/commercial_invoice-v2-"
                                + invoiceId.toString().substring(0, 8) + ".pdf",
                        "tracking.json",
                        "metadata.json",
                        "eudr/plots.geojson",
                        "MANIFEST.sha256");
        assertThat(entries.get("documents/bill_of_lading-v1-" + blId.toString().substring(0, 8) + ".pdf"))
                .isEqualTo(bl);
        assertThat(entries.get("documents/commercial_invoice-v2-"
                        + invoiceId.toString().substring(0, 8) + ".pdf"))
                .isEqualTo(invoiceV2);
        assertManifestVerifies(entries);

        String metadata = new String(entries.get("metadata.json"), StandardCharsets.UTF_8);
        assertThat(JsonPath.<Boolean>read(metadata, "$.complete")).isTrue();
        assertThat(JsonPath.<String>read(metadata, "$.shipment.reference")).isEqualTo(reference(shipment));
        assertThat(JsonPath.<List<String>>read(metadata, "$.documents[*].id"))
                .containsExactly(blId.toString(), invoiceId.toString());
        assertThat(JsonPath.<List<String>>read(metadata, "$.documents[*].sha256"))
                .containsExactly(sha256(bl), sha256(invoiceV2));
        assertThat(JsonPath.<List<String>>read(metadata, "$.otherVersions[*].id"))
                .containsExactlyInAnyOrder(oldInvoice.toString(), pending.toString());
        String tracking = new String(entries.get("tracking.json"), StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(tracking, "$.events[*].dcsaCode"))
                .containsExactly("LOAD", "DEPA");
        String geojson = new String(entries.get("eudr/plots.geojson"), StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(geojson, "$.type")).isEqualTo("FeatureCollection");
        assertThat(JsonPath.<List<Object>>read(geojson, "$.features")).hasSize(1);
        assertThat(JsonPath.<String>read(geojson, "$.features[0].properties.ProducerName"))
                .isEqualTo("Ogun Farmers");
    }

    @Test
    void indexPdfShowsShipmentChecklistStatesRuleSetOverridesTrackingAndEudr() throws Exception {
        UUID shipment = shipment("cocoa_beans", "180100");
        document(shipment, "bill_of_lading", 1, "approved", SimplePdf.of(List.of("BL")));
        event(shipment, "DEPA", "2026-11-02T10:00:00Z");
        plot(shipment);
        data.owner()
                .update(
                        "INSERT INTO compliance_override (id, shipment_id, organization_id, rule_id, reason, created_by)"
                                + " VALUES (?, ?, ?, 'XD-CONTAINERS', 'Seal swap confirmed by the carrier', ?)",
                        UUID.randomUUID(),
                        shipment,
                        exporter.id(),
                        compliance.id());

        Map<String, byte[]> entries = unzip(download(buyerUser, shipment));
        String metadata = new String(entries.get("metadata.json"), StandardCharsets.UTF_8);
        String text = pdfText(entries.get("index.pdf")).replaceAll("\\s+", " ");

        assertThat(text).contains("Audit pack - " + reference(shipment)).contains("MAERSK BENUE");
        String version = JsonPath.read(metadata, "$.compliance.ruleSetVersion");
        String api = mvc.perform(
                        get("/api/shipments/" + shipment + "/compliance").header("Authorization", bearer(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(version).isEqualTo(JsonPath.<String>read(api, "$.ruleSetVersion"));
        assertThat(text).contains("Rule-set version: " + version);
        List<String> types = JsonPath.read(metadata, "$.compliance.requirements[*].documentType");
        List<String> states = JsonPath.read(metadata, "$.compliance.requirements[*].state");
        assertThat(types).contains("bill_of_lading");
        for (int i = 0; i < types.size(); i++) {
            assertThat(text).contains("[" + states.get(i).toUpperCase(java.util.Locale.ROOT) + "] " + types.get(i));
        }
        assertThat(text).contains("Override XD-CONTAINERS").contains("Seal swap confirmed by the carrier");
        assertThat(JsonPath.<List<String>>read(metadata, "$.compliance.overrides[*].reason"))
                .containsExactly("Seal swap confirmed by the carrier");
        assertThat(text).contains("7. Tracking history").contains("DEPA");
        assertThat(text).contains("8. EUDR").contains("Ogun Farmers");
        assertThat(JsonPath.<String>read(metadata, "$.eudr.status")).isNotBlank();
    }

    @Test
    void noEudrSectionOrGeoJsonWhereEudrDoesNotApply() throws Exception {
        UUID shipment = shipment("sesame", "120740");
        document(shipment, "bill_of_lading", 1, "approved", SimplePdf.of(List.of("BL")));

        Map<String, byte[]> entries = unzip(download(admin, shipment));

        assertThat(entries.keySet()).doesNotContain("eudr/plots.geojson").last().isEqualTo("MANIFEST.sha256");
        assertThat(pdfText(entries.get("index.pdf"))).doesNotContain("EUDR");
        assertThat(JsonPath.<Map<String, Object>>read(
                        new String(entries.get("metadata.json"), StandardCharsets.UTF_8), "$"))
                .doesNotContainKey("eudr");
        assertManifestVerifies(entries);
    }

    // ---- determinism ----

    @Test
    void theSameDataGivesTheSameBytesAndOneChangeGivesOthers() throws Exception {
        UUID shipment = shipment("cocoa_beans", "180100");
        document(shipment, "bill_of_lading", 1, "approved", SimplePdf.of(List.of("BL")));
        document(shipment, "commercial_invoice", 1, "approved", SimplePdf.of(List.of("Invoice")));
        event(shipment, "LOAD", "2026-11-01T10:00:00Z");
        plot(shipment);

        byte[] first = download(admin, shipment);
        byte[] second = download(admin, shipment);
        assertThat(second).isEqualTo(first);
        assertThat(download(buyerUser, shipment))
                .as("the buyer sees the same data, so gets the same bytes")
                .isEqualTo(first);

        event(shipment, "DEPA", "2026-11-02T10:00:00Z");
        byte[] afterEvent = download(admin, shipment);
        assertThat(afterEvent).isNotEqualTo(first);
        assertThat(unzip(afterEvent).get("index.pdf"))
                .as("the index shows the new event, so it changes too")
                .isNotEqualTo(unzip(first).get("index.pdf"));
        assertThat(download(admin, shipment)).isEqualTo(afterEvent);
    }

    // ---- who may download ----

    @Test
    void buyerDownloadsOtherOrganisationsGet404AndRolesWithoutThePermission403() throws Exception {
        UUID shipment = shipment("cocoa_beans", "180100");
        document(shipment, "bill_of_lading", 1, "approved", SimplePdf.of(List.of("BL")));

        assertManifestVerifies(unzip(download(buyerUser, shipment)));
        mvc.perform(get("/api/shipments/" + shipment + "/audit-pack").header("Authorization", bearer(otherAdmin)))
                .andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/shipments/" + UUID.randomUUID() + "/audit-pack").header("Authorization", bearer(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/shipments/" + shipment + "/audit-pack").header("Authorization", bearer(logistics)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/shipments/" + shipment + "/audit-pack")).andExpect(status().isUnauthorized());
    }

    // ---- storage faults ----

    @Test
    void aDocumentMissingFromStorageIsMarkedInThePackNotSkipped() throws Exception {
        UUID shipment = shipment("sesame", "120740");
        UUID present = document(shipment, "bill_of_lading", 1, "approved", SimplePdf.of(List.of("BL")));
        UUID lost = document(shipment, "commercial_invoice", 1, "approved", SimplePdf.of(List.of("Invoice")));
        store.delete(key(shipment, lost));

        Map<String, byte[]> entries = unzip(download(compliance, shipment));

        String placeholder =
                "documents/commercial_invoice-v1-" + lost.toString().substring(0, 8) + ".MISSING.txt";
        assertThat(entries.keySet())
                .containsExactly(
                        "index.pdf",
                        "documents/bill_of_lading-v1-" + present.toString().substring(0, 8) + ".pdf",
                        placeholder,
                        "tracking.json",
                        "metadata.json",
                        "MANIFEST.sha256");
        assertThat(new String(entries.get(placeholder), StandardCharsets.UTF_8))
                .contains("MISSING from storage")
                .contains(lost.toString());
        String metadata = new String(entries.get("metadata.json"), StandardCharsets.UTF_8);
        assertThat(JsonPath.<Boolean>read(metadata, "$.complete")).isFalse();
        assertThat(JsonPath.<List<String>>read(metadata, "$.documents[?(@.stored == 'missing')].id"))
                .containsExactly(lost.toString());
        assertThat(pdfText(entries.get("index.pdf")))
                .contains("INCOMPLETE PACK: 1 current document(s) are MISSING")
                .contains("MISSING from storage: " + placeholder);
        assertManifestVerifies(entries);
    }

    @Test
    void storedBytesThatNoLongerMatchTheirHashStopThePackInsteadOfShippingThem() throws Exception {
        UUID shipment = shipment("sesame", "120740");
        UUID doc = document(shipment, "bill_of_lading", 1, "approved", SimplePdf.of(List.of("BL")));
        store.delete(key(shipment, doc));
        store.put(key(shipment, doc), new ByteArrayInputStream("tampered".getBytes(StandardCharsets.UTF_8)), 1024);

        byte[] broken = download(admin, shipment);

        // The pack stops inside the document: no manifest, no central directory, so no ZIP reader accepts it.
        assertThat(unzip(broken)).doesNotContainKey("MANIFEST.sha256").doesNotContainKey("metadata.json");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("broken-pack", ".zip");
        try {
            java.nio.file.Files.write(file, broken);
            assertThatThrownBy(() -> new java.util.zip.ZipFile(file.toFile()).close())
                    .isInstanceOf(java.util.zip.ZipException.class);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    // ---- size ----

    @Test
    void aPackWithADocumentOfEveryTypeIsBuiltQuickly() throws Exception {
        UUID shipment = shipment("cocoa_beans", "180100");
        List<String> types = data.owner().queryForList("SELECT code FROM document_type ORDER BY code", String.class);
        byte[] filler = new byte[200 * 1024];
        new java.util.Random(7).nextBytes(filler);
        int stored = 0;
        for (String type : types) {
            // Each type has an approved current version; four also have an older, superseded one.
            int versions = stored < 4 ? 2 : 1;
            for (int v = 1; v <= versions; v++) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                content.write(SimplePdf.of(List.of(type + " version " + v)));
                content.write(filler);
                document(shipment, type, v, v == versions ? "approved" : "superseded", content.toByteArray());
                stored++;
            }
        }
        for (int i = 0; i < 10; i++) {
            event(shipment, i % 2 == 0 ? "LOAD" : "DEPA", "2026-11-0" + (i % 9 + 1) + "T10:00:0" + i + "Z");
        }
        download(admin, shipment); // warm up (fonts, the stored evaluation)

        long started = System.nanoTime();
        byte[] pack = download(admin, shipment);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, byte[]> entries = unzip(pack);
        long documents = entries.keySet().stream()
                .filter(n -> n.startsWith("documents/"))
                .count();
        log.info(
                "Audit pack bench (HTTP, MockMvc): {} stored versions, {} current documents, {} entries, {} bytes in {} ms",
                stored,
                documents,
                entries.size(),
                pack.length,
                millis);
        assertThat(documents).isEqualTo(types.size());
        assertManifestVerifies(entries);
    }

    // ---- helpers ----

    private UUID shipment(String productType, String hsCode) {
        UUID id = UUID.randomUUID();
        String reference = "AP-" + id.toString().substring(0, 8);
        data.owner()
                .update(
                        "INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id,"
                                + " status, port_of_loading, port_of_discharge, bill_of_lading, vessel_name, voyage,"
                                + " exporter_name, importer_name) VALUES (?, ?, ?, ?, ?, 'in_transit', 'NGAPP', 'DEHAM',"
                                + " 'MAEU241234567', 'MAERSK BENUE', '612N', 'Ogun Valley Exports', 'Elbufer GmbH')",
                        id,
                        exporter.id(),
                        reference,
                        productType,
                        buyer.id());
        data.owner()
                .update(
                        "INSERT INTO shipment_container (id, shipment_id, organization_id, position, container_number)"
                                + " VALUES (?, ?, ?, 1, 'CSQU3054383')",
                        UUID.randomUUID(),
                        id,
                        exporter.id());
        data.owner()
                .update(
                        "INSERT INTO shipment_product_line (id, shipment_id, organization_id, position, hs_code,"
                                + " description, net_weight_kg) VALUES (?, ?, ?, 1, ?, 'Raw beans', 24000)",
                        UUID.randomUUID(),
                        id,
                        exporter.id(),
                        hsCode);
        return id;
    }

    private String reference(UUID shipment) {
        return data.owner().queryForObject("SELECT reference FROM shipment WHERE id = ?", String.class, shipment);
    }

    private static String key(UUID shipment, UUID document) {
        return "shipments/" + shipment + "/" + document;
    }

    private UUID document(UUID shipment, String type, int version, String status, byte[] bytes) throws IOException {
        UUID id = UUID.randomUUID();
        DocumentStore.StoredObject stored = store.put(key(shipment, id), new ByteArrayInputStream(bytes), 1 << 26);
        data.owner()
                .update(
                        "INSERT INTO document (id, shipment_id, organization_id, type, version, status, storage_key,"
                                + " sha256, size_bytes, content_type, original_name, uploaded_by,"
                                + " uploaded_by_organization_id, uploaded_at, status_changed_at, suggestions) VALUES (?, ?, ?, ?,"
                                + " ?, ?, ?, ?, ?, 'application/pdf', ?, ?, ?, ?, ?, CAST(? AS jsonb))",
                        id,
                        shipment,
                        exporter.id(),
                        type,
                        version,
                        status,
                        stored.key(),
                        stored.sha256(),
                        stored.sizeBytes(),
                        type + ".pdf",
                        logistics.id(),
                        exporter.id(),
                        Timestamp.from(Instant.parse("2026-10-01T08:00:00Z")),
                        Timestamp.from(Instant.parse("2026-10-02T08:00:00Z")),
                        "{\"types\": [], \"referenceNumbers\": [], \"containerNumbers\": [], \"hsCodes\": [],"
                                + " \"ports\": [], \"weightsKg\": []}");
        return id;
    }

    private void event(UUID shipment, String code, String time) {
        data.owner()
                .update(
                        "INSERT INTO tracking_event (id, organization_id, shipment_id, container_number, provider,"
                                + " provider_event_id, dcsa_code, provider_code, family, classifier, event_time, unlocode,"
                                + " vessel_name, voyage) VALUES (?, ?, ?, 'CSQU3054383', 'simulator', ?, ?, ?,"
                                + " 'equipment', 'ACT', ?, 'NGAPP', 'MAERSK BENUE', '612N')",
                        UUID.randomUUID(),
                        exporter.id(),
                        shipment,
                        code + "-" + time,
                        code,
                        code,
                        Timestamp.from(Instant.parse(time)));
    }

    private void plot(UUID shipment) {
        String feature = "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [3.35, 7.15]},"
                + " \"properties\": {\"ProducerName\": \"Ogun Farmers\", \"ProducerCountry\": \"NG\"}}";
        UUID id = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO eudr_origin (id, shipment_id, organization_id, created_by, created_by_organization_id,"
                                + " producer_name, producer_country, geometry_type, geometry, created_at) VALUES (?, ?, ?,"
                                + " ?, ?, 'Ogun Farmers', 'NG', 'Point', CAST(? AS jsonb), ?)",
                        id,
                        shipment,
                        exporter.id(),
                        admin.id(),
                        exporter.id(),
                        feature,
                        Timestamp.from(Instant.parse("2026-09-01T00:00:00Z")));
        data.owner()
                .update(
                        "INSERT INTO eudr_origin_line (origin_id, shipment_id, organization_id, line_position)"
                                + " VALUES (?, ?, ?, 1)",
                        id,
                        shipment,
                        exporter.id());
    }

    private String bearer(TestData.User user) throws Exception {
        String cached = bearers.get(user.id());
        if (cached == null) {
            cached = Api.login(mvc, user).bearer();
            bearers.put(user.id(), cached);
        }
        return cached;
    }

    private byte[] download(TestData.User user, UUID shipment) throws Exception {
        return mvc.perform(get("/api/shipments/" + shipment + "/audit-pack").header("Authorization", bearer(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** Checks MANIFEST.sha256 as {@code sha256sum -c} would, and that it covers every other entry. */
    static void assertManifestVerifies(Map<String, byte[]> entries) {
        List<String> names = new ArrayList<>(entries.keySet());
        assertThat(names).last().isEqualTo("MANIFEST.sha256");
        String manifest = new String(entries.get("MANIFEST.sha256"), StandardCharsets.UTF_8);
        List<String> listed = new ArrayList<>();
        for (String line : manifest.split("\n")) {
            assertThat(line).matches("[0-9a-f]{64}  \\S.*");
            String name = line.substring(66);
            assertThat(entries).as("manifest names %s", name).containsKey(name);
            assertThat(sha256(entries.get(name))).as("hash of %s", name).isEqualTo(line.substring(0, 64));
            listed.add(name);
        }
        assertThat(manifest).endsWith("\n");
        assertThat(listed).containsExactlyElementsOf(names.subList(0, names.size() - 1));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
