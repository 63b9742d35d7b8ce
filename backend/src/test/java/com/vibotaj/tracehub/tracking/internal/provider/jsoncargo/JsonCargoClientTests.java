package com.vibotaj.tracehub.tracking.internal.provider.jsoncargo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.vibotaj.tracehub.tracking.internal.provider.ProviderFixtures.fastHttp;
import static com.vibotaj.tracehub.tracking.internal.provider.ProviderFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.vibotaj.tracehub.tracking.internal.provider.EventClassifier;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderCodeMappings;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderConfigurationException;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderEvent;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderFixtures.RecordingSleeper;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderNotFoundException;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderResponseException;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProviderProperties;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingRequest;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JsonCargoClientTests {

    private static final String PATH = "/containers/MSCU1234566";
    private static final String API_KEY = "test-jsoncargo-key";
    private static final Instant STARTED = Instant.parse("2026-11-02T09:00:00Z");

    @RegisterExtension
    static WireMockExtension jsoncargo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final JsonCargoClient client = new JsonCargoClient(
            new TrackingProviderProperties.JsonCargo(jsoncargo.baseUrl() + "/api/v1", API_KEY, fastHttp(3)),
            ProviderCodeMappings.load("jsoncargo"),
            new RecordingSleeper(),
            System::nanoTime,
            Clock.fixed(STARTED, ZoneOffset.UTC));

    private static void answer(String fixture) {
        jsoncargo.stubFor(WireMock.get(urlPathEqualTo("/api/v1" + PATH)).willReturn(okJson(fixture(fixture))));
    }

    @Test
    void asksForTheContainerWithTheCarriersShippingLineAndApiKey() {
        answer("jsoncargo/in-transit.json");

        client.fetch(TrackingRequest.of("MSCU1234566", "MSCU", STARTED));

        jsoncargo.verify(getRequestedFor(urlPathEqualTo("/api/v1" + PATH))
                .withQueryParam("shipping_line", equalTo("MSC"))
                .withHeader("x-api-key", equalTo(API_KEY)));
    }

    @Test
    void derivesDepartureLastMovementAndArrivalEstimatesFromAnInTransitSnapshot() {
        answer("jsoncargo/in-transit.json");

        TrackingSnapshot snapshot = client.fetch(TrackingRequest.of("MSCU1234566", "MSCU", STARTED));

        assertThat(snapshot.events())
                .extracting(
                        ProviderEvent::dcsaCode,
                        ProviderEvent::providerCode,
                        ProviderEvent::classifier,
                        ProviderEvent::eventTime,
                        ProviderEvent::locationName)
                .containsExactly(
                        tuple(
                                "DEPA",
                                "atd_origin",
                                EventClassifier.ACT,
                                Instant.parse("2026-11-05T22:10:00Z"),
                                "APAPA, NG"),
                        tuple(
                                "LOAD",
                                "Loaded",
                                EventClassifier.ACT,
                                Instant.parse("2026-11-19T11:30:00Z"),
                                "TANGER MED, MA"),
                        tuple(
                                "ARRI",
                                "eta_next_destination",
                                EventClassifier.EST,
                                Instant.parse("2026-11-21T09:00:00Z"),
                                "ALGECIRAS, ES"),
                        tuple(
                                "ARRI",
                                "eta_final_destination",
                                EventClassifier.EST,
                                Instant.parse("2026-11-30T06:00:00Z"),
                                "HAMBURG, DE"));
        assertThat(snapshot.events()).allSatisfy(e -> assertThat(e.derived()).isTrue());
        assertThat(snapshot.estimatedArrival()).isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
        assertThat(snapshot.vesselName()).isEqualTo("MSC ROSALIND");
        assertThat(snapshot.voyage()).isEqualTo("514N");
        assertThat(snapshot.rawPayload()).isEqualTo(fixture("jsoncargo/in-transit.json"));
    }

    @Test
    void derivesTheSameIdsFromTheSameSnapshot() {
        answer("jsoncargo/in-transit.json");
        TrackingRequest request = TrackingRequest.of("MSCU1234566", "MSCU", STARTED);

        var first = client.fetch(request).events().stream()
                .map(ProviderEvent::providerEventId)
                .toList();
        var second = client.fetch(request).events().stream()
                .map(ProviderEvent::providerEventId)
                .toList();

        assertThat(second).isEqualTo(first).doesNotHaveDuplicates();
    }

    @Test
    void aDeliveredSnapshotEndsWithGateOutAndNoLongerEstimatesArrival() {
        answer("jsoncargo/delivered.json");

        TrackingSnapshot snapshot = client.fetch(TrackingRequest.of("MSCU1234566", "MSCU", STARTED));

        assertThat(snapshot.events())
                .extracting(ProviderEvent::dcsaCode, ProviderEvent::classifier)
                .containsExactly(tuple("DEPA", EventClassifier.ACT), tuple("GTOT", EventClassifier.ACT));
        assertThat(snapshot.events().get(1).locationName()).isEqualTo("HAMBURG, DE");
        assertThat(snapshot.vesselName()).isEqualTo("MSC ROSALIND");
    }

    @Test
    void keepsAnUnknownStatusRaw() {
        jsoncargo.stubFor(WireMock.get(urlPathEqualTo("/api/v1" + PATH))
                .willReturn(okJson(fixture("jsoncargo/in-transit.json").replace("\"Loaded\"", "\"Rolled over\""))));

        ProviderEvent status = client.fetch(TrackingRequest.of("MSCU1234566", "MSCU", STARTED))
                .events()
                .get(1);

        assertThat(status.providerCode()).isEqualTo("Rolled over");
        assertThat(status.dcsaCode()).isNull();
        assertThat(status.derived()).isTrue();
    }

    @Test
    void requiresTheCarrierAndDoesNotCallWithoutIt() {
        assertThatThrownBy(() -> client.fetch(TrackingRequest.of("MSCU1234566", null, STARTED)))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("carrier");
        assertThat(jsoncargo.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesACarrierJsonCargoDoesNotCover() {
        assertThatThrownBy(() -> client.fetch(TrackingRequest.of("GRIU1234560", "GRIU", STARTED)))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("GRIU");
        assertThat(jsoncargo.getAllServeEvents()).isEmpty();
    }

    @Test
    void reportsAnUnknownContainerAsNotFound() {
        jsoncargo.stubFor(WireMock.get(urlPathEqualTo("/api/v1" + PATH))
                .willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> client.fetch(TrackingRequest.of("MSCU1234566", "MSCU", STARTED)))
                .isInstanceOf(ProviderNotFoundException.class);
    }

    @Test
    void rejectsASnapshotWithoutData() {
        jsoncargo.stubFor(WireMock.get(urlPathEqualTo("/api/v1" + PATH)).willReturn(okJson("{\"error\": \"nope\"}")));

        assertThatThrownBy(() -> client.fetch(TrackingRequest.of("MSCU1234566", "MSCU", STARTED)))
                .isInstanceOf(ProviderResponseException.class)
                .hasMessageNotContaining("nope");
    }

    @Test
    void rejectsAnUnreadableTimestamp() {
        jsoncargo.stubFor(WireMock.get(urlPathEqualTo("/api/v1" + PATH))
                .willReturn(okJson(fixture("jsoncargo/in-transit.json").replace("2026-11-05 22:10", "soon"))));

        assertThatThrownBy(() -> client.fetch(TrackingRequest.of("MSCU1234566", "MSCU", STARTED)))
                .isInstanceOf(ProviderResponseException.class);
    }

    @Test
    void mapsCarriersBySCAC() {
        assertThat(JsonCargoShippingLines.forScac("hlcu")).contains("HAPAG_LLOYD");
        assertThat(JsonCargoShippingLines.forScac("MAEU")).contains("MAERSK");
        assertThat(JsonCargoShippingLines.forScac("GRIU")).isEmpty();
        assertThat(JsonCargoShippingLines.forScac(null)).isEmpty();
    }
}
