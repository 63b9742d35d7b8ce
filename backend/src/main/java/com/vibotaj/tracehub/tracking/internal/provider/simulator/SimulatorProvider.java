package com.vibotaj.tracehub.tracking.internal.provider.simulator;

import com.vibotaj.tracehub.tracking.internal.provider.Capability;
import com.vibotaj.tracehub.tracking.internal.provider.EventClassifier;
import com.vibotaj.tracehub.tracking.internal.provider.EventFamily;
import com.vibotaj.tracehub.tracking.internal.provider.Payloads;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderEvent;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProvider;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingRequest;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays a realistic voyage (Nigerian port, transshipment at Tanger Med or Algeciras, North Sea port) on a
 * compressed clock: simulated time runs from the moment tracking started at one simulated day per
 * {@code speed} of real time, so a demo shows progress live. Milestones up to the simulated now are
 * actual; later ones are announced as estimated (vessel calls) or planned (container moves), except
 * customs decisions, which nobody knows in advance.
 */
public final class SimulatorProvider implements TrackingProvider {

    public static final String ID = "simulator";

    private static final Duration DAY = Duration.ofDays(1);
    private static final Map<String, String> PORT_NAMES = Map.of(
            "NGAPP", "Apapa",
            "NGTIN", "Tin Can Island",
            "NGONN", "Onne",
            "MAPTM", "Tanger Med",
            "ESALG", "Algeciras",
            "DEHAM", "Hamburg",
            "NLRTM", "Rotterdam",
            "BEANR", "Antwerp");

    private final Clock clock;
    private final Duration speed;

    /**
     * @param speed real time that plays one simulated day
     */
    public SimulatorProvider(Clock clock, Duration speed) {
        if (speed.isZero() || speed.isNegative()) {
            throw new IllegalArgumentException("simulator speed must be positive");
        }
        this.clock = clock;
        this.speed = speed;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PULL, Capability.EVENT_HISTORY);
    }

    /** The simulated time for a container whose tracking started at {@code startedAt}. */
    public Instant simulatedNow(Instant startedAt) {
        return simulatedNow(startedAt, clock.instant());
    }

    /** The simulated time that the real instant {@code at} corresponds to. */
    public Instant simulatedNow(Instant startedAt, Instant at) {
        Duration elapsed = Duration.between(startedAt, at);
        if (elapsed.isNegative()) {
            return startedAt;
        }
        return startedAt.plus(elapsed.multipliedBy(DAY.toMillis()).dividedBy(speed.toMillis()));
    }

    @Override
    public TrackingSnapshot fetch(TrackingRequest request) {
        // The voyage is planned in simulated time from the start of tracking and played faster than
        // real time; every time reported is mapped back onto the real clock (compressed by the same
        // factor), so actual events always lie in the real past, estimates in the real future, and a
        // time once reported never moves unless the voyage itself changes (a slip).
        SimulatedVoyage voyage = SimulatedVoyage.plan(request);
        Instant now = simulatedNow(request.trackingStartedAt());
        boolean slipKnown = !now.isBefore(voyage.slipKnownAt());
        List<ProviderEvent> events = new ArrayList<>();
        Instant arrival = null;
        String vessel = null;
        String voyageNumber = null;
        for (SimulatedVoyage.Milestone m : voyage.milestones()) {
            boolean happened = !m.actualTime().isAfter(now);
            if (!happened && !m.announced()) {
                continue;
            }
            EventClassifier classifier = happened
                    ? EventClassifier.ACT
                    : m.family() == EventFamily.TRANSPORT ? EventClassifier.EST : EventClassifier.PLN;
            Instant time =
                    toReal(request.trackingStartedAt(), happened || slipKnown ? m.actualTime() : m.plannedTime());
            events.add(event(request.containerNumber(), m, classifier, time));
            if (m.code().equals("ARRI") && isLast(voyage, m)) {
                arrival = time;
            }
            if (m.vesselName() != null && (happened || vessel == null)) {
                vessel = m.vesselName();
                voyageNumber = m.voyage();
            }
        }
        return new TrackingSnapshot(events, arrival, vessel, voyageNumber, raw(request, now, events));
    }

    /** Maps a simulated instant back onto the real clock: the inverse of {@link #simulatedNow}. */
    Instant toReal(Instant startedAt, Instant simulated) {
        Duration played = Duration.between(startedAt, simulated);
        if (played.isNegative()) {
            return simulated;
        }
        return startedAt.plus(played.multipliedBy(speed.toMillis()).dividedBy(DAY.toMillis()));
    }

    /**
     * For demo data: half a day into the customs hold of a voyage that has one, as simulated time since
     * tracking started; empty for other voyages.
     */
    public java.util.Optional<Duration> customsHoldMoment(TrackingRequest request) {
        SimulatedVoyage voyage = SimulatedVoyage.plan(request);
        if (voyage.scenario() != SimulatedVoyage.Scenario.CUSTOMS_HOLD) {
            return java.util.Optional.empty();
        }
        return voyage.milestones().stream()
                .filter(m -> m.code().equals("CUSI"))
                .findFirst()
                .map(m -> Duration.between(request.trackingStartedAt(), m.actualTime())
                        .plus(Duration.ofHours(12)));
    }

    SimulatedVoyage.Scenario scenarioOf(TrackingRequest request) {
        return SimulatedVoyage.plan(request).scenario();
    }

    private static boolean isLast(SimulatedVoyage voyage, SimulatedVoyage.Milestone milestone) {
        return voyage.milestones().stream()
                        .filter(m -> m.code().equals("ARRI"))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                == milestone;
    }

    /**
     * One id per port call and move, like a real provider's event id: an estimate that later becomes
     * actual (or slips) updates the same stored event instead of adding a second one.
     */
    private static ProviderEvent event(
            String container, SimulatedVoyage.Milestone m, EventClassifier classifier, Instant time) {
        return new ProviderEvent(
                Payloads.derivedId(ID, container, m.sequence(), m.code()),
                m.family(),
                m.code(),
                m.code(),
                classifier,
                time,
                m.unlocode(),
                portName(m.unlocode()),
                m.facilityType(),
                m.vesselName(),
                m.voyage(),
                m.emptyIndicator(),
                false,
                false);
    }

    private static @Nullable String portName(String unlocode) {
        return PORT_NAMES.get(unlocode);
    }

    private static String raw(TrackingRequest request, Instant now, List<ProviderEvent> events) {
        ObjectNode root = Payloads.mapper().createObjectNode();
        root.put("container", request.containerNumber());
        root.put("simulatedNow", now.toString());
        ArrayNode list = root.putArray("events");
        for (ProviderEvent e : events) {
            list.addObject()
                    .put("code", e.providerCode())
                    .put("classifier", e.classifier().name())
                    .put("time", e.eventTime().toString())
                    .put("location", e.unlocode());
        }
        return Payloads.mapper().writeValueAsString(root);
    }
}
