package com.vibotaj.tracehub.eudr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.DemoShipmentsReady;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
@RecordApplicationEvents
class EudrApiIntegrationTests {

    private static final String PROBLEMS = "https://tracehub.vibotaj.com/problems/";
    static final String SQUARE =
            "[[6.700000,7.150000],[6.702000,7.150000],[6.702000,7.152000],[6.700000,7.152000],[6.700000,7.150000]]";
    static final String OPEN = "[[6.700000,7.150000],[6.702000,7.150000],[6.702000,7.152000],[6.700000,7.152000]]";
    static final String PROPS =
            "{\"ProducerName\":\"Adebayo Farms\",\"ProducerCountry\":\"NG\",\"ProductionPlace\":\"Idanre plot 7\"}";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ApplicationEvents recorded;

    TestData.Org exporter;
    TestData.Org buyer;
    TestData.Org supplier;
    TestData.User logisticsUser;
    String logistics;
    String compliance;
    String admin;
    String viewer;
    String buyerUser;
    String supplierUser;
    String strangerCompliance;

    @BeforeEach
    void setUp() throws Exception {
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        supplier = data.organization("supplier");
        data.partner(exporter, buyer);
        data.partner(exporter, supplier);
        logisticsUser = data.user(exporter, "logistics");
        logistics = Api.login(mvc, logisticsUser).bearer();
        compliance = Api.login(mvc, data.user(exporter, "compliance")).bearer();
        admin = Api.login(mvc, data.user(exporter, "admin")).bearer();
        viewer = Api.login(mvc, data.user(exporter, "viewer")).bearer();
        buyerUser = Api.login(mvc, data.user(buyer, "buyer")).bearer();
        supplierUser = Api.login(mvc, data.user(supplier, "supplier")).bearer();
        TestData.Org stranger = data.organization("exporter");
        strangerCompliance = Api.login(mvc, data.user(stranger, "compliance")).bearer();
    }

    static final String TWO_LINES = """
            [{"hsCode":"1801.00","description":"Raw cocoa beans, grade 1","netWeightKg":24000,"grossWeightKg":24500},
             {"hsCode":"180100","description":"Raw cocoa beans, grade 2","netWeightKg":12000,"grossWeightKg":12300}]""";

    String shipment(String reference, String productType, String lines) throws Exception {
        String body = """
                {"reference":"%s","productType":"%s","buyerOrganizationId":"%s","supplierOrganizationIds":["%s"],
                 "portOfLoading":"NGAPP","portOfDischarge":"DEHAM","productLines":%s}""".formatted(reference, productType, buyer.id(), supplier.id(), lines);
        String response = mvc.perform(post("/api/shipments")
                        .header("Authorization", logistics)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    String cocoa() throws Exception {
        return shipment("COC-" + UUID.randomUUID().toString().substring(0, 8), "cocoa_beans", TWO_LINES);
    }

    static String feature(String props, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":" + props + ",\"geometry\":" + geometry + "}";
    }

    static String plots(String ring) {
        return "{\"type\":\"FeatureCollection\",\"features\":["
                + feature(PROPS, "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}") + ","
                + feature(PROPS.replace("plot 7", "plot 8"), "{\"type\":\"Point\",\"coordinates\":[6.710123,7.160456]}")
                + "]}";
    }

    ResultActions addOrigins(String bearer, String shipmentId, String geojson, String extra) throws Exception {
        return mvc.perform(post("/api/shipments/" + shipmentId + "/eudr/origins")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"geojson\":" + geojson
                        + ",\"productionStart\":\"2025-10-01\",\"productionEnd\":\"2026-03-31\"" + extra + "}"));
    }

    ResultActions eudr(String bearer, String shipmentId) throws Exception {
        return mvc.perform(get("/api/shipments/" + shipmentId + "/eudr").header("Authorization", bearer));
    }

    ResultActions recordDds(String bearer, String shipmentId, Instant filedAt) throws Exception {
        return mvc.perform(post("/api/shipments/" + shipmentId + "/eudr/dds-references")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"referenceNumber\":\"25DEHAM1234567\",\"verificationNumber\":\"VX12AB\",\"filedAt\":\""
                        + filedAt + "\"}"));
    }

    // ---- GET and applicability ----

    @Test
    void aCocoaShipmentWithoutPlotsIsIncompleteWithHighRiskAndAChecklistOfWhatIsMissing() throws Exception {
        String id = cocoa();
        eudr(compliance, id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applicable").value(true))
                .andExpect(jsonPath("$.status").value("incomplete"))
                .andExpect(jsonPath("$.riskLevel").value("high"))
                .andExpect(jsonPath("$.annexIHeadings[0]").value("1801"))
                .andExpect(jsonPath("$.checklist[?(@.code=='plots_present')].state")
                        .value(hasItem("missing")))
                .andExpect(jsonPath("$.checklist[?(@.code=='net_weight_present')].satisfied")
                        .value(hasItem(true)))
                .andExpect(jsonPath("$.checklist[?(@.code=='dds_reference_recorded')].state")
                        .value(hasItem("pending")))
                .andExpect(jsonPath("$.origins", hasSize(0)))
                .andExpect(jsonPath("$.actions", hasItem("add_origins")))
                .andExpect(jsonPath("$.actions", not(hasItem("record_dds"))));
        eudr(buyerUser, id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions", hasItem("record_dds")))
                .andExpect(jsonPath("$.actions", not(hasItem("add_origins"))));
        eudr(supplierUser, id).andExpect(status().isOk()).andExpect(jsonPath("$.actions", hasItem("add_origins")));
        eudr(viewer, id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions", hasSize(1)))
                .andExpect(jsonPath("$.actions[0]").value("download_package"));
    }

    @Test
    void aShipmentWithoutProductLinesOrPortsAnswersNormally() throws Exception {
        String response = mvc.perform(post("/api/shipments")
                        .header("Authorization", logistics)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reference\":\"BARE-"
                                + UUID.randomUUID().toString().substring(0, 6) + "\",\"productType\":\"coffee\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(response, "$.id");
        eudr(compliance, id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applicable").value(true))
                .andExpect(jsonPath("$.status").value("incomplete"))
                .andExpect(jsonPath("$.checklist[?(@.code=='lines_linked')].message")
                        .value(hasItem(containsString("no product lines"))));
        var download = mvc.perform(
                        get("/api/shipments/" + id + "/eudr/dds-package").header("Authorization", compliance))
                .andExpect(status().isOk())
                .andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(download))
                .andExpect(jsonPath("$.features", hasSize(0)))
                .andExpect(jsonPath("$.dds.commodities", hasSize(0)));
    }

    @Test
    void hornAndHoofIsNotApplicableAndTakesNoPlotsOrDdsReferences() throws Exception {
        String id = shipment(
                "HH-" + UUID.randomUUID().toString().substring(0, 6),
                "horn_hoof",
                "[{\"hsCode\":\"050690\",\"description\":\"Crushed horn and hoof\",\"netWeightKg\":20000}]");
        eudr(compliance, id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applicable").value(false))
                .andExpect(jsonPath("$.status").value("not_applicable"))
                .andExpect(jsonPath("$.checklist", hasSize(0)))
                .andExpect(jsonPath("$.actions", hasSize(0)));
        addOrigins(compliance, id, plots(SQUARE), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "eudr-not-applicable"))
                .andExpect(jsonPath("$.detail").value(containsString("outside Annex I")));
        recordDds(buyerUser, id, Instant.now()).andExpect(status().isConflict());
        mvc.perform(get("/api/shipments/" + id + "/eudr/dds-package").header("Authorization", buyerUser))
                .andExpect(status().isConflict());
    }

    @Test
    void anAnnexIHsCodeBringsAnOtherwiseOutOfScopeProductIntoScope() throws Exception {
        String id = shipment(
                "OTH-" + UUID.randomUUID().toString().substring(0, 6),
                "other",
                "[{\"hsCode\":\"120710\",\"description\":\"Palm kernels\",\"netWeightKg\":1000}]");
        eudr(compliance, id)
                .andExpect(jsonPath("$.applicable").value(true))
                .andExpect(jsonPath("$.annexIHeadings[0]").value("120710"));
        // Sesame (1207 40) shares the 1207 heading with palm kernels but is outside Annex I.
        String sesame = shipment(
                "SES-" + UUID.randomUUID().toString().substring(0, 6),
                "sesame",
                "[{\"hsCode\":\"120740\",\"description\":\"Sesame\",\"netWeightKg\":1000}]");
        eudr(compliance, sesame).andExpect(jsonPath("$.applicable").value(false));
    }

    // ---- validation dry run ----

    @Test
    void theDryRunAcceptsRawGeoJsonJsonAndAFileAndSavesNothing() throws Exception {
        String invalid = plots(OPEN);
        mvc.perform(post("/api/eudr/geojson/validate")
                        .header("Authorization", compliance)
                        .contentType("application/geo+json")
                        .content(invalid))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.issues[0].code").value("open-ring"))
                .andExpect(jsonPath("$.issues[0].feature").value(1))
                .andExpect(jsonPath("$.issues[0].position").value("ring 1"))
                .andExpect(jsonPath("$.repairs[0].code").value("close-ring"))
                .andExpect(jsonPath("$.repaired.features[0].geometry.coordinates[0]", hasSize(5)));
        mvc.perform(post("/api/eudr/geojson/validate")
                        .header("Authorization", supplierUser)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"Feature\",,}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issues[0].code").value("json-syntax"));
        mvc.perform(multipart("/api/eudr/geojson/validate")
                        .file(new MockMultipartFile(
                                "file",
                                "plots.geojson",
                                "application/geo+json",
                                plots(SQUARE).getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", compliance))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.plots", hasSize(2)));
        mvc.perform(multipart("/api/eudr/geojson/validate")
                        .file(new MockMultipartFile(
                                "file", "plots.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", compliance))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issues[0].code").value("unreadable"));
        mvc.perform(post("/api/eudr/geojson/validate")
                        .header("Authorization", buyerUser)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(invalid))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/eudr/geojson/validate")
                        .header("Authorization", viewer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(invalid))
                .andExpect(status().isForbidden());
    }

    // ---- origins ----

    @Test
    void validPlotsLinkedToEveryLineMakeTheAssessmentPassWhileTheDdsIsNotYetDue() throws Exception {
        String id = cocoa();
        addOrigins(compliance, id, plots(SQUARE), ",\"linePositions\":[1,2]")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.originIds", hasSize(2)))
                .andExpect(jsonPath("$.eudr.status").value("passed"))
                .andExpect(jsonPath("$.eudr.riskLevel").value("standard"));
        eudr(buyerUser, id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.origins", hasSize(2)))
                .andExpect(jsonPath("$.origins[0].valid").value(true))
                .andExpect(jsonPath("$.origins[0].geometryType").value("Polygon"))
                .andExpect(jsonPath("$.origins[0].linePositions", hasSize(2)))
                .andExpect(jsonPath("$.origins[0].productionStart").value("2025-10-01"))
                .andExpect(
                        jsonPath("$.origins[0].feature.properties.ProducerName").value("Adebayo Farms"))
                .andExpect(jsonPath("$.checklist[?(@.code=='lines_linked')].satisfied")
                        .value(hasItem(true)))
                .andExpect(jsonPath("$.checklist[?(@.code=='dds_reference_recorded')].state")
                        .value(hasItem("pending")));
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT computed_area_ha FROM eudr_origin WHERE shipment_id = ?::uuid AND geometry_type = 'Polygon'",
                                java.math.BigDecimal.class,
                                id))
                .isBetween(new java.math.BigDecimal("4.8"), new java.math.BigDecimal("5.0"));
        // Compliance re-evaluates on this event.
        assertThat(recorded.stream(EudrOriginsChanged.class))
                .containsExactly(new EudrOriginsChanged(UUID.fromString(id), exporter.id()));
    }

    @Test
    void invalidPlotsAreRefusedUntilTheRepairsAreAccepted() throws Exception {
        String id = cocoa();
        addOrigins(compliance, id, plots(OPEN), ",\"linePositions\":[1]")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "eudr-geojson-invalid"))
                .andExpect(jsonPath("$.issues[0].code").value("open-ring"))
                .andExpect(jsonPath("$.repairs[0].code").value("close-ring"))
                .andExpect(jsonPath("$.detail").value(containsString("acceptRepairs")));
        assertThat(data.owner()
                        .queryForObject("SELECT count(*) FROM eudr_origin WHERE shipment_id = ?::uuid", Long.class, id))
                .isZero();
        addOrigins(compliance, id, plots(OPEN), ",\"linePositions\":[1],\"acceptRepairs\":true")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.eudr.origins[0].repairsApplied[0]").value(containsString("close the ring")))
                .andExpect(jsonPath("$.eudr.status").value("incomplete"))
                .andExpect(jsonPath("$.eudr.checklist[?(@.code=='lines_linked')].message")
                        .value(hasItem(containsString("[2]"))));
        // An unrepairable file stays refused even with acceptRepairs.
        String line = "{\"type\":\"LineString\",\"coordinates\":[[6.7,7.15],[6.71,7.16]]}";
        addOrigins(compliance, id, line, ",\"acceptRepairs\":true")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.issues[0].code").value("line-geometry"));
    }

    @Test
    void linePositionsAndDatesAreChecked() throws Exception {
        String id = cocoa();
        addOrigins(compliance, id, plots(SQUARE), ",\"linePositions\":[3]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("linePositions[0]"));
        mvc.perform(post("/api/shipments/" + id + "/eudr/origins")
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"geojson\":" + plots(SQUARE)
                                + ",\"productionStart\":\"2026-03-01\",\"productionEnd\":\"2025-03-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("productionEnd"));
        // Produced before the cut-off: saved (it is the truth), but the assessment fails.
        mvc.perform(post("/api/shipments/" + id + "/eudr/origins")
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"geojson\":" + plots(SQUARE)
                                + ",\"productionDate\":\"2020-06-01\",\"linePositions\":[1,2]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.eudr.status").value("failed"))
                .andExpect(jsonPath("$.eudr.riskLevel").value("high"))
                .andExpect(jsonPath("$.eudr.checklist[?(@.code=='production_after_cutoff')].state")
                        .value(hasItem("failed")));
    }

    @Test
    void aSupplierPartyAddsAndRemovesItsOwnPlotsButNotTheExportersAndOthersCannotAddAtAll() throws Exception {
        String id = cocoa();
        String mine = JsonPath.read(
                addOrigins(supplierUser, id, plots(SQUARE), ",\"linePositions\":[1]")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.originIds[0]");
        String theirs = JsonPath.read(
                addOrigins(compliance, id, plots(SQUARE), ",\"linePositions\":[2]")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.originIds[0]");
        mvc.perform(delete("/api/shipments/" + id + "/eudr/origins/" + theirs).header("Authorization", supplierUser))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/shipments/" + id + "/eudr/origins/" + mine + "?reason=wrong farm")
                        .header("Authorization", supplierUser))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/shipments/" + id + "/eudr/origins/" + mine).header("Authorization", supplierUser))
                .andExpect(status().isNotFound());
        // Removed plots are kept for the record, with who, when and why.
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT removed_reason FROM eudr_origin WHERE id = ?::uuid AND removed_by IS NOT NULL AND removed_at IS NOT NULL",
                                String.class,
                                mine))
                .isEqualTo("wrong farm");
        eudr(compliance, id).andExpect(jsonPath("$.origins", hasSize(3)));
        mvc.perform(delete("/api/shipments/" + id + "/eudr/origins/" + theirs).header("Authorization", compliance))
                .andExpect(status().isNoContent());
        addOrigins(buyerUser, id, plots(SQUARE), "").andExpect(status().isForbidden());
        addOrigins(logistics, id, plots(SQUARE), "").andExpect(status().isForbidden());
        addOrigins(viewer, id, plots(SQUARE), "").andExpect(status().isForbidden());
    }

    @Test
    void anotherExportersShipmentIsNotFoundEverywhere() throws Exception {
        String id = cocoa();
        eudr(strangerCompliance, id).andExpect(status().isNotFound());
        addOrigins(strangerCompliance, id, plots(SQUARE), "").andExpect(status().isNotFound());
        mvc.perform(get("/api/shipments/" + id + "/eudr/dds-package").header("Authorization", strangerCompliance))
                .andExpect(status().isNotFound());
        String origin = JsonPath.read(
                addOrigins(compliance, id, plots(SQUARE), "")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.originIds[0]");
        mvc.perform(delete("/api/shipments/" + id + "/eudr/origins/" + origin)
                        .header("Authorization", strangerCompliance))
                .andExpect(status().isNotFound());
        TestData.Org otherBuyer = data.organization("buyer");
        recordDds(Api.login(mvc, data.user(otherBuyer, "buyer")).bearer(), id, Instant.now())
                .andExpect(status().isNotFound());
    }

    // ---- DDS ----

    @Test
    void theBuyerRecordsAndAmendsWithinSeventyTwoHoursAndTheOwnerAdminMayRecordToo() throws Exception {
        String id = cocoa();
        Instant filed = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String ref = JsonPath.read(
                recordDds(buyerUser, id, filed)
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.amendableUntil")
                                .value(filed.plus(Duration.ofHours(72)).toString()))
                        .andExpect(jsonPath("$.amendable").value(true))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(put("/api/shipments/" + id + "/eudr/dds-references/" + ref)
                        .header("Authorization", buyerUser)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"referenceNumber\":\"25DEHAM7654321\",\"verificationNumber\":\"VX99ZZ\",\"filedAt\":\""
                                        + filed + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.referenceNumber").value("25DEHAM7654321"))
                .andExpect(jsonPath("$.amendedAt").exists());
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT previous_reference_number FROM eudr_dds_amendment WHERE dds_reference_id = ?::uuid",
                                String.class,
                                ref))
                .isEqualTo("25DEHAM1234567");
        eudr(compliance, id)
                .andExpect(jsonPath("$.ddsReferences[0].referenceNumber").value("25DEHAM7654321"))
                .andExpect(jsonPath("$.checklist[?(@.code=='dds_reference_recorded')].satisfied")
                        .value(hasItem(true)));
        assertThat(recorded.stream(DdsReferenceRecorded.class))
                .hasSize(2)
                .allMatch(e -> e.equals(new DdsReferenceRecorded(UUID.fromString(id), exporter.id())));
        recordDds(admin, id, filed).andExpect(status().isCreated());
        recordDds(compliance, id, filed).andExpect(status().isForbidden());
        recordDds(supplierUser, id, filed).andExpect(status().isForbidden());
        recordDds(buyerUser, id, Instant.now().plus(Duration.ofDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("filedAt"));
    }

    @Test
    void afterSeventyTwoHoursTheStatementCanNoLongerBeAmended() throws Exception {
        String id = cocoa();
        Instant filed = Instant.now().minus(Duration.ofHours(73)).truncatedTo(ChronoUnit.SECONDS);
        String ref = JsonPath.read(
                recordDds(buyerUser, id, filed)
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.amendable").value(false))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(put("/api/shipments/" + id + "/eudr/dds-references/" + ref)
                        .header("Authorization", buyerUser)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"referenceNumber\":\"25DEHAM7654321\",\"verificationNumber\":\"VX99ZZ\",\"filedAt\":\""
                                        + filed + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "dds-amend-window-closed"))
                .andExpect(jsonPath("$.detail")
                        .value(containsString(filed.plus(Duration.ofHours(72)).toString())));
    }

    @Test
    void anArrivedShipmentWithoutADdsReferenceFails() throws Exception {
        String id = cocoa();
        addOrigins(compliance, id, plots(SQUARE), ",\"linePositions\":[1,2]").andExpect(status().isCreated());
        data.owner().update("UPDATE shipment SET status = 'arrived' WHERE id = ?::uuid", id);
        eudr(compliance, id)
                .andExpect(jsonPath("$.status").value("failed"))
                .andExpect(jsonPath("$.checklist[?(@.code=='dds_reference_recorded')].state")
                        .value(hasItem("failed")));
        recordDds(buyerUser, id, Instant.now()).andExpect(status().isCreated());
        eudr(compliance, id).andExpect(jsonPath("$.status").value("passed"));
    }

    // ---- DDS package ----

    @Test
    void theDdsPackageIsAGeoJsonDownloadWithTheCommodityDataForOwnerAndBuyerOnly() throws Exception {
        String id = cocoa();
        addOrigins(compliance, id, plots(SQUARE), ",\"linePositions\":[1,2]").andExpect(status().isCreated());
        String reference = JsonPath.read(
                mvc.perform(get("/api/shipments/" + id).header("Authorization", compliance))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.reference");
        var result = mvc.perform(
                        get("/api/shipments/" + id + "/eudr/dds-package").header("Authorization", buyerUser))
                .andExpect(status().isOk())
                .andReturn();
        // Streamed: the body is written after the handler returns.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/geo+json")))
                .andExpect(header().string(
                                "Content-Disposition",
                                containsString("attachment; filename=\"dds-" + reference + ".geojson\"")))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features", hasSize(2)))
                .andExpect(jsonPath("$.dds.activityType").value("export"))
                .andExpect(jsonPath("$.dds.internalReference").value(reference))
                .andExpect(jsonPath("$.dds.commodities[0].hsHeading").value("180100"))
                .andExpect(jsonPath("$.dds.commodities[0].netWeightKg").value(24000.0))
                .andExpect(jsonPath("$.dds.commodities[0].countriesOfProduction[0]")
                        .value("NG"))
                .andExpect(jsonPath("$.dds.producers[0].name").value("Adebayo Farms"));
        mvc.perform(get("/api/shipments/" + id + "/eudr/dds-package").header("Authorization", supplierUser))
                .andExpect(status().isForbidden());
    }

    // ---- demo ----

    @Test
    void demoPlotsAreValidAndLeaveOneCocoaShipmentIncompleteAndOneWithADdsReference() throws Exception {
        List<String> ids = List.of(cocoa(), cocoa(), cocoa());
        Map<UUID, Integer> days = Map.of(
                UUID.fromString(ids.get(0)), 3, UUID.fromString(ids.get(1)), 10, UUID.fromString(ids.get(2)), 27);
        transactions.write(TenantScope.of(exporter.id(), logisticsUser.id()), () -> {
            events.publishEvent(new DemoShipmentsReady(exporter.id(), days));
            return null;
        });
        List<String> statuses = new java.util.ArrayList<>();
        int withDds = 0;
        for (String id : ids) {
            String body = eudr(compliance, id)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            statuses.add(JsonPath.read(body, "$.status"));
            List<Boolean> valid = JsonPath.read(body, "$.origins[*].valid");
            assertThat(valid).doesNotContain(false);
            List<String> types = JsonPath.read(body, "$.origins[*].geometryType");
            if (!types.isEmpty()) {
                assertThat(types).contains("Point", "Polygon");
                List<Double> polygonHa = JsonPath.read(body, "$.origins[?(@.geometryType=='Polygon')].computedAreaHa");
                assertThat(polygonHa).allSatisfy(ha -> assertThat(ha).isGreaterThan(4.0));
                List<Double> pointHa = JsonPath.read(body, "$.origins[?(@.geometryType=='Point')].areaHa");
                assertThat(pointHa).allSatisfy(ha -> assertThat(ha).isLessThanOrEqualTo(4.0));
            }
            withDds += JsonPath.<List<Object>>read(body, "$.ddsReferences").size();
        }
        assertThat(statuses).containsOnlyOnce("incomplete").contains("passed");
        assertThat(withDds).isEqualTo(1);
    }
}
