package com.vibotaj.tracehub.tracking.internal.provider;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One tracking event in the DCSA model, as a provider reported (or implied) it.
 *
 * @param providerEventId stable id for idempotent storage: the provider's own id, or a deterministic hash
 *     for derived and simulated events
 * @param dcsaCode the DCSA event code, or null when the provider code is not in the mapping table
 * @param providerCode the provider's raw code, always kept so unknown codes can be mapped later
 * @param emptyIndicator LADEN or EMPTY when known
 * @param derived true when inferred from a snapshot rather than reported as an event
 * @param retracted true when the provider withdrew an earlier event
 */
public record ProviderEvent(
        String providerEventId,
        EventFamily family,
        @Nullable String dcsaCode,
        String providerCode,
        EventClassifier classifier,
        Instant eventTime,
        @Nullable String unlocode,
        @Nullable String locationName,
        @Nullable String facilityType,
        @Nullable String vesselName,
        @Nullable String voyage,
        @Nullable String emptyIndicator,
        boolean derived,
        boolean retracted) {

    public ProviderEvent {
        Objects.requireNonNull(providerEventId, "providerEventId");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(providerCode, "providerCode");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(eventTime, "eventTime");
    }

    public boolean isActual() {
        return classifier == EventClassifier.ACT;
    }
}
