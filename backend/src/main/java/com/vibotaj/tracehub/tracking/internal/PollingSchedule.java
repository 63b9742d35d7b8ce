package com.vibotaj.tracehub.tracking.internal;

import com.vibotaj.tracehub.shipments.TrackingMilestone;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** Decides the journey phase and when a subscription is next due. Pure, so it is tested directly. */
public final class PollingSchedule {

    private final PollingProperties properties;

    public PollingSchedule(PollingProperties properties) {
        this.properties = properties;
    }

    public enum Phase {
        PRE_DEPARTURE,
        AT_SEA,
        ARRIVED,
        DELIVERED;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Phase phase(MilestonePolicy.Reading reading) {
        if (reading.has(TrackingMilestone.DELIVERED)) {
            return Phase.DELIVERED;
        }
        if (reading.has(TrackingMilestone.ARRIVED)) {
            return Phase.ARRIVED;
        }
        if (reading.has(TrackingMilestone.DEPARTED)) {
            return Phase.AT_SEA;
        }
        return Phase.PRE_DEPARTURE;
    }

    /** The next check after a successful poll; null when the journey is over. */
    public @Nullable Instant nextAfterSuccess(
            Phase phase, Instant now, @Nullable OffsetDateTime etd, @Nullable OffsetDateTime eta) {
        return switch (phase) {
            case DELIVERED -> null;
            case ARRIVED -> now.plus(properties.arrived());
            case AT_SEA -> now.plus(near(now, eta) ? properties.near() : properties.far());
            case PRE_DEPARTURE -> now.plus(near(now, etd) ? properties.near() : properties.far());
        };
    }

    /** Exponential back-off: base × 2^(failures − 1), capped. */
    public Instant nextAfterFailure(int consecutiveFailures, Instant now) {
        int exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 20);
        Duration delay = properties.failureBase().multipliedBy(1L << exponent);
        return now.plus(delay.compareTo(properties.failureMax()) > 0 ? properties.failureMax() : delay);
    }

    private boolean near(Instant now, @Nullable OffsetDateTime when) {
        return when != null && Duration.between(now, when.toInstant()).abs().compareTo(properties.nearWindow()) <= 0;
    }
}
