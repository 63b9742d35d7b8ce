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
        Duration elapsed = Duration.between(startedAt, clock.instant());
        if (elapsed.isNegative()) {
            return startedAt;
        }
        return startedAt.plus(elapsed.multipliedBy(DAY.toMillis()).dividedBy(speed.toMillis()));
    }

    @Override
    public TrackingSnapshot fetch(TrackingRequest request) {
        // The voyage is replayed so that "now" is the real now: it is anchored as if it had started the
        // played (compressed) time ago. Actual events therefore always lie in the real past and
        // estimates in the real future, with realistic days between them, however fast it plays.
        Instant now = clock.instant();
        Instant started = request.trackingStartedAt();
        Instant anchor = now.isBefore(started) ? started : now.minus(Duration.between(started, simulatedNow(started)));
        SimulatedVoyage voyage = SimulatedVoyage.plan(new TrackingRequest(
                request.containerNumber(),
                request.carrierScac(),
                request.billOfLading(),
                request.providerReference(),
                request.portOfLoading(),
                request.portOfDischarge(),
                request.plannedDeparture(),
                request.plannedArrival(),
                anchor));
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
            Instant time = happened || slipKnown ? m.actualTime() : m.plannedTime();
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
