package com.vibotaj.tracehub.tracking.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.tracking.internal.provider.jsoncargo.JsonCargoClient;
import com.vibotaj.tracehub.tracking.internal.provider.simulator.SimulatorProvider;
import com.vibotaj.tracehub.tracking.internal.provider.vizion.VizionClient;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The bean wiring only, without the application: which providers exist for which keys. */
class TrackingProviderConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(TrackingProviderConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withPropertyValues(
                    // As shipped in application.yml: keys present but empty.
                    "tracehub.tracking.vizion.base-url=https://prod.vizionapi.com",
                    "tracehub.tracking.vizion.api-key=",
                    "tracehub.tracking.vizion.webhook-secret=",
                    "tracehub.tracking.vizion.http.requests-per-minute=30",
                    "tracehub.tracking.vizion.http.connect-timeout=5s",
                    "tracehub.tracking.vizion.http.read-timeout=20s",
                    "tracehub.tracking.vizion.http.max-attempts=3",
                    "tracehub.tracking.vizion.http.backoff-base=1s",
                    "tracehub.tracking.vizion.http.max-retry-after-wait=10s",
                    "tracehub.tracking.jsoncargo.base-url=https://api.jsoncargo.com/api/v1",
                    "tracehub.tracking.jsoncargo.api-key=",
                    "tracehub.tracking.jsoncargo.http.requests-per-minute=30",
                    "tracehub.tracking.jsoncargo.http.connect-timeout=5s",
                    "tracehub.tracking.jsoncargo.http.read-timeout=20s",
                    "tracehub.tracking.jsoncargo.http.max-attempts=3",
                    "tracehub.tracking.jsoncargo.http.backoff-base=1s",
                    "tracehub.tracking.jsoncargo.http.max-retry-after-wait=10s",
                    "tracehub.tracking.simulator.speed=60s");

    @Test
    void runsOnTheSimulatorWhenNoKeyIsSet() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(VizionClient.class);
            assertThat(context).doesNotHaveBean(JsonCargoClient.class);
            assertThat(context).doesNotHaveBean(WebhookSignatures.class);
            assertThat(context.getBean(TrackingProviders.class).active()).isInstanceOf(SimulatorProvider.class);
        });
    }

    @Test
    void usesJsonCargoWhenOnlyItsKeyIsSet() {
        runner.withPropertyValues("tracehub.tracking.jsoncargo.api-key=jc-key").run(context -> {
            assertThat(context.getBean(TrackingProviders.class).active()).isInstanceOf(JsonCargoClient.class);
            assertThat(context.getBean(TrackingProviders.class).byId("simulator"))
                    .isPresent();
        });
    }

    @Test
    void prefersVizionWhenBothKeysAreSet() {
        runner.withPropertyValues(
                        "tracehub.tracking.vizion.api-key=vz-key",
                        "tracehub.tracking.vizion.webhook-secret=hook-secret",
                        "tracehub.tracking.jsoncargo.api-key=jc-key")
                .run(context -> {
                    assertThat(context.getBean(TrackingProviders.class).active())
                            .isInstanceOf(VizionClient.class);
                    assertThat(context).hasSingleBean(WebhookSignatures.class);
                    assertThat(context.getBean(TrackingProviders.class).all()).hasSize(3);
                });
    }

    @Test
    void treatsABlankKeyAsNoKey() {
        runner.withPropertyValues("tracehub.tracking.vizion.api-key=   ")
                .run(context -> assertThat(context).doesNotHaveBean(VizionClient.class));
    }
}
