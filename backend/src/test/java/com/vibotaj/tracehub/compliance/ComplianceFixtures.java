package com.vibotaj.tracehub.compliance;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.documents.internal.demo.SimplePdf;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.TestData;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An exporter with compliance, logistics and admin users, a buyer, and another exporter; shipments are
 * arranged as the database owner, documents go through the real documents API.
 */
final class ComplianceFixtures {

    static final String CONTAINER = "CSQU3054383";
    static final String PROBLEMS = "https://tracehub.vibotaj.com/problems/";

    final MockMvc mvc;
    final TestData data;
    final TestData.Org exporter;
    final TestData.Org buyer;
    final TestData.Org otherExporter;
    final TestData.User admin;
    final TestData.User compliance;
    final TestData.User logistics;
    final TestData.User viewer;
    final TestData.User buyerUser;
    final TestData.User otherCompliance;
    private final Map<UUID, String> bearers = new HashMap<>();

    ComplianceFixtures(MockMvc mvc, TestData data) {
        this.mvc = mvc;
        this.data = data;
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        otherExporter = data.organization("exporter");
        admin = data.user(exporter, "admin");
        compliance = data.user(exporter, "compliance");
        logistics = data.user(exporter, "logistics");
        viewer = data.user(exporter, "viewer");
        buyerUser = data.user(buyer, "buyer");
        otherCompliance = data.user(otherExporter, "compliance");
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    String bearer(TestData.User user) throws Exception {
        String cached = bearers.get(user.id());
        if (cached == null) {
            cached = Api.login(mvc, user).bearer();
            bearers.put(user.id(), cached);
        }
        return cached;
    }

    /** A shipment Apapa → Hamburg without ETD, one container and one 24 t product line of the HS code. */
    UUID shipment(TestData.Org owner, String productType, String hsCode, String status) {
        UUID id = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id, status,"
                                + " port_of_loading, port_of_discharge) VALUES (?, ?, ?, ?, ?, ?, 'NGAPP', 'DEHAM')",
                        id,
                        owner.id(),
                        "CMP-" + id.toString().substring(0, 8),
                        productType,
                        owner.id().equals(exporter.id()) ? buyer.id() : null,
                        status);
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
                        "INSERT INTO shipment_product_line (id, shipment_id, organization_id, position, hs_code, description,"
                                + " net_weight_kg, gross_weight_kg) VALUES (?, ?, ?, 1, ?, 'goods', 24000, 24500)",
                        UUID.randomUUID(),
                        id,
                        owner.id(),
                        hsCode);
        return id;
    }

    /** Metadata JSON that passes every rule on {@link #shipment}, with extra/overriding fields. */
    static String metadata(String type, String hs, Map<String, String> extra) {
        Map<String, String> fields = new HashMap<>();
        switch (type) {
            case "bill_of_lading" -> {
                fields.put("container_numbers", CONTAINER);
                fields.put("hs_codes", hs);
                fields.put("gross_weight_kg", "24500");
            }
            case "packing_list" -> {
                fields.put("container_numbers", CONTAINER);
                fields.put("gross_weight_kg", "24500");
                fields.put("net_weight_kg", "24000");
            }
            case "commercial_invoice" -> {
                fields.put("hs_codes", hs);
                fields.put("net_weight_kg", "24000");
            }
            case "certificate_of_origin" -> {
                fields.put("hs_codes", hs);
                fields.put("country_of_origin", "NG");
            }
            default -> {}
        }
        fields.putAll(extra);
        String expiry = extra.getOrDefault("_expiry", null);
        fields.remove("_expiry");
        StringBuilder json = new StringBuilder("{\"referenceNumber\":\"" + type.toUpperCase(java.util.Locale.ROOT)
                + "-1\",\"issueDate\":\"" + today().minusDays(2) + "\",\"expiryDate\":"
                + (expiry == null ? "null" : "\"" + expiry + "\"") + ",\"issuer\":\""
                + (type.equals("veterinary_health_certificate")
                        ? "Federal Department of Veterinary Services"
                        : "Issuer")
                + "\",\"fields\":{");
        json.append(String.join(
                ",",
                fields.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                        .toList()));
        return json.append("}}").toString();
    }

    /** Uploads as logistics, fills in the metadata and submits it for review; answers the document id. */
    UUID submitted(UUID shipment, String type, String metadataJson) throws Exception {
        String body = mvc.perform(multipart("/api/shipments/" + shipment + "/documents")
                        .file(new MockMultipartFile(
                                "file",
                                type + ".pdf",
                                "application/pdf",
                                SimplePdf.of(List.of(type, UUID.randomUUID().toString()))))
                        .param("type", type)
                        .header("Authorization", bearer(logistics)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        mvc.perform(patch("/api/documents/" + id + "/metadata")
                        .header("Authorization", bearer(logistics))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(metadataJson))
                .andExpect(status().isOk());
        move(bearer(logistics), id, "under_review", null).andExpect(status().isOk());
        return id;
    }

    UUID approved(UUID shipment, String type, String metadataJson) throws Exception {
        UUID id = submitted(shipment, type, metadataJson);
        move(bearer(compliance), id, "approved", null).andExpect(status().isOk());
        return id;
    }

    ResultActions move(String bearer, UUID documentId, String to, String reason) throws Exception {
        String json =
                reason == null ? "{\"to\":\"" + to + "\"}" : "{\"to\":\"" + to + "\",\"reason\":\"" + reason + "\"}";
        return mvc.perform(post("/api/documents/" + documentId + "/transitions")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    ResultActions compliance(TestData.User user, UUID shipment) throws Exception {
        return mvc.perform(get("/api/shipments/" + shipment + "/compliance").header("Authorization", bearer(user)));
    }

    ResultActions override(TestData.User user, UUID shipment, String json) throws Exception {
        return mvc.perform(post("/api/shipments/" + shipment + "/compliance/overrides")
                .header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String shipmentStatus(UUID shipment) {
        return data.owner().queryForObject("SELECT status FROM shipment WHERE id = ?", String.class, shipment);
    }
}
