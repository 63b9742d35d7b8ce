package com.vibotaj.tracehub.shipments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published after a shipment's status moved (by a user, an import or tracking). Notifications and
 * audit listen to it.
 */
public record ShipmentStatusChanged(
        UUID shipmentId,
        UUID organizationId,
        String reference,
        @Nullable ShipmentStatus from,
        ShipmentStatus to,
        String source,
        @Nullable String reason,
        Instant occurredAt) {}
