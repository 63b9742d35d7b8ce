package com.vibotaj.tracehub.shipments.internal;

import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One recorded move of a shipment's status: who or what moved it, when and why. */
public record StatusChange(
        @Nullable ShipmentStatus from,
        ShipmentStatus to,
        @Nullable String reason,
        Source source,
        @Nullable UUID actorUserId,
        Instant occurredAt) {

    /** Where a move came from; tracking moves are forward-only by construction. */
    public enum Source {
        USER,
        TRACKING,
        IMPORT,
        SYSTEM
    }
}
