package com.vibotaj.tracehub.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The list filters the analytics figures link to: each one keeps what matches and drops what does not. */
@IntegrationTest
class ShipmentListFactsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    TestData.Org exporter;
    String token;
    UUID early;
    UUID late;
    UUID plain;

    @BeforeEach
    void setUp() throws Exception {
        exporter = data.organization("exporter");
        token = Api.login(mvc, data.user(exporter, "viewer")).bearer();
        // Arrived within a day of its first ETA, compliant, a document waiting for review.
        early = shipment(
                "EARLY",
                "2026-03-01T00:00:00Z",
                "2026-03-05T00:00:00Z",
                "2026-03-25T12:00:00Z",
                "2026-03-25T00:00:00Z",
                "{}");
        data.owner()
                .update(
                        "INSERT INTO compliance_evaluation (shipment_id, organization_id, rule_set_version, overall,"
                                + " result, evaluated_at) VALUES (?, ?, '2026.1', 'compliant', '{}'::jsonb, now())",
                        early,
                        exporter.id());
        document(early, "uploaded", null);
        // Arrived three days late, its ETA slipped, non-compliant, a live certificate expiring 2026-04-10.
        late = shipment(
                "LATE",
                "2026-03-10T00:00:00Z",
                "2026-03-12T00:00:00Z",
                "2026-04-03T00:00:00Z",
                "2026-03-31T00:00:00Z",
                "{eta_slipped}");
        data.owner()
                .update(
                        "INSERT INTO compliance_evaluation (shipment_id, organization_id, rule_set_version, overall,"
                                + " result, evaluated_at) VALUES (?, ?, '2026.1', 'non_compliant', '{}'::jsonb, now())",
                        late,
                        exporter.id());
        document(late, "approved", LocalDate.parse("2026-04-10"));
        // Not departed, never evaluated; its only expiring document is superseded (not live).
        plain = shipment("PLAIN", "2026-04-01T00:00:00Z", null, null, null, "{}");
        document(plain, "superseded", LocalDate.parse("2026-04-10"));
    }

    @Test
    void filtersByCreatedDepartedAndArrivedPeriodsHalfOpen() throws Exception {
        assertThat(ids("createdFrom=2026-03-10T00:00:00Z&createdTo=2026-04-01T00:00:00Z"))
                .containsExactly(late);
        assertThat(ids("atdFrom=2026-03-01T00:00:00Z&atdTo=2026-03-12T00:00:00Z"))
                .containsExactly(early);
        assertThat(ids("ataFrom=2026-03-25T12:00:00Z")).containsExactlyInAnyOrder(early, late);
        assertThat(ids("ataTo=2026-03-25T12:00:00Z")).isEmpty();
    }

    @Test
    void filtersByPunctualityAgainstTheFirstEtaWithOneDayOfGrace() throws Exception {
        assertThat(ids("onTime=true")).containsExactly(early);
        assertThat(ids("onTime=false")).containsExactly(late);
    }

    @Test
    void filtersByAttentionReasonComplianceAndDocuments() throws Exception {
        assertThat(ids("attention=eta_slipped")).containsExactly(late);
        assertThat(ids("attention=customs_hold")).isEmpty();
        assertThat(ids("compliance=compliant")).containsExactly(early);
        assertThat(ids("compliance=non_compliant")).containsExactly(late);
        assertThat(ids("compliance=not_evaluated")).containsExactly(plain);
        assertThat(ids("documentsAwaitingReview=true")).containsExactly(early);
        assertThat(ids("documentsAwaitingReview=false")).containsExactlyInAnyOrder(late, plain);
        assertThat(ids("expiryFrom=2026-04-01&expiryTo=2026-04-11")).containsExactly(late);
        assertThat(ids("expiryFrom=2026-04-11")).isEmpty();
    }

    @Test
    void refusesUnknownAttentionAndComplianceValues() throws Exception {
        mvc.perform(get("/api/shipments?attention=late").header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attention"));
        mvc.perform(get("/api/shipments?compliance=green").header("Authorization", token))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/shipments?expiryFrom=tomorrow").header("Authorization", token))
                .andExpect(status().isBadRequest());
    }

    private List<UUID> ids(String query) throws Exception {
        String body = mvc.perform(get("/api/shipments?size=200&" + query).header("Authorization", token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(body, "$.items[*].id");
        return ids.stream().map(UUID::fromString).toList();
    }

    private UUID shipment(String ref, String created, String atd, String ata, String etaOriginal, String attention) {
        UUID id = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO shipment (id, organization_id, reference, product_type, status, created_at, atd, ata,"
                                + " eta, eta_original, attention) VALUES (?, ?, ?, 'cocoa_beans', ?, ?, ?, ?, ?, ?, ?::text[])",
                        id,
                        exporter.id(),
                        ref,
                        ata != null ? "arrived" : "draft",
                        ts(created),
                        ts(atd),
                        ts(ata),
                        ts(etaOriginal),
                        ts(etaOriginal),
                        attention);
        return id;
    }

    private void document(UUID shipment, String status, LocalDate expiry) {
        data.owner()
                .update(
                        "INSERT INTO document (id, shipment_id, organization_id, type, version, status, expiry_date,"
                                + " storage_key, sha256, size_bytes, content_type, original_name, uploaded_by,"
                                + " uploaded_by_organization_id) VALUES (?, ?, ?, 'phytosanitary_certificate', 1, ?, ?, 'k',"
                                + " repeat('a', 64), 1, 'application/pdf', 'x.pdf', ?, ?)",
                        UUID.randomUUID(),
                        shipment,
                        exporter.id(),
                        status,
                        expiry,
                        UUID.randomUUID(),
                        exporter.id());
    }

    private static Timestamp ts(String instant) {
        return instant == null ? null : Timestamp.from(Instant.parse(instant));
    }
}
