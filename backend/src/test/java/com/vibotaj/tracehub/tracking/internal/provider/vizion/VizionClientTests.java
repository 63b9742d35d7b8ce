package com.vibotaj.tracehub.tracking.internal.provider.vizion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.vibotaj.tracehub.tracking.internal.provider.ProviderFixtures.fastHttp;
import static com.vibotaj.tracehub.tracking.internal.provider.ProviderFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.vibotaj.tracehub.tracking.internal.provider.EventClassifier;
import com.vibotaj.tracehub.tracking.internal.provider.EventFamily;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderCodeMappings;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderConfigurationException;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderEvent;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderFixtures.RecordingSleeper;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderNotFoundException;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderRateLimitedException;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderResponseException;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderUnavailableException;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProviderProperties;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingRequest;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VizionClientTests {

    private static final String REFERENCE = "8c3f2d6e-5b1a-4f7e-9d2c-1a2b3c4d5e6f";
    private static final String UPDATES = "/references/" + REFERENCE + "/updates";
    private static final String API_KEY = "test-vizion-key";
    private static final Instant STARTED = Instant.parse("2026-11-02T09:00:00Z");

    @RegisterExtension
    static WireMockExtension vizion = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private VizionClient client(int maxAttempts) {
        return client(fastHttp(maxAttempts));
    }

    private VizionClient client(TrackingProviderProperties.Http http) {
        TrackingProviderProperties.Vizion properties = new TrackingProviderProperties.Vizion(
                vizion.baseUrl(),
                API_KEY,
                "secret",
                "https://tracehub.example/api/public/webhooks/vizion/{organizationId}",
                http);
        return new VizionClient(
                properties,
                ProviderCodeMappings.load("vizion"),
                sleeper,
                System::nanoTime,
                Clock.fixed(STARTED, ZoneOffset.UTC));
    }

    private static TrackingRequest subscribed() {
        return TrackingRequest.of("MSCU1234566", "MSCU", STARTED).withProviderReference(REFERENCE);
    }

    @Test
    void subscribesTheContainerAsAReferenceWithOurCallbackAndApiKey() {
        vizion.stubFor(post("/references").willReturn(okJson(fixture("vizion/reference-created.json"))));

        java.util.UUID org = java.util.UUID.fromString("0d3b1a10-0000-4000-8000-000000000001");
        TrackingRequest request = TrackingRequest.of("MSCU1234566", "MSCU", STARTED);
        String reference = client(3)
                .subscribe(new TrackingRequest(
                        request.containerNumber(),
                        request.carrierScac(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        STARTED,
                        org));

        assertThat(reference).isEqualTo(REFERENCE);
        vizion.verify(postRequestedFor(urlEqualTo("/references"))
                .withHeader("X-API-Key", equalTo(API_KEY))
                .withRequestBody(equalToJson("""
                        {"container_id": "MSCU1234566", "carrier_scac": "MSCU",
                         "callback_url":
                           "https://tracehub.example/api/public/webhooks/vizion/0d3b1a10-0000-4000-8000-000000000001"}
                        """)));
    }

    @Test
    void doesNotRepeatASubscriptionThatTheServerMayHaveProcessed() {
        vizion.stubFor(post("/references").willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> client(3).subscribe(TrackingRequest.of("MSCU1234566", "MSCU", STARTED)))
                .isInstanceOf(ProviderUnavailableException.class);
        // A second reference would be a second paid subscription with duplicate webhooks.
        assertThat(vizion.findAll(postRequestedFor(urlEqualTo("/references")))).hasSize(1);
    }

    @Test
    void retriesASubscriptionThatWasRefusedWithTooManyRequests() {
        vizion.stubFor(post("/references")
                .inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("free"));
        vizion.stubFor(post("/references")
                .inScenario("busy")
                .whenScenarioStateIs("free")
                .willReturn(okJson(fixture("vizion/reference-created.json"))));

        assertThat(client(3).subscribe(TrackingRequest.of("MSCU1234566", "MSCU", STARTED)))
                .isEqualTo(REFERENCE);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void mapsReferenceUpdatesToDcsaEventsOncePerEvent() {
        vizion.stubFor(get(UPDATES).willReturn(okJson(fixture("vizion/reference-updates.json"))));

        TrackingSnapshot snapshot = client(3).fetch(subscribed());

        // Two updates restate GTIN and the weighing; each event appears once, oldest first.
        assertThat(snapshot.events())
                .extracting(ProviderEvent::dcsaCode, ProviderEvent::classifier)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GTIN", EventClassifier.ACT),
                        org.assertj.core.groups.Tuple.tuple(null, EventClassifier.ACT),
                        org.assertj.core.groups.Tuple.tuple("LOAD", EventClassifier.ACT),
                        org.assertj.core.groups.Tuple.tuple("DEPA", EventClassifier.ACT),
                        org.assertj.core.groups.Tuple.tuple("ARRI", EventClassifier.EST));
        ProviderEvent departure = snapshot.events().get(3);
        assertThat(departure.family()).isEqualTo(EventFamily.TRANSPORT);
        assertThat(departure.eventTime()).isEqualTo(Instant.parse("2026-11-05T21:10:00Z"));
        assertThat(departure.unlocode()).isEqualTo("NGAPP");
        assertThat(departure.vesselName()).isEqualTo("MSC NIGER BAY");
        assertThat(departure.voyage()).isEqualTo("512N");
        assertThat(departure.derived()).isFalse();
        assertThat(snapshot.events().get(0).emptyIndicator()).isEqualTo("LADEN");
        // The latest update's estimate wins.
        assertThat(snapshot.estimatedArrival()).isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
        assertThat(snapshot.vesselName()).isEqualTo("MSC NIGER BAY");
        assertThat(snapshot.rawPayload()).isEqualTo(fixture("vizion/reference-updates.json"));
        vizion.verify(getRequestedFor(urlEqualTo(UPDATES)).withHeader("X-API-Key", equalTo(API_KEY)));
    }

    @Test
    void keepsAnUnknownCodeRawInsteadOfDroppingOrGuessingIt() {
        vizion.stubFor(get(UPDATES).willReturn(okJson(fixture("vizion/reference-updates.json"))));

        ProviderEvent weighed = client(3).fetch(subscribed()).events().get(1);

        assertThat(weighed.dcsaCode()).isNull();
        assertThat(weighed.providerCode()).isEqualTo("Container weighed (VGM)");
        assertThat(weighed.unlocode()).isEqualTo("NGAPP");
    }

    @Test
    void givesTheSameEventTheSameIdOnEveryPull() {
        vizion.stubFor(get(UPDATES).willReturn(okJson(fixture("vizion/reference-updates.json"))));

        TrackingSnapshot first = client(3).fetch(subscribed());
        TrackingSnapshot second = client(3).fetch(subscribed());

        assertThat(second.events())
                .extracting(ProviderEvent::providerEventId)
                .containsExactlyElementsOf(first.events().stream()
                        .map(ProviderEvent::providerEventId)
                        .toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void reportsAnUnknownReferenceAsNotFound() {
        vizion.stubFor(get(UPDATES).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> client(3).fetch(subscribed()))
                .isInstanceOf(ProviderNotFoundException.class)
                .extracting("providerId")
                .isEqualTo("vizion");
        assertThat(vizion.findAll(getRequestedFor(urlEqualTo(UPDATES)))).hasSize(1);
    }

    @Test
    void waitsOutAShortRetryAfterAndSucceeds() {
        vizion.stubFor(get(UPDATES)
                .inScenario("rate limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
                .willSetStateTo("free"));
        vizion.stubFor(get(UPDATES)
                .inScenario("rate limited")
                .whenScenarioStateIs("free")
                .willReturn(okJson(fixture("vizion/reference-updates.json"))));

        TrackingSnapshot snapshot = client(3).fetch(subscribed());

        assertThat(snapshot.events()).hasSize(5);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void handsALongRetryAfterToTheCaller() {
        vizion.stubFor(get(UPDATES).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> client(3).fetch(subscribed()))
                .isInstanceOfSatisfying(
                        ProviderRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
        assertThat(sleeper.waits()).isEmpty();
        assertThat(vizion.findAll(getRequestedFor(urlEqualTo(UPDATES)))).hasSize(1);
    }

    @Test
    void retriesAServerErrorWithBackoff() {
        vizion.stubFor(get(UPDATES)
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("once"));
        vizion.stubFor(get(UPDATES)
                .inScenario("flaky")
                .whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("healthy"));
        vizion.stubFor(get(UPDATES)
                .inScenario("flaky")
                .whenScenarioStateIs("healthy")
                .willReturn(okJson(fixture("vizion/reference-updates.json"))));

        TrackingSnapshot snapshot = client(3).fetch(subscribed());

        assertThat(snapshot.events()).hasSize(5);
        // Exponential: base, then twice the base.
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
    }

    @Test
    void givesUpOnPersistentServerErrorsAfterMaxAttempts() {
        vizion.stubFor(get(UPDATES).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> client(3).fetch(subscribed())).isInstanceOf(ProviderUnavailableException.class);
        assertThat(vizion.findAll(getRequestedFor(urlEqualTo(UPDATES)))).hasSize(3);
    }

    @Test
    void treatsAReadTimeoutAsUnavailableAfterMaxAttempts() {
        vizion.stubFor(get(UPDATES)
                .willReturn(okJson(fixture("vizion/reference-updates.json")).withFixedDelay(1_000)));

        assertThatThrownBy(() -> client(fastHttp(2, Duration.ofMillis(200))).fetch(subscribed()))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("2 attempts");
        assertThat(vizion.findAll(getRequestedFor(urlEqualTo(UPDATES)))).hasSize(2);
    }

    @Test
    void reportsAMalformedBodyWithoutLeakingIt() {
        vizion.stubFor(get(UPDATES).willReturn(okJson("{\"secret-ish\": [unterminated")));

        assertThatThrownBy(() -> client(3).fetch(subscribed()))
                .isInstanceOf(ProviderResponseException.class)
                .hasMessageNotContaining("secret-ish");
    }

    @Test
    void rejectsAnUpdateListThatIsNotAList() {
        vizion.stubFor(get(UPDATES).willReturn(okJson("{\"message\": \"ok\"}")));

        assertThatThrownBy(() -> client(3).fetch(subscribed())).isInstanceOf(ProviderResponseException.class);
    }

    @Test
    void reportsARejectedApiKeyAsConfigurationWithoutRetrying() {
        vizion.stubFor(get(UPDATES).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> client(3).fetch(subscribed()))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageNotContaining(API_KEY);
        assertThat(vizion.findAll(getRequestedFor(urlEqualTo(UPDATES)))).hasSize(1);
    }

    @Test
    void cannotPullAContainerThatWasNeverSubscribed() {
        assertThatThrownBy(() -> client(3).fetch(TrackingRequest.of("MSCU1234566", "MSCU", STARTED)))
                .isInstanceOf(ProviderConfigurationException.class);
        assertThat(vizion.getAllServeEvents()).isEmpty();
    }
}
