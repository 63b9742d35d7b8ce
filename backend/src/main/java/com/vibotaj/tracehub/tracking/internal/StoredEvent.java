package com.vibotaj.tracehub.tracking.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tracking event as stored, in the DCSA model. */
public record StoredEvent(
        UUID id,
        String containerNumber,
        String provider,
        String providerEventId,
        @Nullable String dcsaCode,
        String providerCode,
        String family,
        String classifier,
        Instant eventTime,
        @Nullable String unlocode,
        @Nullable String locationName,
        @Nullable String vesselName,
        @Nullable String voyage,
        boolean derived,
        boolean retracted) {

    boolean isActual() {
        return "ACT".equals(classifier) && !retracted;
    }

    boolean is(String code) {
        return code.equals(dcsaCode);
    }

    boolean at(@Nullable String port) {
        return port == null || port.equals(unlocode);
    }
}
