package com.vibotaj.tracehub.documents;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.documents.internal.demo.SimplePdf;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A shipment of an exporter with a buyer, a supplier party and a forwarder party, and a signed-in user
 * for every role that matters to documents. Arranged directly as the database owner (TestData).
 */
final class DocumentFixtures {

    final MockMvc mvc;
    final TestData data;
    final TestData.Org exporter;
    final TestData.Org buyer;
    final TestData.Org supplier;
    final TestData.Org forwarder;
    final TestData.Org otherExporter;
    final TestData.User admin;
    final TestData.User compliance;
    final TestData.User logistics;
    final TestData.User viewer;
    final TestData.User buyerUser;
    final TestData.User supplierUser;
    final TestData.User forwarderUser;
    final TestData.User otherAdmin;
    final UUID shipment;

    static final String CONTAINER = "CSQU3054383";
    static final String HS_CODE = "180100";

    DocumentFixtures(MockMvc mvc, TestData data) throws Exception {
        this.mvc = mvc;
        this.data = data;
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        supplier = data.organization("supplier");
        forwarder = data.organization("logistics");
        otherExporter = data.organization("exporter");
        admin = data.user(exporter, "admin");
        compliance = data.user(exporter, "compliance");
        logistics = data.user(exporter, "logistics");
        viewer = data.user(exporter, "viewer");
        buyerUser = data.user(buyer, "buyer");
        supplierUser = data.user(supplier, "supplier");
        forwarderUser = data.user(forwarder, "logistics");
        otherAdmin = data.user(otherExporter, "admin");
        shipment = shipment(exporter, "DOC-" + UUID.randomUUID().toString().substring(0, 8));
    }

    UUID shipment(TestData.Org owner, String reference) {
        UUID id = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id, status,"
                                + " port_of_loading, port_of_discharge) VALUES (?, ?, ?, 'cocoa_beans', ?, 'docs_pending',"
                                + " 'NGAPP', 'DEHAM')",
                        id,
                        owner.id(),
                        reference,
                        owner.id().equals(exporter.id()) ? buyer.id() : null);
        if (owner.id().equals(exporter.id())) {
            party(id, supplier, "supplier");
            party(id, forwarder, "logistics");
        }
        // One container and one product line, so that documents described by describe() agree with the
        // shipment and pass the compliance rules that approval consults.
        data.owner()
                .update(
                        "INSERT INTO shipment_container (id, shipment_id, organization_id, position, container_number)"
                                + " VALUES (?, ?, ?, 1, ?)",
                        UUID.randomUUID(),
                        id,
                        owner.id(),
                        CONTAINER);
        data.owner()
                .update(
                        "INSERT INTO shipment_product_line (id, shipment_id, organization_id, position, hs_code,"
                                + " description) VALUES (?, ?, ?, 1, ?, 'Raw cocoa beans')",
                        UUID.randomUUID(),
                        id,
                        owner.id(),
                        HS_CODE);
        return id;
    }

    void party(UUID shipmentId, TestData.Org party, String role) {
        data.owner()
                .update(
                        "INSERT INTO shipment_party (shipment_id, organization_id, party_organization_id, role)"
                                + " VALUES (?, ?, ?, ?)",
                        shipmentId,
                        exporter.id(),
                        party.id(),
                        role);
    }

    private final java.util.Map<UUID, String> bearers = new java.util.HashMap<>();

    String bearer(TestData.User user) throws Exception {
        String cached = bearers.get(user.id());
        if (cached == null) {
            cached = Api.login(mvc, user).bearer();
            bearers.put(user.id(), cached);
        }
        return cached;
    }

    static byte[] pdf(String... lines) {
        return SimplePdf.of(List.of(lines));
    }

    /** A minimal Office Open XML package whose main part says what it is. */
    static byte[] ooxml(String mainContentType, String mainPart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                            + "package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/" + mainPart + "\" ContentType=\"" + mainContentType
                            + "\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write("<Relationships/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(mainPart));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static byte[] docx() throws IOException {
        return ooxml(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "word/document.xml");
    }

    static byte[] xlsx() throws IOException {
        return ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml");
    }

    ResultActions upload(String bearer, UUID shipmentId, String type, String name, byte[] content, String... params)
            throws Exception {
        var request = multipart("/api/shipments/" + shipmentId + "/documents")
                .file(new MockMultipartFile("file", name, "application/pdf", content))
                .param("type", type)
                .header("Authorization", bearer);
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    /**
     * Uploads a PDF as the exporter's logistics user, describes it completely (so that compliance's
     * approval guard has nothing to object to) and answers the new document id.
     */
    UUID uploaded(String type, String... lines) throws Exception {
        String body = upload(bearer(logistics), shipment, type, type + ".pdf", pdf(lines))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        describe(id);
        return id;
    }

    /** Metadata that agrees with the fixture shipment: reference, today's issue date, its container and HS code. */
    void describe(UUID documentId) throws Exception {
        String reference = "REF-" + UUID.randomUUID().toString().substring(0, 8);
        String json = "{\"referenceNumber\":\"" + reference + "\",\"issueDate\":\"" + java.time.LocalDate.now()
                + "\",\"fields\":" + fieldsFor(type(documentId)) + "}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                                "/api/documents/" + documentId + "/metadata")
                        .header("Authorization", bearer(logistics))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk());
    }

    private static String fieldsFor(String type) {
        return switch (type) {
            case "bill_of_lading" -> "{\"container_numbers\":\"" + CONTAINER + "\",\"hs_codes\":\"" + HS_CODE + "\"}";
            case "packing_list", "fumigation_certificate" -> "{\"container_numbers\":\"" + CONTAINER + "\"}";
            case "commercial_invoice" -> "{\"hs_codes\":\"" + HS_CODE + "\"}";
            case "certificate_of_origin" -> "{\"hs_codes\":\"" + HS_CODE + "\",\"country_of_origin\":\"NG\"}";
            default -> "{}";
        };
    }

    private String type(UUID documentId) {
        return data.owner().queryForObject("SELECT type FROM document WHERE id = ?", String.class, documentId);
    }

    ResultActions move(String bearer, UUID documentId, String to, String reason) throws Exception {
        String json =
                reason == null ? "{\"to\":\"" + to + "\"}" : "{\"to\":\"" + to + "\",\"reason\":\"" + reason + "\"}";
        return mvc.perform(post("/api/documents/" + documentId + "/transitions")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /** Sets a document's status directly (as the owner), to arrange a starting point. */
    void force(UUID documentId, String status) {
        data.owner().update("UPDATE document SET status = ? WHERE id = ?", status, documentId);
    }

    String status(UUID documentId) {
        return data.owner().queryForObject("SELECT status FROM document WHERE id = ?", String.class, documentId);
    }
}
