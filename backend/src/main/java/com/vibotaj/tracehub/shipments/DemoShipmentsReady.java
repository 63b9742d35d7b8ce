package com.vibotaj.tracehub.shipments;

import java.util.Map;
import java.util.UUID;

/**
 * Published after the demo shipments were created: for each shipment with containers, how many days
 * of its voyage have passed (negative: it starts in that many real days). Tracking dates its simulated
 * voyages accordingly.
 */
public record DemoShipmentsReady(UUID organizationId, Map<UUID, Integer> daysUnderWay) {

    public DemoShipmentsReady {
        daysUnderWay = Map.copyOf(daysUnderWay);
    }
}
