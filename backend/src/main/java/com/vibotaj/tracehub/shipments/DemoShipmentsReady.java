package com.vibotaj.tracehub.shipments;

import java.util.Map;
import java.util.UUID;

/**
 * Published after the demo shipments were created: for each shipment whose voyage should already be
 * under way, how many days of it have passed. Tracking back-dates its simulated voyages accordingly.
 */
public record DemoShipmentsReady(UUID organizationId, Map<UUID, Integer> daysUnderWay) {

    public DemoShipmentsReady {
        daysUnderWay = Map.copyOf(daysUnderWay);
    }
}
