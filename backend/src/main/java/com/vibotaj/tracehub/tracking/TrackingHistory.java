package com.vibotaj.tracehub.tracking;

import com.vibotaj.tracehub.tracking.internal.TrackingStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door reports (the audit pack) use into tracking: a shipment's stored event log, read in the
 * caller's tenant scope (an invisible shipment has no events). Retracted events are kept and marked: an
 * audit shows what was reported, then withdrawn.
 */
@Service
public class TrackingHistory {

    private final TrackingStore store;

    TrackingHistory(TrackingStore store) {
        this.store = store;
    }

    /** One stored event in the DCSA model. */
    public record Event(
            UUID id,
            String containerNumber,
            @Nullable String dcsaCode,
            String providerCode,
            String classifier,
            Instant eventTime,
            @Nullable String unlocode,
            @Nullable String locationName,
            @Nullable String vesselName,
            @Nullable String voyage,
            boolean derived,
            boolean retracted,
            String provider) {}

    /** Every event of the shipment, by event time (then id, so the order is stable). */
    @Transactional(readOnly = true)
    public List<Event> events(UUID shipmentId) {
        return store.events(shipmentId, null).stream()
                .map(e -> new Event(
                        e.id(),
                        e.containerNumber(),
                        e.dcsaCode(),
                        e.providerCode(),
                        e.classifier(),
                        e.eventTime(),
                        e.unlocode(),
                        e.locationName(),
                        e.vesselName(),
                        e.voyage(),
                        e.derived(),
                        e.retracted(),
                        e.provider()))
                .toList();
    }
}
