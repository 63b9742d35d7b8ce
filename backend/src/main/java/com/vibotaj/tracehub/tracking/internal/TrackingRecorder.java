package com.vibotaj.tracehub.tracking.internal;

import com.vibotaj.tracehub.shipments.ShipmentTracking;
import com.vibotaj.tracehub.shipments.TrackedShipment;
import com.vibotaj.tracehub.shipments.TrackingMilestone;
import com.vibotaj.tracehub.tracking.TrackingMilestoneReached;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns provider events into stored events and their consequences: milestones reported to the
 * shipment (which moves only forward), the ETA, the container's latest code and the next poll. Shared
 * by polling and webhooks so both paths judge events the same way.
 */
@Component
public class TrackingRecorder {

    private final TrackingStore store;
    private final ShipmentTracking shipments;
    private final PollingSchedule schedule;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrackingRecorder(
            TrackingStore store,
            ShipmentTracking shipments,
            PollingProperties polling,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.shipments = shipments;
        this.schedule = new PollingSchedule(polling);
        this.events = events;
        this.clock = clock;
    }

    /** @return how many events were new */
    @Transactional
    public int record(Subscription s, List<ProviderEvent> received, @Nullable Instant providerEta) {
        Instant now = clock.instant();
        TrackedShipment shipment = shipments.lock(s.shipmentId()).orElse(null);
        if (shipment == null) {
            store.complete(s.id());
            return 0;
        }
        List<StoredEvent> before = store.events(s.shipmentId(), s.containerNumber());
        MilestonePolicy.Reading was =
                MilestonePolicy.read(before, shipment.portOfLoading(), shipment.portOfDischarge());
        int added = store.record(s, received);
        List<StoredEvent> after = store.events(s.shipmentId(), s.containerNumber());
        MilestonePolicy.Reading reading =
                MilestonePolicy.read(after, shipment.portOfLoading(), shipment.portOfDischarge());

        boolean allDelivered = allContainersDelivered(shipment);
        for (MilestonePolicy.Reached r : reading.milestones()) {
            // A shipment sails with its first container but is delivered only with its last: one
            // container still held by customs keeps the whole shipment open.
            if (r.milestone() == TrackingMilestone.DELIVERED && !allDelivered) {
                continue;
            }
            shipments.milestone(shipment.id(), r.milestone(), r.at(), note(r.milestone(), s.containerNumber()));
            if (!was.has(r.milestone())) {
                events.publishEvent(new TrackingMilestoneReached(
                        shipment.id(), shipment.organizationId(), s.containerNumber(), r.milestone(), r.at()));
            }
        }
        if (reading.customsReleased() && noContainerHeld(shipment)) {
            shipments.customsReleased(shipment.id());
        }
        Instant eta = reading.has(TrackingMilestone.ARRIVED)
                ? null
                : (reading.estimatedArrival() != null ? reading.estimatedArrival() : providerEta);
        if (eta != null) {
            shipments.estimatedArrival(shipment.id(), eta.atOffset(ZoneOffset.UTC));
        }
        after.stream()
                .filter(StoredEvent::isActual)
                .filter(e -> e.dcsaCode() != null)
                .max(Comparator.comparing(StoredEvent::eventTime))
                .ifPresent(e -> shipments.containerStatus(shipment.id(), s.containerNumber(), e.dcsaCode()));

        PollingSchedule.Phase phase = PollingSchedule.phase(reading);
        store.succeeded(
                s.id(), phase.value(), schedule.nextAfterSuccess(phase, now, shipment.etd(), shipment.eta()), now);
        return added;
    }

    private boolean allContainersDelivered(TrackedShipment shipment) {
        return shipment.containerNumbers().stream()
                .allMatch(c -> MilestonePolicy.read(
                                store.events(shipment.id(), c), shipment.portOfLoading(), shipment.portOfDischarge())
                        .has(TrackingMilestone.DELIVERED));
    }

    private boolean noContainerHeld(TrackedShipment shipment) {
        return shipment.containerNumbers().stream().noneMatch(c -> {
            MilestonePolicy.Reading r = MilestonePolicy.read(
                    store.events(shipment.id(), c), shipment.portOfLoading(), shipment.portOfDischarge());
            return r.has(TrackingMilestone.CUSTOMS_HOLD) && !r.customsReleased();
        });
    }

    @Transactional
    public void failed(Subscription s, String error, @Nullable Instant retryAt) {
        Instant now = clock.instant();
        Instant next = retryAt != null ? retryAt : schedule.nextAfterFailure(s.failureCount() + 1, now);
        store.failed(s.id(), error, next, now);
    }

    private static String note(TrackingMilestone milestone, String container) {
        return switch (milestone) {
            case DEPARTED -> "Container " + container + " departed the port of loading";
            case ARRIVED -> "Container " + container + " arrived at the port of discharge";
            case CUSTOMS_HOLD -> "Customs selected container " + container + " for inspection";
            case DELIVERED -> "Container " + container + " gated out after customs release";
        };
    }
}
