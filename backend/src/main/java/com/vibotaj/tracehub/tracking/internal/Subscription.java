package com.vibotaj.tracehub.tracking.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A container followed by a provider on behalf of a shipment's owner. */
public record Subscription(
        UUID id,
        UUID organizationId,
        UUID shipmentId,
        String containerNumber,
        String provider,
        @Nullable String providerReference,
        String state,
        String phase,
        Instant startedAt,
        Instant nextCheckAt,
        @Nullable Instant lastCheckedAt,
        @Nullable Instant lastSuccessAt,
        @Nullable String lastError,
        int failureCount) {}
