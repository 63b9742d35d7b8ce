package com.vibotaj.tracehub.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Product spec §8: the numbers must agree with the lists they summarise. Every figure of every endpoint
 * names a shipment-list query; this test calls each one and compares its total with the figure, for an
 * exporter, a buyer, a supplier and a second exporter whose shipments must never leak into the first's.
 */
@IntegrationTest
class AnalyticsConsistencyIntegrationTests {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    TestData.Org exporter;
    TestData.Org buyer;
    TestData.Org otherBuyer;
    TestData.Org supplier;
    TestData.Org otherExporter;
    Instant now;
    int sequence;

    @BeforeEach
    void dataset() {
        now = Instant.now();
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        otherBuyer = data.organization("buyer");
        supplier = data.organization("supplier");
        otherExporter = data.organization("exporter");
        data.partner(exporter, buyer);
        data.partner(exporter, otherBuyer);
        data.partner(exporter, supplier);
        data.partner(otherExporter, buyer);

        // 1: a draft arriving soon, in progress, two documents waiting for review.
        UUID draft = shipment(exporter, buyer, "cocoa_beans", "draft", ago(2), null, null, in(2), in(2), List.of());
        evaluation(exporter, draft, "in_progress");
        document(exporter, draft, "bill_of_lading", 1, "uploaded", null);
        document(exporter, draft, "packing_list", 1, "under_review", null);
        // 2: paperwork pending, non-compliant, its ETA slipped, a certificate expiring in 10 days.
        UUID pending = shipment(
                exporter,
                otherBuyer,
                "coffee",
                "docs_pending",
                ago(20),
                null,
                null,
                in(40),
                in(30),
                List.of("eta_slipped"));
        evaluation(exporter, pending, "non_compliant");
        document(exporter, pending, "phytosanitary_certificate", 1, "approved", day(10));
        // 3: at sea with a supplier, compliant.
        UUID atSea =
                shipment(exporter, buyer, "cocoa_beans", "in_transit", ago(30), ago(10), null, in(3), in(3), List.of());
        evaluation(exporter, atSea, "compliant");
        party(exporter, atSea, supplier);
        // 4: arrived 5 days ago, two days after its first ETA: late; 25 days in transit.
        UUID late = shipment(
                exporter, buyer, "cocoa_beans", "arrived", ago(40), ago(30), ago(5), ago(7), ago(7), List.of());
        evaluation(exporter, late, "compliant");
        // 5: delivered, arrived half a day after its first ETA: on time; 20 days in transit.
        UUID onTime = shipment(
                exporter,
                otherBuyer,
                "coffee",
                "delivered",
                ago(60),
                ago(40),
                ago(20),
                ago(20).minus(Duration.ofHours(12)),
                ago(20).minus(Duration.ofHours(12)),
                List.of());
        evaluation(exporter, onTime, "compliant");
        party(exporter, onTime, supplier);
        // 6: in customs, no buyer, no first ETA, never evaluated; one document under review, one expired
        // certificate and a superseded version that would expire soon (neither counts as expiring).
        UUID customs =
                shipment(exporter, null, "cocoa_beans", "customs", ago(50), ago(25), ago(3), null, null, List.of());
        document(exporter, customs, "veterinary_health_certificate", 1, "superseded", day(5));
        document(exporter, customs, "veterinary_health_certificate", 2, "under_review", day(-1));
        // 7: archived: out of every working figure, only in "archived".
        UUID archived = shipment(
                exporter, buyer, "cocoa_beans", "archived", ago(80), ago(50), ago(10), ago(10), ago(10), List.of());
        evaluation(exporter, archived, "compliant");
        // 8: arrived long before the period.
        UUID old = shipment(
                exporter, buyer, "coffee", "delivered", ago(300), ago(260), ago(200), ago(201), ago(201), List.of());
        evaluation(exporter, old, "compliant");

        // The other exporter sells to the same buyer: the buyer sees both, the first exporter never these.
        UUID foreign = shipment(
                otherExporter,
                buyer,
                "cocoa_beans",
                "in_transit",
                ago(10),
                ago(5),
                null,
                in(1),
                in(1),
                List.of("eta_slipped"));
        evaluation(otherExporter, foreign, "compliant");
        document(otherExporter, foreign, "bill_of_lading", 1, "uploaded", null);
        UUID foreignArrived = shipment(
                otherExporter, buyer, "coffee", "arrived", ago(30), ago(20), ago(2), ago(4), ago(4), List.of());
        evaluation(otherExporter, foreignArrived, "non_compliant");
    }

    @Test
    void everyFigureOfTheExporterEqualsItsListAndCountsOnlyItsOwnShipments() throws Exception {
        String token = Api.login(mvc, data.user(exporter, "logistics")).bearer();
        String summary = checkAll(token, "/api/analytics/summary");

        assertThat(count(summary, "$.total")).isEqualTo(7);
        assertThat(count(summary, "$.inTransit")).isEqualTo(1);
        assertThat(JsonPath.<List<Integer>>read(summary, "$.byStatus[?(@.status == 'archived')].count"))
                .containsExactly(1);
        assertThat(count(summary, "$.etaSlips")).isEqualTo(1);
        assertThat(count(summary, "$.onTime.onTime")).isEqualTo(1);
        assertThat(count(summary, "$.onTime.late")).isEqualTo(1);
        assertThat(JsonPath.<Double>read(summary, "$.onTime.rate")).isEqualTo(0.5);
        assertThat(count(summary, "$.averageTransitDays")).isEqualTo(3);
        assertThat(JsonPath.<Double>read(summary, "$.averageTransitDays.days")).isEqualTo(22.3);
        assertThat(count(summary, "$.compliance.compliant")).isEqualTo(4);
        assertThat(count(summary, "$.compliance.inProgress")).isEqualTo(1);
        assertThat(count(summary, "$.compliance.nonCompliant")).isEqualTo(1);
        assertThat(count(summary, "$.compliance.notEvaluated")).isEqualTo(1);
        assertThat(JsonPath.<Double>read(summary, "$.compliance.rate")).isEqualTo(0.5714);
        assertThat(count(summary, "$.documentsAwaitingReview")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(summary, "$.documentsAwaitingReview.documents"))
                .isEqualTo(3);
        assertThat(count(summary, "$.certificatesExpiring")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(summary, "$.certificatesExpiring.documents"))
                .isEqualTo(1);

        String perBuyer = checkAll(token, "/api/analytics/summary?buyerId=" + buyer.id());
        assertThat(count(perBuyer, "$.total")).isEqualTo(4);
        String perProduct = checkAll(token, "/api/analytics/summary?productCode=coffee");
        assertThat(count(perProduct, "$.total")).isEqualTo(3);

        String weekly = checkAll(
                token,
                "/api/analytics/trends?granularity=week&from="
                        + LocalDate.now(ZoneOffset.UTC).minusDays(70));
        assertThat(JsonPath.<List<Integer>>read(weekly, "$.buckets[*].arrived.count").stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .as("arrivals of 4, 5 and 6 (7 is archived, 8 is older)")
                .isEqualTo(3);
        checkAll(
                token,
                "/api/analytics/trends?granularity=month&from="
                        + LocalDate.now(ZoneOffset.UTC).minusDays(330));

        String byBuyer = checkAll(token, "/api/analytics/breakdown?by=buyer");
        assertThat(JsonPath.<List<String>>read(byBuyer, "$.groups[*].key"))
                .containsExactlyInAnyOrder(
                        buyer.id().toString(), otherBuyer.id().toString());
        assertThat(JsonPath.<List<String>>read(byBuyer, "$.groups[*].name")).contains(buyer.name());
        String byProduct = checkAll(token, "/api/analytics/breakdown?by=product");
        assertThat(JsonPath.<List<Integer>>read(byProduct, "$.groups[*].total.count").stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(7);
    }

    @Test
    void aBuyerSeesOnlyWhatItBuysFromEveryExporterAndEveryFigureEqualsItsList() throws Exception {
        String token = Api.login(mvc, data.user(buyer, "admin")).bearer();
        String summary = checkAll(token, "/api/analytics/summary");
        // 1, 3, 4 from the first exporter (7 archived, 8 counts too: delivered), and the other's two.
        assertThat(count(summary, "$.total")).isEqualTo(6);
        assertThat(count(summary, "$.inTransit")).isEqualTo(2);
        assertThat(count(summary, "$.etaSlips")).isEqualTo(1);
        checkAll(token, "/api/analytics/trends?granularity=week");
        checkAll(token, "/api/analytics/breakdown?by=product");
    }

    @Test
    void aSupplierSeesTheShipmentsItIsAPartyTo() throws Exception {
        String token = Api.login(mvc, data.user(supplier, "admin")).bearer();
        String summary = checkAll(token, "/api/analytics/summary");
        assertThat(count(summary, "$.total")).isEqualTo(2);
        assertThat(count(summary, "$.onTime.onTime")).isEqualTo(1);
        checkAll(token, "/api/analytics/breakdown?by=buyer");
    }

    @Test
    void anotherExporterNeverSeesTheFirstOnesShipments() throws Exception {
        String token = Api.login(mvc, data.user(otherExporter, "admin")).bearer();
        String summary = checkAll(token, "/api/analytics/summary");
        assertThat(count(summary, "$.total")).isEqualTo(2);
        assertThat(count(summary, "$.compliance.compliant")).isEqualTo(1);
        assertThat(count(summary, "$.documentsAwaitingReview")).isEqualTo(1);
        assertThat(count(summary, "$.certificatesExpiring")).isZero();
        String byBuyer = checkAll(token, "/api/analytics/breakdown?by=buyer");
        assertThat(JsonPath.<List<String>>read(byBuyer, "$.groups[*].key"))
                .containsExactly(buyer.id().toString());
    }

    /** Calls the endpoint, then every list it names, and asserts each list's total equals the figure. */
    private String checkAll(String token, String endpoint) throws Exception {
        MvcResult result =
                mvc.perform(get(endpoint).header("Authorization", token)).andReturn();
        String json = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(json).isEqualTo(200);
        List<Map<String, Object>> figures = JsonPath.read(json, "$..[?(@.list)]");
        assertThat(figures).isNotEmpty();
        List<String> mismatches = new ArrayList<>();
        for (Map<String, Object> figure : figures) {
            String list = (String) figure.get("list");
            long expected = ((Number) figure.get("count")).longValue();
            MvcResult page = mvc.perform(get(URI.create(list + (list.contains("?") ? "&" : "?") + "size=1"))
                            .header("Authorization", token))
                    .andReturn();
            String body = page.getResponse().getContentAsString();
            if (page.getResponse().getStatus() != 200) {
                mismatches.add(list + " answered " + page.getResponse().getStatus() + ": " + body);
                continue;
            }
            long total = ((Number) JsonPath.read(body, "$.totalItems")).longValue();
            if (total != expected) {
                mismatches.add(list + ": figure " + expected + ", list " + total);
            }
        }
        assertThat(mismatches)
                .as("figures of %s that disagree with their lists", endpoint)
                .isEmpty();
        return json;
    }

    private static long count(String json, String path) {
        return ((Number) JsonPath.read(json, path + ".count")).longValue();
    }

    private Instant ago(int days) {
        return now.minus(DAY.multipliedBy(days));
    }

    private Instant in(int days) {
        return now.plus(DAY.multipliedBy(days));
    }

    private LocalDate day(int fromToday) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(fromToday);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private UUID shipment(
            TestData.Org owner,
            TestData.Org buyerOrg,
            String product,
            String status,
            Instant created,
            Instant atd,
            Instant ata,
            Instant eta,
            Instant etaOriginal,
            List<String> attention) {
        UUID id = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id, status,"
                                + " created_at, atd, ata, eta, eta_original, attention, port_of_loading, port_of_discharge)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], 'NGAPP', 'DEHAM')",
                        id,
                        owner.id(),
                        "ANA-" + (++sequence) + "-" + id.toString().substring(0, 6),
                        product,
                        buyerOrg == null ? null : buyerOrg.id(),
                        status,
                        ts(created),
                        ts(atd),
                        ts(ata),
                        ts(eta),
                        ts(etaOriginal),
                        "{" + String.join(",", attention) + "}");
        return id;
    }

    private void party(TestData.Org owner, UUID shipment, TestData.Org party) {
        data.owner()
                .update(
                        "INSERT INTO shipment_party (shipment_id, organization_id, party_organization_id, role)"
                                + " VALUES (?, ?, ?, 'supplier')",
                        shipment,
                        owner.id(),
                        party.id());
    }

    private void evaluation(TestData.Org owner, UUID shipment, String overall) {
        data.owner()
                .update(
                        "INSERT INTO compliance_evaluation (shipment_id, organization_id, rule_set_version, overall, result,"
                                + " evaluated_at) VALUES (?, ?, '2026.1', ?, '{}'::jsonb, now())",
                        shipment,
                        owner.id(),
                        overall);
    }

    private void document(
            TestData.Org owner, UUID shipment, String type, int version, String status, LocalDate expiry) {
        data.owner()
                .update(
                        "INSERT INTO document (id, shipment_id, organization_id, type, version, status, expiry_date,"
                                + " storage_key, sha256, size_bytes, content_type, original_name, uploaded_by,"
                                + " uploaded_by_organization_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'k', repeat('a', 64), 1,"
                                + " 'application/pdf', 'x.pdf', ?, ?)",
                        UUID.randomUUID(),
                        shipment,
                        owner.id(),
                        type,
                        version,
                        status,
                        expiry,
                        UUID.randomUUID(),
                        owner.id());
    }
}
