package com.vibotaj.tracehub.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Searching and exporting the audit log: filters, paging, permissions and tenancy. */
@IntegrationTest
class AuditLogApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    TestData.Org org;
    TestData.Org other;
    TestData.User admin;
    TestData.User compliance;
    TestData.User logistics;
    TestData.User otherAdmin;
    String adminBearer;
    UUID shipmentA = UUID.randomUUID();
    UUID documentB = UUID.randomUUID();
    Instant base = Instant.parse("2026-03-01T10:00:00Z");

    @BeforeEach
    void setUp() throws Exception {
        org = data.organization("exporter");
        other = data.organization("exporter");
        admin = data.user(org, "admin");
        compliance = data.user(org, "compliance");
        logistics = data.user(org, "logistics");
        otherAdmin = data.user(other, "admin");
        adminBearer = Api.login(mvc, admin).bearer();
        // Five entries of org, one hour apart (newest last), and one of the other organisation.
        insert(org, logistics, "POST /api/shipments", "shipment", null, 201, base);
        insert(
                org,
                logistics,
                "PUT /api/shipments/{id}",
                "shipment",
                shipmentA.toString(),
                200,
                base.plusSeconds(3600));
        insert(
                org,
                compliance,
                "POST /api/documents/{docId}/transitions",
                "document",
                documentB.toString(),
                409,
                base.plusSeconds(7200));
        insert(
                org,
                logistics,
                "POST /api/shipments/{id}/status",
                "shipment",
                shipmentA.toString(),
                403,
                base.plusSeconds(10800));
        insert(org, admin, "PUT /api/organization/settings", "organization", null, 200, base.plusSeconds(14400));
        insert(other, otherAdmin, "POST /api/shipments", "shipment", null, 201, base.plusSeconds(1800));
    }

    void insert(TestData.Org o, TestData.User actor, String action, String type, String id, int result, Instant at) {
        data.owner()
                .update(
                        "INSERT INTO audit_log (id, occurred_at, organization_id, actor_user_id, actor_email, actor_kind,"
                                + " action, object_type, object_id, result, ip, user_agent, request_id)"
                                + " VALUES (?, ?, ?, ?, ?, 'user', ?, ?, ?, ?, '198.51.100.1', ?, ?)",
                        UUID.randomUUID(),
                        Timestamp.from(at),
                        o.id(),
                        actor.id(),
                        actor.email(),
                        action,
                        type,
                        id,
                        result,
                        "=cmd|' /C calc'!A0",
                        "req-" + UUID.randomUUID());
    }

    /** Only the seeded entries: the logins of setUp are recorded too, and are newer. */
    String seeded() {
        return "&from=" + base + "&to=" + base.plus(1, ChronoUnit.DAYS);
    }

    @Test
    void anAdminSeesItsOwnOrganisationsEntriesNewestFirst() throws Exception {
        mvc.perform(get("/api/audit-log?size=50" + seeded()).header("Authorization", adminBearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(5)))
                .andExpect(jsonPath("$.totalItems").value(5))
                .andExpect(jsonPath("$.totalCapped").value(false))
                .andExpect(jsonPath("$.items[0].action").value("PUT /api/organization/settings"))
                .andExpect(jsonPath("$.items[4].action").value("POST /api/shipments"))
                .andExpect(jsonPath("$.items[4].actorEmail").value(logistics.email()))
                .andExpect(jsonPath(
                        "$.items[*].actorUserId", not(hasItem(otherAdmin.id().toString()))));
    }

    @Test
    void theSignInsOfTheOrganisationsUsersAreInItsLog() throws Exception {
        mvc.perform(get("/api/audit-log")
                        .param("action", "POST /api/auth/login")
                        .param("actor", admin.id().toString())
                        .header("Authorization", adminBearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].actorEmail").value(admin.email()))
                .andExpect(jsonPath("$.items[0].result").value(200));
    }

    @Test
    void filtersCombine() throws Exception {
        String q = "/api/audit-log?size=50" + seeded();
        mvc.perform(get(q + "&actor=" + compliance.id()).header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].objectId").value(documentB.toString()));
        mvc.perform(get(q + "&actor=" + logistics.email().toUpperCase()).header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(3)));
        mvc.perform(get(q).param("action", "PUT /api/shipments/{id}").header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(1)));
        mvc.perform(get(q + "&objectType=shipment&objectId=" + shipmentA).header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(2)));
        mvc.perform(get(q + "&result=failure").header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(2)));
        mvc.perform(get(q + "&result=denied").header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].result").value(403));
        mvc.perform(get(q + "&result=success").header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(3)));
        mvc.perform(get(q + "&result=409").header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(1)));
        // from is inclusive, to exclusive.
        mvc.perform(get("/api/audit-log?from=" + base.plusSeconds(3600) + "&to=" + base.plusSeconds(10800))
                        .header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(2)));
        // Another organisation's entry matches no filter of this one.
        mvc.perform(get("/api/audit-log?actor=" + otherAdmin.id()).header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(0)))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void pagesAreStableAndCounted() throws Exception {
        String q = "/api/audit-log?size=2" + seeded();
        mvc.perform(get(q + "&page=0").header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.totalItems").value(5))
                .andExpect(jsonPath("$.totalPages").value(3))
                .andExpect(jsonPath("$.items[0].action").value("PUT /api/organization/settings"));
        mvc.perform(get(q + "&page=1").header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].action").value("POST /api/documents/{docId}/transitions"));
        mvc.perform(get(q + "&page=2").header("Authorization", adminBearer))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].action").value("POST /api/shipments"));
    }

    @Test
    void invalidSearchesAreClientErrors() throws Exception {
        mvc.perform(get("/api/audit-log?result=maybe").header("Authorization", adminBearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("success, failure, denied")));
        mvc.perform(get("/api/audit-log?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z")
                        .header("Authorization", adminBearer))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/audit-log?page=100&size=200").header("Authorization", adminBearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("from/to")));
        mvc.perform(get("/api/audit-log?size=500").header("Authorization", adminBearer))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyRolesHoldingAuditReadMaySearch() throws Exception {
        mvc.perform(get("/api/audit-log")
                        .header("Authorization", Api.login(mvc, compliance).bearer()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/audit-log")
                        .header("Authorization", Api.login(mvc, logistics).bearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://tracehub.vibotaj.com/problems/forbidden"));
        mvc.perform(get("/api/audit-log/export")
                        .header("Authorization", Api.login(mvc, logistics).bearer()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit-log")).andExpect(status().isUnauthorized());
    }

    @Test
    void theExportIsTheFilteredLogAsCsvSafeToOpenInASpreadsheet() throws Exception {
        mvc.perform(get("/api/audit-log/export?result=failure" + seeded()).header("Authorization", adminBearer))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("time,actor_user_id,actor_email")))
                .andExpect(content().string(containsString("POST /api/documents/{docId}/transitions")))
                .andExpect(content().string(containsString("POST /api/shipments/{id}/status")))
                .andExpect(content().string(not(containsString("PUT /api/organization/settings"))))
                // The user agent began with '=': neutralised so no spreadsheet runs it as a formula.
                .andExpect(content().string(containsString("'=cmd|")))
                .andExpect(content().string(not(containsString(",=cmd|"))));
    }
}
