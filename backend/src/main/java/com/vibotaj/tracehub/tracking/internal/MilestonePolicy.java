package com.vibotaj.tracehub.tracking.internal;

import com.vibotaj.tracehub.shipments.TrackingMilestone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a container's events as milestones (reference-data §7): actual DEPA at the port of loading →
 * departed; actual ARRI or DISC at the port of discharge → arrived; CUSS/CUSI → customs hold; CUSR →
 * released; GTOT at the port of discharge after a release → delivered. Only actual, unretracted events
 * count; estimates never move a shipment.
 */
public final class MilestonePolicy {

    private MilestonePolicy() {}

    public record Reached(TrackingMilestone milestone, Instant at) {}

    /** Everything the events say, in the order it happened. */
    public record Reading(
            List<Reached> milestones,
            boolean customsReleased,
            @Nullable Instant estimatedArrival) {

        public Reading {
            milestones = List.copyOf(milestones);
        }

        public boolean has(TrackingMilestone m) {
            return milestones.stream().anyMatch(r -> r.milestone() == m);
        }
    }

    public static Reading read(
            List<StoredEvent> events, @Nullable String portOfLoading, @Nullable String portOfDischarge) {
        List<StoredEvent> actual = events.stream()
                .filter(StoredEvent::isActual)
                .filter(e -> e.dcsaCode() != null)
                .sorted(Comparator.comparing(StoredEvent::eventTime))
                .toList();
        List<Reached> reached = new ArrayList<>();
        first(actual, e -> e.is("DEPA") && e.at(portOfLoading))
                .ifPresent(e -> reached.add(new Reached(TrackingMilestone.DEPARTED, e.eventTime())));
        first(actual, e -> (e.is("ARRI") || e.is("DISC")) && e.at(portOfDischarge))
                .ifPresent(e -> reached.add(new Reached(TrackingMilestone.ARRIVED, e.eventTime())));
        Optional<StoredEvent> hold = last(actual, e -> e.is("CUSS") || e.is("CUSI"));
        Optional<StoredEvent> release = last(actual, e -> e.is("CUSR"));
        hold.ifPresent(e -> reached.add(new Reached(TrackingMilestone.CUSTOMS_HOLD, e.eventTime())));
        boolean released = release.isPresent()
                && (hold.isEmpty()
                        || !release.get().eventTime().isBefore(hold.get().eventTime()));
        if (released) {
            Instant after = release.get().eventTime();
            first(
                            actual,
                            e -> e.is("GTOT")
                                    && e.at(portOfDischarge)
                                    && !e.eventTime().isBefore(after))
                    .ifPresent(e -> reached.add(new Reached(TrackingMilestone.DELIVERED, e.eventTime())));
        }
        reached.sort(Comparator.comparing(Reached::at));
        return new Reading(reached, released, estimatedArrival(events, portOfDischarge));
    }

    /** The newest estimate of arrival at the port of discharge, unless the container already arrived. */
    static @Nullable Instant estimatedArrival(List<StoredEvent> events, @Nullable String portOfDischarge) {
        return events.stream()
                .filter(e -> !e.retracted() && !"ACT".equals(e.classifier()))
                .filter(e -> (e.is("ARRI") || e.is("DISC")) && e.at(portOfDischarge))
                .max(Comparator.comparing(StoredEvent::eventTime))
                .map(StoredEvent::eventTime)
                .orElse(null);
    }

    private static Optional<StoredEvent> first(List<StoredEvent> events, java.util.function.Predicate<StoredEvent> p) {
        return events.stream().filter(p).findFirst();
    }

    private static Optional<StoredEvent> last(List<StoredEvent> events, java.util.function.Predicate<StoredEvent> p) {
        return events.stream().filter(p).reduce((a, b) -> b);
    }
}
