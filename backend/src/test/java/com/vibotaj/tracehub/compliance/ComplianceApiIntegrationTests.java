package com.vibotaj.tracehub.compliance;

import static com.vibotaj.tracehub.compliance.ComplianceFixtures.PROBLEMS;
import static com.vibotaj.tracehub.compliance.ComplianceFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ComplianceApiIntegrationTests {

    static final List<String> GENERAL =
            List.of("bill_of_lading", "commercial_invoice", "packing_list", "certificate_of_origin");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    ComplianceFixtures f;

    @BeforeEach
    void setUp() {
        f = new ComplianceFixtures(mvc, data);
    }

    @Test
    void oneEvaluationFromMissingToCompliantKeepsThePaperworkStatusInStep() throws Exception {
        UUID shipment = f.shipment(f.exporter, "other", "180100", "docs_pending");
        f.compliance(f.compliance, shipment)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overall").value("in_progress"))
                .andExpect(jsonPath("$.ruleSetVersion").value("2026.1"))
                .andExpect(jsonPath("$.requirements[*].documentType")
                        .value(org.hamcrest.Matchers.contains(GENERAL.toArray())))
                .andExpect(jsonPath("$.requirements[0].state").value("missing"))
                .andExpect(jsonPath("$.regimes[?(@.code=='eudr')].status").value(hasItem("not_applicable")));

        UUID invoice = null;
        for (String type : GENERAL) {
            UUID id = f.approved(shipment, type, metadata(type, "1801.00", Map.of()));
            if (type.equals("commercial_invoice")) {
                invoice = id;
            }
        }
        f.compliance(f.buyerUser, shipment)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overall").value("compliant"))
                .andExpect(jsonPath("$.requirements[*].state")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("satisfied"))));
        assertThat(f.shipmentStatus(shipment)).isEqualTo("docs_complete");
        assertThat(data.owner()
                        .queryForMap(
                                "SELECT source, reason, actor_user_id FROM shipment_status_change WHERE shipment_id = ?"
                                        + " AND to_status = 'docs_complete'",
                                shipment))
                .containsEntry("source", "system")
                .containsEntry("actor_user_id", null)
                .hasEntrySatisfying(
                        "reason",
                        r -> assertThat((String) r).contains("compliant").contains("2026.1"));

        // An administrator archives the invoice: the requirement is missing again and the status goes back.
        f.move(f.bearer(f.admin), invoice, "archived", "Wrong buyer on the invoice")
                .andExpect(status().isOk());
        f.compliance(f.compliance, shipment)
                .andExpect(jsonPath("$.overall").value("in_progress"))
                .andExpect(jsonPath("$.requirements[1].state").value("missing"));
        assertThat(f.shipmentStatus(shipment)).isEqualTo("docs_pending");
    }

    @Test
    void neverTouchesAStatusOtherThanThePaperworkOnes() throws Exception {
        UUID shipment = f.shipment(f.exporter, "other", "180100", "in_transit");
        for (String type : GENERAL) {
            f.approved(shipment, type, metadata(type, "1801", Map.of()));
        }
        f.compliance(f.compliance, shipment).andExpect(jsonPath("$.overall").value("compliant"));
        assertThat(f.shipmentStatus(shipment)).isEqualTo("in_transit");
    }

    @Test
    void aRejectedRequiredDocumentMakesTheShipmentNonCompliant() throws Exception {
        UUID shipment = f.shipment(f.exporter, "other", "180100", "docs_pending");
        UUID bl = f.submitted(shipment, "bill_of_lading", metadata("bill_of_lading", "1801", Map.of()));
        f.move(f.bearer(f.compliance), bl, "rejected", "Illegible scan").andExpect(status().isOk());
        f.compliance(f.compliance, shipment)
                .andExpect(jsonPath("$.overall").value("non_compliant"))
                .andExpect(jsonPath("$.requirements[0].state").value("failed"))
                .andExpect(jsonPath("$.requirements[0].documentId").value(bl.toString()));
    }

    @Test
    void aBlockingFindingRefusesApprovalUntilOverriddenAndTheOverrideStaysVisibleAndRevocable() throws Exception {
        UUID shipment = f.shipment(f.exporter, "other", "180100", "docs_pending");
        UUID bl = f.submitted(
                shipment,
                "bill_of_lading",
                metadata("bill_of_lading", "1801", Map.of("container_numbers", "MRSU3452572")));
        f.move(f.bearer(f.compliance), bl, "approved", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "document-blocking-findings"))
                .andExpect(jsonPath("$.detail").value(containsString("XD-CONTAINERS")));
        f.compliance(f.compliance, shipment)
                .andExpect(jsonPath("$.findings[?(@.ruleId=='XD-CONTAINERS')].documentId")
                        .value(hasItem(bl.toString())));

        String created = f.override(
                        f.compliance,
                        shipment,
                        "{\"ruleId\":\"XD-CONTAINERS\",\"documentId\":\"" + bl
                                + "\",\"reason\":\"Carrier re-stuffed into MRSU3452572 at Apapa; confirmed by the line\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ruleId").value("XD-CONTAINERS"))
                .andExpect(jsonPath("$.createdBy").value(f.compliance.id().toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String overrideId = JsonPath.read(created, "$.id");
        f.move(f.bearer(f.compliance), bl, "approved", null).andExpect(status().isOk());
        f.compliance(f.buyerUser, shipment)
                .andExpect(jsonPath("$.requirements[0].state").value("satisfied"))
                .andExpect(jsonPath("$.findings[?(@.ruleId=='XD-CONTAINERS')].overrideId")
                        .value(hasItem(overrideId)))
                .andExpect(jsonPath("$.findings[?(@.ruleId=='XD-CONTAINERS')].overrideReason")
                        .value(hasItem(containsString("re-stuffed"))));

        mvc.perform(delete("/api/shipments/" + shipment + "/compliance/overrides/" + overrideId)
                        .header("Authorization", f.bearer(f.compliance)))
                .andExpect(status().isNoContent());
        f.compliance(f.compliance, shipment)
                .andExpect(jsonPath("$.requirements[0].state").value("failed"))
                .andExpect(jsonPath("$.findings[?(@.ruleId=='XD-CONTAINERS')].overrideId")
                        .value(hasItem(nullValue())));
        mvc.perform(get("/api/shipments/" + shipment + "/compliance/overrides")
                        .header("Authorization", f.bearer(f.buyerUser)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].revokedBy").value(f.compliance.id().toString()))
                .andExpect(jsonPath("$[0].revokedAt").isNotEmpty());
        mvc.perform(delete("/api/shipments/" + shipment + "/compliance/overrides/" + overrideId)
                        .header("Authorization", f.bearer(f.compliance)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "override-revoked"));
    }

    @Test
    void overridesNeedTheOwnersComplianceRoleAValidRuleAndAReason() throws Exception {
        UUID shipment = f.shipment(f.exporter, "other", "180100", "docs_pending");
        UUID foreign = f.shipment(f.otherExporter, "other", "180100", "docs_pending");
        String good = "{\"ruleId\":\"XD-WEIGHTS\",\"reason\":\"Weighbridge ticket confirms the invoice weight\"}";
        f.override(f.logistics, shipment, good).andExpect(status().isForbidden());
        f.override(f.buyerUser, shipment, good).andExpect(status().isForbidden());
        f.override(f.viewer, shipment, good).andExpect(status().isForbidden());
        f.override(f.otherCompliance, shipment, good)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        f.override(f.compliance, foreign, good).andExpect(status().isNotFound());
        f.override(f.compliance, shipment, "{\"ruleId\":\"NO-SUCH-RULE\",\"reason\":\"A reason long enough\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "unknown-rule"))
                .andExpect(jsonPath("$.detail").value(containsString("NO-SUCH-RULE")));
        f.override(f.compliance, shipment, "{\"ruleId\":\"XD-WEIGHTS\",\"reason\":\"too short\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"));
        UUID foreignDoc = UUID.randomUUID();
        f.override(
                        f.compliance,
                        shipment,
                        "{\"ruleId\":\"XD-WEIGHTS\",\"documentId\":\"" + foreignDoc
                                + "\",\"reason\":\"A reason long enough\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "document-not-on-shipment"));
        String created = f.override(f.compliance, shipment, good)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(delete("/api/shipments/" + shipment + "/compliance/overrides/" + id)
                        .header("Authorization", f.bearer(f.logistics)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/shipments/" + shipment + "/compliance/overrides/" + id)
                        .header("Authorization", f.bearer(f.otherCompliance)))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/shipments/" + shipment + "/compliance/overrides/" + UUID.randomUUID())
                        .header("Authorization", f.bearer(f.compliance)))
                .andExpect(status().isNotFound());
        // The buyer can read the override it could not make; another exporter cannot see it at all.
        mvc.perform(get("/api/shipments/" + shipment + "/compliance/overrides")
                        .header("Authorization", f.bearer(f.buyerUser)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/shipments/" + shipment + "/compliance/overrides")
                        .header("Authorization", f.bearer(f.otherCompliance)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theEvaluationIsVisibleToWhoeverSeesTheShipmentAndNobodyElse() throws Exception {
        UUID shipment = f.shipment(f.exporter, "other", "180100", "docs_pending");
        f.compliance(f.viewer, shipment).andExpect(status().isOk());
        f.compliance(f.buyerUser, shipment).andExpect(status().isOk());
        f.compliance(f.otherCompliance, shipment)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        f.compliance(f.compliance, UUID.randomUUID()).andExpect(status().isNotFound());
        mvc.perform(get("/api/shipments/" + shipment + "/compliance")).andExpect(status().isUnauthorized());
    }

    @Test
    void listsRuleSetsWithTheCurrentOne() throws Exception {
        mvc.perform(get("/api/compliance/rule-sets").header("Authorization", f.bearer(f.buyerUser)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value("2026.1"))
                .andExpect(jsonPath("$[0].current").value(true))
                .andExpect(
                        jsonPath("$[0].rules[?(@.id=='XD-WEIGHTS')].severity").value(hasItem("advisory")))
                .andExpect(jsonPath("$[0].rules[?(@.id=='TRACES-NUMBER')].documentTypes[0]")
                        .value(hasItem("eu_traces_certificate")))
                .andExpect(jsonPath("$[0].products[?(@.productType=='sweet_potato_pellets')].moistureLimitPercent")
                        .value(hasItem(13.0)))
                .andExpect(jsonPath("$[0].products[?(@.productType=='horn_hoof')].regimes[0]")
                        .value(hasItem("veterinary")))
                .andExpect(jsonPath("$[0].parameters.expiry_warning_days").value("30,14,7"));
    }

    @Test
    void theVeterinaryRegimeChecksTheTracesNumberSettingAndReEvaluatesWhenItIsSet() throws Exception {
        UUID shipment = f.shipment(f.exporter, "horn_hoof", "050690", "docs_pending");
        f.compliance(f.compliance, shipment)
                .andExpect(jsonPath("$.regimes[?(@.code=='eudr')].status").value(hasItem("not_applicable")))
                .andExpect(jsonPath("$.regimes[?(@.code=='veterinary')].findings[0].message")
                        .value(hasItem(containsString("no TRACES registration number set"))));
        UUID traces = f.submitted(
                shipment,
                "eu_traces_certificate",
                metadata("eu_traces_certificate", "0506", Map.of("traces_number", "NG-TRACES-2026-0417")));
        f.move(f.bearer(f.compliance), traces, "approved", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("organisation settings")));

        mvc.perform(put("/api/organization/settings")
                        .header("Authorization", f.bearer(f.admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tracesNumber\":\"NG-TRACES-2026-0417\"}"))
                .andExpect(status().isOk());
        // The stored evaluation was refreshed by the settings change, before anything else happened.
        f.compliance(f.compliance, shipment)
                .andExpect(jsonPath("$.findings[?(@.ruleId=='TRACES-NUMBER')]").isEmpty())
                .andExpect(jsonPath("$.regimes[?(@.code=='veterinary')].status").value(hasItem("pending")));
        f.move(f.bearer(f.compliance), traces, "approved", null).andExpect(status().isOk());
        f.compliance(f.compliance, shipment)
                .andExpect(jsonPath("$.requirements[?(@.documentType=='eu_traces_certificate')].state")
                        .value(hasItem("satisfied")));
    }

    @Test
    void shipmentEditsAreReEvaluated() throws Exception {
        UUID shipment = f.shipment(f.exporter, "other", "180100", "docs_pending");
        f.approved(shipment, "bill_of_lading", metadata("bill_of_lading", "1801", Map.of()));
        f.compliance(f.compliance, shipment)
                .andExpect(jsonPath("$.requirements[0].state").value("satisfied"));
        // The shipment's container changes behind the B/L's back (as the owner, then announce it as an edit would).
        String detail = mvc.perform(get("/api/shipments/" + shipment).header("Authorization", f.bearer(f.logistics)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int version = JsonPath.read(detail, "$.version");
        mvc.perform(put("/api/shipments/" + shipment)
                        .header("Authorization", f.bearer(f.logistics))
                        .header("If-Match", "\"" + version + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"reference":"%s","productType":"other","portOfLoading":"NGAPP","portOfDischarge":"DEHAM",
                                 "version":%d,
                                 "containers":[{"number":"MRSU3452572"}],
                                 "productLines":[{"hsCode":"180100","description":"goods","netWeightKg":24000,"grossWeightKg":24500}]}""".formatted(JsonPath.read(detail, "$.reference"), version)))
                .andExpect(status().is2xxSuccessful());
        f.compliance(f.compliance, shipment)
                .andExpect(jsonPath("$.requirements[0].state").value("failed"))
                .andExpect(jsonPath("$.findings[?(@.ruleId=='XD-CONTAINERS')].message")
                        .value(hasItem(containsString("MRSU3452572"))));
    }
}
