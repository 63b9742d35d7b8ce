package com.vibotaj.tracehub.tracking.internal.provider.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.tracking.internal.provider.EventClassifier;
import com.vibotaj.tracehub.tracking.internal.provider.EventFamily;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderEvent;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingRequest;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatorProviderTests {

    private static final Instant STARTED = Instant.parse("2026-11-02T09:00:00Z");
    /** One simulated day per minute. */
    private static final Duration SPEED = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock(STARTED);
    private final SimulatorProvider simulator = new SimulatorProvider(clock, SPEED);

    @Test
    void compressesTimeFromTheStartOfTracking() {
        clock.set(STARTED.plusSeconds(90));

        assertThat(simulator.simulatedNow(STARTED)).isEqualTo(STARTED.plus(Duration.ofHours(36)));
        assertThat(simulator.simulatedNow(STARTED.plusSeconds(600))).isEqualTo(STARTED.plusSeconds(600));
    }

    @Test
    void playsTheSameVoyageForTheSameContainer() {
        clock.set(STARTED.plus(Duration.ofMinutes(12)));
        TrackingRequest request = request("MSCU1234566");

        TrackingSnapshot first = simulator.fetch(request);
        TrackingSnapshot again = new SimulatorProvider(clock, SPEED).fetch(request);

        assertThat(again).isEqualTo(first);
        assertThat(simulator.fetch(request("MAEU1234567"))).isNotEqualTo(first);
    }

    @Test
    void revealsEventsAsTheClockAdvancesAndNeverTakesThemBack() {
        for (String container : containers(20)) {
            TrackingRequest request = request(container);
            Set<String> actualSoFar = new HashSet<>();
            for (int seconds = 0; seconds <= 45 * 60; seconds += 20) {
                clock.set(STARTED.plusSeconds(seconds));
                Set<String> actualNow = actualIds(simulator.fetch(request));
                assertThat(actualNow).as("%s at %ds", container, seconds).containsAll(actualSoFar);
                actualSoFar = actualNow;
            }
            assertThat(simulator.fetch(request).events()).allMatch(ProviderEvent::isActual);
        }
    }

    @Test
    void reportsOnlyTheRealPastAsActualAndOnlyTheRealFutureAsEstimatedOrPlanned() {
        // Times are mapped back onto the real clock, so actual events are never in the real future
        // however fast the voyage plays.
        for (String container : containers(20)) {
            for (int minutes = 0; minutes <= 40; minutes += 3) {
                clock.set(STARTED.plus(Duration.ofMinutes(minutes)));
                Instant simulatedNow = clock.instant();
                for (ProviderEvent event : simulator.fetch(request(container)).events()) {
                    if (event.isActual()) {
                        assertThat(event.eventTime()).isBeforeOrEqualTo(simulatedNow);
                    } else {
                        assertThat(event.eventTime()).isAfter(simulatedNow);
                        assertThat(event.classifier())
                                .isEqualTo(
                                        event.family() == EventFamily.TRANSPORT
                                                ? EventClassifier.EST
                                                : EventClassifier.PLN);
                    }
                }
            }
        }
    }

    @Test
    void sailsFromTheLoadingPortThroughATransshipmentHubToTheDischargePort() {
        clock.set(STARTED.plus(Duration.ofHours(1)));
        TrackingRequest request =
                new TrackingRequest("CSQU3054383", "HLCU", null, null, "NGTIN", "DEHAM", null, null, STARTED);

        List<ProviderEvent> events = simulator.fetch(request).events();

        List<String> route = events.stream()
                .filter(e -> !e.dcsaCode().startsWith("CUS"))
                .map(e -> e.dcsaCode() + "@" + e.unlocode())
                .toList();
        String hub = events.get(5).unlocode();
        assertThat(hub).isIn("MAPTM", "ESALG");
        assertThat(route)
                .containsExactly(
                        "PICK@NGTIN",
                        "STUF@NGTIN",
                        "GTIN@NGTIN",
                        "LOAD@NGTIN",
                        "DEPA@NGTIN",
                        "ARRI@" + hub,
                        "DISC@" + hub,
                        "LOAD@" + hub,
                        "DEPA@" + hub,
                        "ARRI@DEHAM",
                        "DISC@DEHAM",
                        "GTOT@DEHAM");
        assertThat(events).allSatisfy(e -> assertThat(e.providerCode()).isEqualTo(e.dcsaCode()));
        assertThat(events.get(4).vesselName()).isEqualTo("APAPA EXPRESS");
    }

    @Test
    void ends18To30DaysAfterDepartureWithCustomsReleaseBeforeGateOut() {
        clock.set(STARTED.plus(Duration.ofMinutes(60)));
        for (String container : containers(40)) {
            List<ProviderEvent> events = simulator.fetch(request(container)).events();
            List<String> codes = events.stream().map(ProviderEvent::dcsaCode).toList();
            Instant departed = events.get(codes.indexOf("DEPA")).eventTime();
            Instant arrived = events.get(codes.lastIndexOf("ARRI")).eventTime();

            // Reported times are compressed onto the real clock; the voyage itself lasts 18–30 simulated days.
            assertThat(sinceVoyageStart(arrived).minus(sinceVoyageStart(departed)))
                    .isBetween(Duration.ofDays(18), Duration.ofDays(30));
            assertThat(codes.indexOf("CUSR"))
                    .isGreaterThan(codes.lastIndexOf("DISC"))
                    .isLessThan(codes.indexOf("GTOT"));
            assertThat(codes.get(codes.size() - 1)).isEqualTo("GTOT");
        }
    }

    @Test
    void someContainersHaveTheirArrivalEstimateSlipPartWay() {
        int slipping = 0;
        for (String container : containers(60)) {
            TrackingRequest request = request(container);
            clock.set(STARTED.plus(Duration.ofMinutes(5)));
            Duration early = sinceVoyageStart(simulator.fetch(request).estimatedArrival());
            clock.set(STARTED.plus(Duration.ofMinutes(60)));
            Duration actual = sinceVoyageStart(simulator.fetch(request).estimatedArrival());
            Duration slip = actual.minus(early);
            if (slip.isZero()) {
                continue;
            }
            slipping++;
            assertThat(slip).isBetween(Duration.ofDays(2), Duration.ofDays(4));
            // The estimate moves part-way: after leaving the loading port, before arriving.
            Duration knownAt = firstPlayedTimeEstimateIs(request, actual);
            clock.set(STARTED.plus(Duration.ofMinutes(60)));
            Duration departed = sinceVoyageStart(simulator.fetch(request).events().stream()
                    .filter(e -> "DEPA".equals(e.dcsaCode()))
                    .findFirst()
                    .orElseThrow()
                    .eventTime());
            assertThat(knownAt).isGreaterThan(departed).isLessThan(actual);
        }
        assertThat(slipping).isGreaterThan(0).isLessThan(60);
    }

    /** How far into the voyage (in simulated time) a reported real instant lies. */
    private Duration sinceVoyageStart(Instant t) {
        return Duration.between(STARTED, simulator.simulatedNow(STARTED, t));
    }

    private Duration firstPlayedTimeEstimateIs(TrackingRequest request, Duration estimate) {
        for (int seconds = 0; seconds <= 60 * 60; seconds += 30) {
            clock.set(STARTED.plusSeconds(seconds));
            if (estimate.equals(sinceVoyageStart(simulator.fetch(request).estimatedArrival()))) {
                return Duration.between(STARTED, simulator.simulatedNow(STARTED));
            }
        }
        throw new AssertionError("estimate never reached");
    }

    @Test
    void someContainersAreHeldByCustomsBeforeRelease() {
        int held = 0;
        clock.set(STARTED.plus(Duration.ofMinutes(60)));
        for (String container : containers(60)) {
            List<String> codes = simulator.fetch(request(container)).events().stream()
                    .map(ProviderEvent::dcsaCode)
                    .toList();
            if (codes.contains("CUSI")) {
                held++;
                assertThat(codes.indexOf("CUSI")).isLessThan(codes.indexOf("CUSR"));
            }
        }
        assertThat(held).isGreaterThan(0).isLessThan(60);
    }

    @Test
    void doesNotAnnounceCustomsDecisionsBeforeTheyHappen() {
        clock.set(STARTED.plus(Duration.ofMinutes(2)));
        for (String container : containers(30)) {
            assertThat(simulator.fetch(request(container)).events())
                    .noneMatch(e -> e.dcsaCode().startsWith("CUS"));
        }
    }

    private static Set<String> actualIds(TrackingSnapshot snapshot) {
        Set<String> ids = new HashSet<>();
        snapshot.events().stream().filter(ProviderEvent::isActual).forEach(e -> ids.add(e.providerEventId()));
        return ids;
    }

    private static TrackingRequest request(String container) {
        return TrackingRequest.of(container, null, STARTED);
    }

    /** Valid ISO 6346 numbers (reference-data §5), so the variants are found among realistic input. */
    static List<String> containers(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> withCheckDigit(String.format(Locale.ROOT, "TGHU%06d", 305_000 + i * 37)))
                .toList();
    }

    static String withCheckDigit(String tenCharacters) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = tenCharacters.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : letterValue(c);
            sum += value << i;
        }
        return tenCharacters + (sum % 11) % 10;
    }

    private static int letterValue(char letter) {
        int value = 10;
        for (char c = 'A'; c < letter; c++) {
            value++;
            if (value % 11 == 0) {
                value++;
            }
        }
        return value;
    }

    @Test
    void checkDigitHelperAgreesWithTheReferenceVectors() {
        assertThat(withCheckDigit("CSQU305438")).isEqualTo("CSQU3054383");
        assertThat(withCheckDigit("MRSU345257")).isEqualTo("MRSU3452572");
        assertThat(withCheckDigit("APZU481209")).isEqualTo("APZU4812090");
    }

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
