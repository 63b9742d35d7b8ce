package com.vibotaj.tracehub.tracking.internal.provider;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a provider needs to know to track one container.
 *
 * @param carrierScac the carrier's SCAC (MAEU, MSCU, ...); required by providers with
 *     {@link Capability#REQUIRES_CARRIER}
 * @param providerReference the provider's own id after {@link TrackingProvider#subscribe}, e.g. a Vizion
 *     reference id
 * @param portOfLoading UN/LOCODE
 * @param portOfDischarge UN/LOCODE
 * @param trackingStartedAt when TraceHub started tracking; the simulator's voyage starts here
 * @param organizationId the owner organisation, which names its webhook endpoint in a callback URL
 */
public record TrackingRequest(
        String containerNumber,
        @Nullable String carrierScac,
        @Nullable String billOfLading,
        @Nullable String providerReference,
        @Nullable String portOfLoading,
        @Nullable String portOfDischarge,
        @Nullable Instant plannedDeparture,
        @Nullable Instant plannedArrival,
        Instant trackingStartedAt,
        java.util.@Nullable UUID organizationId) {

    public TrackingRequest(
            String containerNumber,
            @Nullable String carrierScac,
            @Nullable String billOfLading,
            @Nullable String providerReference,
            @Nullable String portOfLoading,
            @Nullable String portOfDischarge,
            @Nullable Instant plannedDeparture,
            @Nullable Instant plannedArrival,
            Instant trackingStartedAt) {
        this(
                containerNumber,
                carrierScac,
                billOfLading,
                providerReference,
                portOfLoading,
                portOfDischarge,
                plannedDeparture,
                plannedArrival,
                trackingStartedAt,
                null);
    }

    public TrackingRequest {
        Objects.requireNonNull(containerNumber, "containerNumber");
        Objects.requireNonNull(trackingStartedAt, "trackingStartedAt");
    }

    /** A request with only the container number and carrier, as most callers have it. */
    public static TrackingRequest of(String containerNumber, @Nullable String carrierScac, Instant startedAt) {
        return new TrackingRequest(containerNumber, carrierScac, null, null, null, null, null, null, startedAt);
    }

    public TrackingRequest withProviderReference(String reference) {
        return new TrackingRequest(
                containerNumber,
                carrierScac,
                billOfLading,
                reference,
                portOfLoading,
                portOfDischarge,
                plannedDeparture,
                plannedArrival,
                trackingStartedAt,
                organizationId);
    }
}
