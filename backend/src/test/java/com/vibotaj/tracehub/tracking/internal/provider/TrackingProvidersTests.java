package com.vibotaj.tracehub.tracking.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingProvidersTests {

    private static TrackingProvider provider(String id) {
        return new TrackingProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of(Capability.PULL);
            }

            @Override
            public TrackingSnapshot fetch(TrackingRequest request) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void prefersVizionThenJsonCargoThenTheSimulator() {
        TrackingProvider simulator = provider("simulator");
        TrackingProvider jsoncargo = provider("jsoncargo");
        TrackingProvider vizion = provider("vizion");

        assertThat(new TrackingProviders(List.of(simulator, jsoncargo, vizion)).active())
                .isSameAs(vizion);
        assertThat(new TrackingProviders(List.of(simulator, jsoncargo)).active())
                .isSameAs(jsoncargo);
        assertThat(new TrackingProviders(List.of(simulator)).active()).isSameAs(simulator);
    }

    @Test
    void findsProvidersById() {
        TrackingProvider simulator = provider("simulator");
        TrackingProviders providers = new TrackingProviders(List.of(simulator));

        assertThat(providers.byId("simulator")).containsSame(simulator);
        assertThat(providers.byId("vizion")).isEmpty();
    }

    @Test
    void refusesTwoProvidersWithOneId() {
        assertThatThrownBy(() -> new TrackingProviders(List.of(provider("simulator"), provider("simulator"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subscribingIsUnsupportedUnlessAProviderOffersIt() {
        assertThatThrownBy(
                        () -> provider("simulator").subscribe(TrackingRequest.of("C", null, java.time.Instant.EPOCH)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
