package com.vibotaj.tracehub.tracking;

import com.vibotaj.tracehub.shipments.TrackingMilestone;
import java.time.Instant;
import java.util.UUID;

/**
 * Published when a container reaches a milestone for the first time (departure, arrival, customs
 * hold, delivery), whether or not it moved the shipment's status. Notifications listen to it.
 */
public record TrackingMilestoneReached(
        UUID shipmentId,
        UUID organizationId,
        String containerNumber,
        TrackingMilestone milestone,
        Instant occurredAt) {}
