package com.vibotaj.tracehub.tracking.internal.provider;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state a provider reported for one container at one moment.
 *
 * @param events every event the provider knows, actual and estimated, oldest first
 * @param estimatedArrival the current estimate of arrival at the port of discharge, when known
 * @param rawPayload the body as received, kept for the audit trail
 */
public record TrackingSnapshot(
        List<ProviderEvent> events,
        @Nullable Instant estimatedArrival,
        @Nullable String vesselName,
        @Nullable String voyage,
        String rawPayload) {

    public TrackingSnapshot {
        events = List.copyOf(events);
    }
}
