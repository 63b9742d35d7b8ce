package com.vibotaj.tracehub.shipments;

/**
 * What a tracking event means for the shipment as a whole (reference-data §7). Tracking decides which
 * event is a milestone; the shipment decides whether it moves.
 */
public enum TrackingMilestone {
    /** Actual departure from the port of loading. */
    DEPARTED(ShipmentStatus.IN_TRANSIT),
    /** Actual arrival or discharge at the port of discharge. */
    ARRIVED(ShipmentStatus.ARRIVED),
    /** Customs selected the container for scan or inspection. */
    CUSTOMS_HOLD(ShipmentStatus.CUSTOMS),
    /** Gated out after customs release, or an explicit delivery. */
    DELIVERED(ShipmentStatus.DELIVERED);

    private final ShipmentStatus target;

    TrackingMilestone(ShipmentStatus target) {
        this.target = target;
    }

    public ShipmentStatus target() {
        return target;
    }
}
