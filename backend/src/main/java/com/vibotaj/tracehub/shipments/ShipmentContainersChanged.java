package com.vibotaj.tracehub.shipments;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that created a shipment or changed its containers, so tracking
 * can start or stop following containers atomically with the change.
 */
public record ShipmentContainersChanged(
        UUID shipmentId, UUID organizationId, ShipmentStatus status, List<String> containerNumbers) {

    public ShipmentContainersChanged {
        containerNumbers = List.copyOf(containerNumbers);
    }
}
