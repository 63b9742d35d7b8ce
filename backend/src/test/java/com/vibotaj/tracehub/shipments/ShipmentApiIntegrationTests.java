package com.vibotaj.tracehub.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class ShipmentApiIntegrationTests {

    private static final String PROBLEMS = "https://tracehub.vibotaj.com/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    TestData.Org exporter;
    TestData.Org buyer;
    TestData.Org otherBuyer;
    TestData.Org supplier;
    String logistics;

    @BeforeEach
    void setUp() throws Exception {
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        otherBuyer = data.organization("buyer");
        supplier = data.organization("supplier");
        data.partner(exporter, buyer);
        data.partner(exporter, otherBuyer);
        data.partner(exporter, supplier);
        logistics = Api.login(mvc, data.user(exporter, "logistics")).bearer();
    }

    String body(String reference, String buyerId, String containers) {
        return """
                {"reference":"%s","productType":"cocoa_beans","buyerOrganizationId":"%s",
                 "supplierOrganizationIds":["%s"],
                 "portOfLoading":"ngapp","portOfDischarge":"DEHAM","carrierScac":"maeu","vesselName":"MAERSK TEMA",
                 "billOfLading":"maeu241234567","etd":"2026-12-01T08:00:00Z","eta":"2026-12-24T08:00:00Z",
                 "containers":[%s],
                 "productLines":[{"hsCode":"1801.00","description":"Raw cocoa beans, grade 1","netWeightKg":24000,
                   "grossWeightKg":24500,"packages":384,"containerNumber":"CSQU3054383"}]}""".formatted(reference, buyerId, supplier.id(), containers);
    }

    static final String CONTAINER = "{\"number\":\"csqu 305438-3\",\"isoType\":\"22G1\",\"sealNumber\":\"ML123\"}";

    ResultActions create(String bearer, String json) throws Exception {
        return mvc.perform(post("/api/shipments")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String createdId(String reference, TestData.Org forBuyer) throws Exception {
        String response = create(logistics, body(reference, forBuyer.id().toString(), CONTAINER))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    @Test
    void createsADraftWithNormalisedContainersPortsAndCarrierAndRecordsTheFirstStatus() throws Exception {
        create(logistics, body("VIBO-2026-001", buyer.id().toString(), CONTAINER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.containers[0].number").value("CSQU3054383"))
                .andExpect(jsonPath("$.portOfLoading").value("NGAPP"))
                .andExpect(jsonPath("$.carrierScac").value("MAEU"))
                .andExpect(jsonPath("$.carrierName").value("Maersk"))
                .andExpect(jsonPath("$.billOfLading").value("MAEU241234567"))
                .andExpect(jsonPath("$.productLines[0].hsCode").value("180100"))
                .andExpect(jsonPath("$.buyer.name").value(buyer.name()))
                .andExpect(jsonPath("$.suppliers[0].id").value(supplier.id().toString()))
                .andExpect(jsonPath("$.editable").value(true))
                .andExpect(jsonPath("$.allowedTransitions", contains("docs_pending", "archived")));
        String id = JsonPath.read(
                mvc.perform(get("/api/shipments").header("Authorization", logistics))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[0].id");
        mvc.perform(get("/api/shipments/" + id + "/history").header("Authorization", logistics))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].to").value("draft"))
                .andExpect(jsonPath("$[0].source").value("user"))
                .andExpect(jsonPath("$[0].actorName").value("Test logistics"));
    }

    @Test
    void refusesBadContainerNumbersPlaceholdersAndForeignOrganisationsWithEveryFieldNamed() throws Exception {
        TestData.Org stranger = data.organization("buyer"); // not a partner
        String json = body(
                        "VIBO-2026-002", stranger.id().toString(), "{\"number\":\"MSCU1234567\"},{\"number\":\"TBD\"}")
                .replace("\"portOfLoading\":\"ngapp\"", "\"portOfLoading\":\"NGAP1\"");
        create(logistics, json)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"))
                .andExpect(jsonPath("$.errors[?(@.field=='containers[0].number')].message")
                        .value(contains(containsString("should be 6"))))
                .andExpect(jsonPath("$.errors[?(@.field=='containers[1].number')].message")
                        .value(contains(containsString("placeholder"))))
                .andExpect(
                        jsonPath("$.errors[?(@.field=='buyerOrganizationId')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='productLines[0].containerNumber')]")
                        .exists());
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM shipment WHERE organization_id = ?", Long.class, exporter.id()))
                .isZero();
    }

    @Test
    void aDuplicateReferenceIsAConflictWhateverItsCase() throws Exception {
        createdId("VIBO-2026-003", buyer);
        create(logistics, body("vibo-2026-003", buyer.id().toString(), CONTAINER))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "duplicate-reference"));
    }

    @Test
    void buyersSeeOnlyTheirShipmentsAndCannotChangeThem() throws Exception {
        String mine = createdId("VIBO-2026-010", buyer);
        String theirs = createdId("VIBO-2026-011", otherBuyer);
        String buyerBearer = Api.login(mvc, data.user(buyer, "buyer")).bearer();

        mvc.perform(get("/api/shipments").header("Authorization", buyerBearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(mine));
        mvc.perform(get("/api/shipments/" + theirs).header("Authorization", buyerBearer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/shipments/" + theirs + "/history").header("Authorization", buyerBearer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/shipments/" + mine).header("Authorization", buyerBearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.editable").value(false))
                .andExpect(jsonPath("$.allowedTransitions", hasSize(0)));
        mvc.perform(post("/api/shipments/" + mine + "/status")
                        .header("Authorization", buyerBearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"docs_pending\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSupplierSeesTheShipmentsItIsNamedOnAndAnotherExporterSeesNothing() throws Exception {
        String id = createdId("VIBO-2026-020", buyer);
        String supplierBearer = Api.login(mvc, data.user(supplier, "supplier")).bearer();
        mvc.perform(get("/api/shipments").header("Authorization", supplierBearer))
                .andExpect(jsonPath("$.items[*].id", contains(id)));
        mvc.perform(get("/api/shipments/" + id).header("Authorization", supplierBearer))
                .andExpect(status().isOk());

        TestData.Org otherExporter = data.organization("exporter");
        String otherAdmin = Api.login(mvc, data.user(otherExporter, "admin")).bearer();
        mvc.perform(get("/api/shipments").header("Authorization", otherAdmin))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/shipments/" + id).header("Authorization", otherAdmin))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/shipments/" + id)
                        .header("Authorization", otherAdmin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("HIJACK-1", buyer.id().toString(), CONTAINER)
                                .replace("{\"reference\"", "{\"version\":0,\"reference\"")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/shipments/" + id).header("Authorization", otherAdmin))
                .andExpect(status().isNotFound());
    }

    @Test
    void viewersReadButCannotCreate() throws Exception {
        String viewer = Api.login(mvc, data.user(exporter, "viewer")).bearer();
        create(viewer, body("VIBO-2026-030", buyer.id().toString(), CONTAINER)).andExpect(status().isForbidden());
    }

    @Test
    void statusMovesFollowTheMachineAndOnlyDraftsAreDeleted() throws Exception {
        String id = createdId("VIBO-2026-040", buyer);
        move(id, "in_transit", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-status-transition"))
                .andExpect(jsonPath("$.detail").value(containsString("Allowed: docs_pending")));
        move(id, "docs_pending", null).andExpect(status().isOk());
        move(id, "in_transit", "sailed before the phyto certificate arrived")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("in_transit"));
        mvc.perform(delete("/api/shipments/" + id).header("Authorization", logistics))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "shipment-not-draft"));
        move(id, "archived", " ")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "reason-required"));
        move(id, "archived", "cancelled by buyer").andExpect(status().isOk());
        mvc.perform(get("/api/shipments/" + id + "/history").header("Authorization", logistics))
                .andExpect(jsonPath("$[*].to", contains("draft", "docs_pending", "in_transit", "archived")))
                .andExpect(jsonPath("$[2].reason").value("sailed before the phyto certificate arrived"));
        // Archived shipments leave the working list unless asked for.
        mvc.perform(get("/api/shipments").header("Authorization", logistics))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/shipments?status=archived").header("Authorization", logistics))
                .andExpect(jsonPath("$.totalItems").value(1));

        String draft = createdId("VIBO-2026-041", buyer);
        mvc.perform(delete("/api/shipments/" + draft).header("Authorization", logistics))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/shipments/" + draft).header("Authorization", logistics))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUpdateWithAStaleVersionIsRefused() throws Exception {
        String id = createdId("VIBO-2026-050", buyer);
        String update = body("VIBO-2026-050", buyer.id().toString(), CONTAINER)
                .replace("{\"reference\"", "{\"version\":0,\"reference\"")
                .replace("MAERSK TEMA", "MAERSK TEMA II");
        mvc.perform(put("/api/shipments/" + id)
                        .header("Authorization", logistics)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vesselName").value("MAERSK TEMA II"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/shipments/" + id)
                        .header("Authorization", logistics)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "stale-version"));
    }

    @Test
    void searchesByContainerSuffixBlAndVesselAndFiltersByStatusPortAndEta() throws Exception {
        String a = createdId("VIBO-2026-060", buyer);
        String b = JsonPath.read(
                create(
                                logistics,
                                body("VIBO-2026-061", otherBuyer.id().toString(), "{\"number\":\"MRSU3452572\"}")
                                        .replace("DEHAM", "NLRTM")
                                        .replace("2026-12-24", "2027-01-10")
                                        .replace(
                                                "\"containerNumber\":\"CSQU3054383\"",
                                                "\"containerNumber\":\"MRSU3452572\""))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        list("q=3054383").andExpect(jsonPath("$.items[*].id", contains(a)));
        list("q=mrsu").andExpect(jsonPath("$.items[*].id", contains(b)));
        list("q=maersk%20tema").andExpect(jsonPath("$.totalItems").value(2));
        list("q=100%25").andExpect(jsonPath("$.totalItems").value(0));
        list("portOfDischarge=nlrtm").andExpect(jsonPath("$.items[*].id", contains(b)));
        list("buyer=" + buyer.id()).andExpect(jsonPath("$.items[*].id", contains(a)));
        list("etaFrom=2027-01-01T00:00:00Z").andExpect(jsonPath("$.items[*].id", contains(b)));
        list("sort=-eta").andExpect(jsonPath("$.items[*].id", contains(b, a)));
        list("sort=eta&size=1&page=1")
                .andExpect(jsonPath("$.items[*].id", contains(b)))
                .andExpect(jsonPath("$.totalPages").value(2));
        list("status=draft&status=in_transit")
                .andExpect(jsonPath("$.totalItems").value(2));
        list("needsAttention=true").andExpect(jsonPath("$.totalItems").value(0));
        list("sort=price").andExpect(status().isBadRequest());
        list("status=flying").andExpect(status().isBadRequest());
    }

    ResultActions list(String query) throws Exception {
        // A URI, not a template: the test writes the query already encoded.
        return mvc.perform(get(java.net.URI.create("/api/shipments?" + query)).header("Authorization", logistics));
    }

    ResultActions move(String id, String to, String reason) throws Exception {
        String json = reason == null
                ? "{\"status\":\"" + to + "\"}"
                : "{\"status\":\"" + to + "\",\"reason\":\"" + reason + "\"}";
        return mvc.perform(post("/api/shipments/" + id + "/status")
                .header("Authorization", logistics)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
