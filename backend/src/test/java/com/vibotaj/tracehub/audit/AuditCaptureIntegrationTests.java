package com.vibotaj.tracehub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.documents.internal.demo.SimplePdf;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Every kind of action reaches the audit log through the central filter, with no controller asking for
 * it: each request here carries its own X-Request-ID, and the entry is found by that id (as the database
 * owner, so row-level security cannot hide a missing or misfiled entry).
 */
@IntegrationTest
class AuditCaptureIntegrationTests {

    private static final String AGENT = "AuditTest/1.0 (capture)";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    TestData.Org exporter;
    TestData.Org buyer;
    TestData.User admin;
    TestData.User logistics;
    TestData.User compliance;
    TestData.User viewer;
    String adminBearer;
    String logisticsBearer;
    String complianceBearer;

    @BeforeEach
    void setUp() throws Exception {
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        data.partner(exporter, buyer);
        admin = data.user(exporter, "admin");
        logistics = data.user(exporter, "logistics");
        compliance = data.user(exporter, "compliance");
        viewer = data.user(exporter, "viewer");
        adminBearer = Api.login(mvc, admin).bearer();
        logisticsBearer = Api.login(mvc, logistics).bearer();
        complianceBearer = Api.login(mvc, compliance).bearer();
    }

    /** Performs the request with a fresh request id and a known user agent; answers that id and the result. */
    record Sent(String requestId, MvcResult result) {
        int status() {
            return result.getResponse().getStatus();
        }

        String body() throws Exception {
            return result.getResponse().getContentAsString();
        }
    }

    Sent send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        String requestId = "audit-test-" + UUID.randomUUID();
        request.header("X-Request-ID", requestId).header("User-Agent", AGENT).with(r -> {
            r.setRemoteAddr("203.0.113.7");
            return r;
        });
        return new Sent(requestId, mvc.perform(request).andReturn());
    }

    List<Map<String, Object>> entries(String requestId) {
        return data.owner().queryForList("SELECT * FROM audit_log WHERE request_id = ?", requestId);
    }

    Map<String, Object> entry(Sent sent) {
        List<Map<String, Object>> found = entries(sent.requestId());
        assertThat(found).as("entries for %s", sent.requestId()).hasSize(1);
        Map<String, Object> entry = found.get(0);
        // Whatever the outcome, the entry says exactly what the client received.
        assertThat(entry.get("result")).isEqualTo(sent.status());
        assertThat(entry.get("ip")).isEqualTo("203.0.113.7");
        assertThat(entry.get("user_agent")).isEqualTo(AGENT);
        return entry;
    }

    void assertActor(Map<String, Object> entry, TestData.User user) {
        assertThat(entry.get("actor_kind")).isEqualTo("user");
        assertThat(entry.get("actor_user_id")).isEqualTo(user.id());
        assertThat(entry.get("actor_email")).isEqualTo(user.email());
        assertThat(entry.get("organization_id")).isEqualTo(user.organizationId());
    }

    String shipmentJson(String reference, String version) {
        return """
                {%s"reference":"%s","productType":"cocoa_beans","buyerOrganizationId":"%s",
                 "portOfLoading":"NGAPP","portOfDischarge":"DEHAM",
                 "containers":[{"number":"CSQU3054383","isoType":"22G1"}],
                 "productLines":[{"hsCode":"1801.00","description":"Raw cocoa beans","containerNumber":"CSQU3054383"}]}""".formatted(version == null ? "" : "\"version\":" + version + ",", reference, buyer.id());
    }

    @Test
    void creatingAndUpdatingAShipmentAreRecordedWithActorObjectRequestIdAndAddress() throws Exception {
        String reference = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
        Sent created = send(post("/api/shipments")
                .header("Authorization", logisticsBearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(shipmentJson(reference, null)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        Map<String, Object> create = entry(created);
        assertActor(create, logistics);
        assertThat(create.get("action")).isEqualTo("POST /api/shipments");
        assertThat(create.get("object_type")).isEqualTo("shipment");
        assertThat(create.get("request_id")).isEqualTo(created.requestId());

        int version = JsonPath.read(created.body(), "$.version");
        Sent updated = send(put("/api/shipments/" + id)
                .header("Authorization", logisticsBearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(shipmentJson(reference, String.valueOf(version))));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        Map<String, Object> update = entry(updated);
        assertActor(update, logistics);
        assertThat(update.get("action")).isEqualTo("PUT /api/shipments/{id}");
        assertThat(update.get("object_type")).isEqualTo("shipment");
        assertThat(update.get("object_id")).isEqualTo(id);

        // Reads are not state changes and are not recorded.
        Sent read = send(get("/api/shipments/" + id).header("Authorization", logisticsBearer));
        assertThat(read.status()).isEqualTo(200);
        assertThat(entries(read.requestId())).isEmpty();
    }

    @Test
    void uploadingApprovingRejectingAndOverridingAreRecordedWhateverTheirOutcome() throws Exception {
        String shipment = createShipment();
        Sent upload = send(multipart("/api/shipments/" + shipment + "/documents")
                .file(new MockMultipartFile(
                        "file", "bill.pdf", "application/pdf", SimplePdf.of(List.of("BILL OF LADING"))))
                .param("type", "bill_of_lading")
                .header("Authorization", logisticsBearer));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String document = JsonPath.read(upload.body(), "$.id");
        Map<String, Object> uploaded = entry(upload);
        assertActor(uploaded, logistics);
        assertThat(uploaded.get("action")).isEqualTo("POST /api/shipments/{id}/documents");
        assertThat(uploaded.get("object_id")).isEqualTo(shipment);

        for (String to : List.of("approved", "rejected")) {
            Sent move = send(post("/api/documents/" + document + "/transitions")
                    .header("Authorization", complianceBearer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"to\":\"" + to + "\",\"reason\":\"Checked against the original\"}"));
            Map<String, Object> moved = entry(move);
            assertActor(moved, compliance);
            assertThat(moved.get("action")).isEqualTo("POST /api/documents/{docId}/transitions");
            assertThat(moved.get("object_type")).isEqualTo("document");
            assertThat(moved.get("object_id")).isEqualTo(document);
        }

        Sent override = send(
                post("/api/shipments/" + shipment + "/compliance/overrides")
                        .header("Authorization", complianceBearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"ruleId\":\"XD-CONTAINERS\",\"reason\":\"Container swapped at port, carrier letter on file\"}"));
        Map<String, Object> overridden = entry(override);
        assertActor(overridden, compliance);
        assertThat(overridden.get("action")).isEqualTo("POST /api/shipments/{id}/compliance/overrides");
        assertThat(overridden.get("object_id")).isEqualTo(shipment);
    }

    @Test
    void aSettingsChangeIsRecorded() throws Exception {
        Sent changed = send(put("/api/organization/settings")
                .header("Authorization", adminBearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"tracesNumber\":\"NG-TRACES-2026-0001\"}"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        Map<String, Object> entry = entry(changed);
        assertActor(entry, admin);
        assertThat(entry.get("action")).isEqualTo("PUT /api/organization/settings");
        assertThat(entry.get("object_type")).isEqualTo("organization");
    }

    @Test
    void loginsAreRecordedForTheAccountAndFailedOnesWithTheAddressTriedButNeverThePassword() throws Exception {
        Sent ok = send(post("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + admin.email() + "\",\"password\":\"" + admin.password() + "\"}"));
        assertThat(ok.status()).isEqualTo(200);
        Map<String, Object> success = entry(ok);
        assertActor(success, admin);
        assertThat(success.get("action")).isEqualTo("POST /api/auth/login");

        String wrongPassword = "not-the-password-" + UUID.randomUUID();
        Sent failed = send(post("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + admin.email().toUpperCase() + "\",\"password\":\"" + wrongPassword + "\"}"));
        assertThat(failed.status()).isEqualTo(401);
        Map<String, Object> failure = entry(failed);
        // A failed attempt proves nothing about who tried: no user, no organisation, only the address.
        assertThat(failure.get("actor_kind")).isEqualTo("anonymous");
        assertThat(failure.get("actor_user_id")).isNull();
        assertThat(failure.get("organization_id")).isNull();
        assertThat(failure.get("actor_email")).isEqualTo(admin.email());
        assertThat(everythingRecordedFor(failed)).doesNotContain(wrongPassword);
        assertThat(everythingRecordedFor(ok)).doesNotContain(admin.password()).doesNotContain("accessToken");
    }

    @Test
    void aLogoutIsAttributedToTheAccessTokenTheClientStillSends() throws Exception {
        Api.Login session = Api.login(mvc, viewer);
        Sent out = send(post("/api/auth/logout")
                .header("Authorization", session.bearer())
                .cookie(session.refreshCookie()));
        assertThat(out.status()).isEqualTo(204);
        Map<String, Object> entry = entry(out);
        assertActor(entry, viewer);
        assertThat(entry.get("action")).isEqualTo("POST /api/auth/logout");
        assertThat(everythingRecordedFor(out))
                .doesNotContain(session.refreshCookie().getValue());
    }

    @Test
    void downloadsServedAsAttachmentsAreRecordedButOtherReadsAreNot() throws Exception {
        Sent template = send(get("/api/shipments/import/template").header("Authorization", logisticsBearer));
        assertThat(template.status()).isEqualTo(200);
        Map<String, Object> download = entry(template);
        assertActor(download, logistics);
        assertThat(download.get("action")).isEqualTo("GET /api/shipments/import/template");

        // An audit-pack-like attachment: the audit log's own export is a download, and is itself audited.
        Sent export = send(get("/api/audit-log/export").header("Authorization", adminBearer));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.result().getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment");
        Map<String, Object> exported = entry(export);
        assertActor(exported, admin);
        assertThat(exported.get("action")).isEqualTo("GET /api/audit-log/export");
        assertThat(exported.get("object_type")).isEqualTo("audit-log");

        Sent list = send(get("/api/shipments").header("Authorization", logisticsBearer));
        assertThat(list.status()).isEqualTo(200);
        assertThat(entries(list.requestId())).isEmpty();
    }

    @Test
    void deniedAndUnauthenticatedRequestsAreRecorded() throws Exception {
        Api.Login viewerSession = Api.login(mvc, viewer);
        Sent denied = send(post("/api/shipments")
                .header("Authorization", viewerSession.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(shipmentJson("AUD-DENIED", null)));
        assertThat(denied.status()).isEqualTo(403);
        Map<String, Object> refusal = entry(denied);
        assertActor(refusal, viewer);
        assertThat(refusal.get("action")).isEqualTo("POST /api/shipments");

        // Refused by Spring Security before any controller: still recorded, as anonymous, with its path.
        Sent anonymous = send(
                post("/api/shipments").contentType(MediaType.APPLICATION_JSON).content(shipmentJson("AUD-ANON", null)));
        assertThat(anonymous.status()).isEqualTo(401);
        Map<String, Object> unauthenticated = entry(anonymous);
        assertThat(unauthenticated.get("actor_kind")).isEqualTo("anonymous");
        assertThat(unauthenticated.get("organization_id")).isNull();
        assertThat(unauthenticated.get("action")).isEqualTo("POST /api/shipments");
    }

    @Test
    void aFailedValidationIsRecordedAndNoBodyEverIs() throws Exception {
        String marker = "BODY-MARKER-" + UUID.randomUUID();
        Sent invalid = send(post("/api/shipments")
                .header("Authorization", logisticsBearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reference\":\"" + marker
                        + "\",\"productType\":\"\",\"containers\":[{\"number\":\"TBD\"}]}"));
        assertThat(invalid.status()).isEqualTo(400);
        Map<String, Object> entry = entry(invalid);
        assertActor(entry, logistics);
        assertThat(entry.get("action")).isEqualTo("POST /api/shipments");
        assertThat(everythingRecordedFor(invalid)).doesNotContain(marker);
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM audit_log a WHERE a::text LIKE ?",
                                Long.class,
                                "%" + marker + "%"))
                .isZero();
    }

    @Test
    void anUnknownRouteIsRecordedWithItsPath() throws Exception {
        Sent missing = send(post("/api/no-such-thing").header("Authorization", adminBearer));
        assertThat(missing.status()).isEqualTo(404);
        Map<String, Object> entry = entry(missing);
        assertActor(entry, admin);
        assertThat(entry.get("action")).isEqualTo("POST /api/no-such-thing");
    }

    private String everythingRecordedFor(Sent sent) {
        return data.owner()
                .queryForObject(
                        "SELECT string_agg(a::text, ' ') FROM audit_log a WHERE request_id = ?",
                        String.class,
                        sent.requestId());
    }

    private String createShipment() throws Exception {
        Sent created = send(post("/api/shipments")
                .header("Authorization", logisticsBearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(shipmentJson("AUD-" + UUID.randomUUID().toString().substring(0, 8), null)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }
}
