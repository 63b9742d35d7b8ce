package com.vibotaj.tracehub.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Tracking end to end on the real database with the simulator provider: subscriptions follow the
 * shipment's containers, polls record DCSA events and move the shipment forward only, and work is
 * shared by instances without polling a container twice.
 */
@IntegrationTest
class TrackingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TrackingStore store;

    @Autowired
    TrackingPoller poller;

    @Autowired
    PollingProperties polling;

    TestData.Org exporter;
    TestData.Org buyer;
    String logistics;

    @BeforeEach
    void setUp() throws Exception {
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        data.partner(exporter, buyer);
        logistics = Api.login(mvc, data.user(exporter, "logistics")).bearer();
    }

    String createShipment(String reference, String... containers) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String c : containers) {
            list.append(list.isEmpty() ? "" : ",")
                    .append("{\"number\":\"")
                    .append(c)
                    .append("\"}");
        }
        String json = """
                {"reference":"%s","productType":"cocoa_beans","buyerOrganizationId":"%s","portOfLoading":"NGAPP",
                 "portOfDischarge":"DEHAM","carrierScac":"MAEU","etd":"2026-12-01T08:00:00Z",
                 "eta":"2026-12-24T08:00:00Z","containers":[%s]}""".formatted(reference, buyer.id(), list);
        String body = mvc.perform(post("/api/shipments")
                        .header("Authorization", logistics)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** Moves the simulated voyage forward by pretending tracking started {@code simulatedDays} ago. */
    void startedDaysAgo(String shipmentId, int simulatedDays) {
        // Default simulator speed: one simulated day per 60 s of real time.
        data.owner()
                .update(
                        "UPDATE tracking_subscription SET started_at = now() - make_interval(secs => ?), next_check_at = now()"
                                + " WHERE shipment_id = ?",
                        simulatedDays * 60.0 + 30,
                        UUID.fromString(shipmentId));
    }

    int pollAll(String shipmentId) {
        int recorded = 0;
        for (var row : data.owner()
                .queryForList(
                        "SELECT id, organization_id FROM tracking_subscription WHERE shipment_id = ?",
                        UUID.fromString(shipmentId))) {
            recorded += poller.poll((UUID) row.get("id"), (UUID) row.get("organization_id"));
        }
        return recorded;
    }

    String shipmentStatus(String shipmentId) {
        return data.owner()
                .queryForObject("SELECT status FROM shipment WHERE id = ?", String.class, UUID.fromString(shipmentId));
    }

    @Test
    void everyContainerIsSubscribedWithTheSimulatorAndARemovedOneStopsBeingPolled() throws Exception {
        String id = createShipment("TRK-001", "CSQU3054383", "MRSU3452572");
        assertThat(data.owner()
                        .queryForList(
                                "SELECT container_number || ':' || provider || ':' || state FROM tracking_subscription"
                                        + " WHERE shipment_id = ? ORDER BY container_number",
                                String.class,
                                UUID.fromString(id)))
                .containsExactly("CSQU3054383:simulator:active", "MRSU3452572:simulator:active");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/shipments/" + id + "/containers")
                        .header("Authorization", logistics)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"containers\":[{\"number\":\"CSQU3054383\"}]}"))
                .andExpect(status().isOk());
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT state FROM tracking_subscription WHERE shipment_id = ? AND container_number = 'MRSU3452572'",
                                String.class,
                                UUID.fromString(id)))
                .isEqualTo("stopped");
    }

    @Test
    void aSimulatedVoyageMovesTheShipmentForwardAndRecordsWhoMovedIt() throws Exception {
        String id = createShipment("TRK-002", "CSQU3054383");
        startedDaysAgo(id, 12);
        assertThat(pollAll(id)).isPositive();
        assertThat(shipmentStatus(id)).isEqualTo("in_transit");

        mvc.perform(get("/api/shipments/" + id + "/tracking").header("Authorization", logistics))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provider").value("simulator"))
                .andExpect(jsonPath("$.containers[0].containerNumber").value("CSQU3054383"))
                .andExpect(jsonPath("$.containers[0].lastCheckedAt").isNotEmpty())
                .andExpect(
                        jsonPath("$.events[?(@.dcsaCode=='DEPA' && @.classifier=='ACT')].unlocode", hasItem("NGAPP")))
                .andExpect(jsonPath("$.events[?(@.classifier=='EST')]").isNotEmpty())
                .andExpect(jsonPath("$.route.stops[0].unlocode").value("NGAPP"))
                .andExpect(jsonPath("$.route.stops[-1:].unlocode").value(hasItem("DEHAM")))
                .andExpect(jsonPath("$.route.lastKnown").isNotEmpty());

        // Polling again without progress adds nothing: events are idempotent by provider event id.
        data.owner()
                .update(
                        "UPDATE tracking_subscription SET next_check_at = now() WHERE shipment_id = ?",
                        UUID.fromString(id));
        long before = data.owner()
                .queryForObject(
                        "SELECT count(*) FROM tracking_event WHERE shipment_id = ?", Long.class, UUID.fromString(id));
        pollAll(id);
        long after = data.owner()
                .queryForObject(
                        "SELECT count(*) FROM tracking_event WHERE shipment_id = ?", Long.class, UUID.fromString(id));
        assertThat(after).isEqualTo(before);

        startedDaysAgo(id, 45);
        pollAll(id);
        assertThat(shipmentStatus(id)).isEqualTo("delivered");
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT state FROM tracking_subscription WHERE shipment_id = ?",
                                String.class,
                                UUID.fromString(id)))
                .isEqualTo("completed");
        List<String> history = data.owner()
                .queryForList(
                        "SELECT to_status || ':' || source FROM shipment_status_change WHERE shipment_id = ? ORDER BY id",
                        String.class,
                        UUID.fromString(id));
        assertThat(history)
                .startsWith("draft:user", "in_transit:tracking")
                .contains("arrived:tracking")
                .endsWith("delivered:tracking");
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT atd IS NOT NULL AND ata IS NOT NULL FROM shipment WHERE id = ?",
                                Boolean.class,
                                UUID.fromString(id)))
                .isTrue();
    }

    @Test
    void aShipmentIsDeliveredOnlyWithItsLastContainer() throws Exception {
        String id = createShipment("TRK-006", "CSQU3054383", "MRSU3452572");
        startedDaysAgo(id, 12);
        // One container's voyage is over, the other's is still at sea.
        data.owner()
                .update(
                        "UPDATE tracking_subscription SET started_at = now() - interval '50 minutes'"
                                + " WHERE shipment_id = ? AND container_number = 'CSQU3054383'",
                        UUID.fromString(id));
        pollAll(id);
        // It arrived with its first container, but one container at sea keeps it from being delivered.
        assertThat(shipmentStatus(id)).isIn("arrived", "customs");

        startedDaysAgo(id, 50);
        pollAll(id);
        assertThat(shipmentStatus(id)).isEqualTo("delivered");
    }

    @Test
    void trackingNeverMovesAShipmentBackwardsOrOutOfArchived() throws Exception {
        String ahead = createShipment("TRK-003", "CSQU3054383");
        data.owner().update("UPDATE shipment SET status = 'customs' WHERE id = ?", UUID.fromString(ahead));
        startedDaysAgo(ahead, 12); // only departed: would be in_transit
        pollAll(ahead);
        assertThat(shipmentStatus(ahead)).isEqualTo("customs");

        String archived = createShipment("TRK-004", "MRSU3452572");
        mvc.perform(post("/api/shipments/" + archived + "/status")
                        .header("Authorization", logistics)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"archived\",\"reason\":\"cancelled\"}"))
                .andExpect(status().isOk());
        startedDaysAgo(archived, 45);
        pollAll(archived);
        assertThat(shipmentStatus(archived)).isEqualTo("archived");
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT state FROM tracking_subscription WHERE shipment_id = ?",
                                String.class,
                                UUID.fromString(archived)))
                .isEqualTo("completed");
    }

    @Test
    void buyersReadTrackingOfTheirShipmentsOnlyAndOnlyTheOwnerRefreshes() throws Exception {
        String id = createShipment("TRK-005", "CSQU3054383");
        String buyerBearer = Api.login(mvc, data.user(buyer, "buyer")).bearer();
        mvc.perform(get("/api/shipments/" + id + "/tracking").header("Authorization", buyerBearer))
                .andExpect(status().isOk());
        mvc.perform(post("/api/shipments/" + id + "/tracking/refresh").header("Authorization", buyerBearer))
                .andExpect(status().isForbidden());

        TestData.Org other = data.organization("exporter");
        String otherLogistics = Api.login(mvc, data.user(other, "logistics")).bearer();
        mvc.perform(get("/api/shipments/" + id + "/tracking").header("Authorization", otherLogistics))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/shipments/" + id + "/tracking/refresh").header("Authorization", otherLogistics))
                .andExpect(status().isNotFound());

        startedDaysAgo(id, 3);
        mvc.perform(post("/api/shipments/" + id + "/tracking/refresh").header("Authorization", logistics))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events").isNotEmpty());
    }

    @Test
    void twoInstancesPollingTogetherNeverPollAContainerTwice() throws Exception {
        // Forty due containers, two schedulers claiming concurrently in small batches.
        String[] numbers = validNumbers(40);
        for (int i = 0; i < numbers.length; i += 4) {
            createShipment("TRK-MULTI-" + i, numbers[i], numbers[i + 1], numbers[i + 2], numbers[i + 3]);
        }
        data.owner()
                .update(
                        "UPDATE tracking_subscription SET next_check_at = now() - interval '1 second'"
                                + " WHERE organization_id = ?",
                        exporter.id());
        PollingProperties small = new PollingProperties(
                true,
                Duration.ofSeconds(1),
                3,
                Duration.ofMinutes(2),
                polling.near(),
                polling.far(),
                polling.arrived(),
                polling.nearWindow(),
                polling.failureBase(),
                polling.failureMax(),
                polling.reconcileAfter(),
                polling.reconcileCron());
        TrackingScheduler a = new TrackingScheduler(store, poller, small);
        TrackingScheduler b = new TrackingScheduler(store, poller, small);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> fa = pool.submit(() -> drain(a));
            Future<?> fb = pool.submit(() -> drain(b));
            fa.get();
            fb.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.owner()
                        .queryForList(
                                "SELECT polls FROM tracking_subscription WHERE organization_id = ?",
                                Long.class,
                                exporter.id()))
                .hasSize(40)
                .containsOnly(1L);
    }

    @Test
    void aLeasedSubscriptionCannotBeClaimedByAnotherInstance() throws Exception {
        createShipment("TRK-LEASE", "CSQU3054383");
        data.owner()
                .update(
                        "UPDATE tracking_subscription SET next_check_at = now() - interval '1 second'"
                                + " WHERE organization_id = ?",
                        exporter.id());
        List<TrackingStore.Claim> first = store.claimDue(100, 120, "instance-a");
        assertThat(first).extracting(TrackingStore.Claim::organizationId).contains(exporter.id());
        List<TrackingStore.Claim> second = store.claimDue(100, 120, "instance-b");
        assertThat(second)
                .extracting(TrackingStore.Claim::subscriptionId)
                .doesNotContainAnyElementsOf(
                        first.stream().map(TrackingStore.Claim::subscriptionId).toList());
    }

    private void drain(TrackingScheduler scheduler) {
        for (int i = 0; i < 40; i++) {
            scheduler.tick();
        }
    }

    static String[] validNumbers(int count) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            String first = "TRKU" + String.format("%06d", 100000 + i);
            out[i] = first + com.vibotaj.tracehub.shipments.ContainerNumber.checkDigit(first);
        }
        return out;
    }
}
