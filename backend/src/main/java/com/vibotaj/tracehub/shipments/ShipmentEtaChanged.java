package com.vibotaj.tracehub.shipments;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Published when tracking moves a shipment's ETA by more than the slip threshold (24 h). */
public record ShipmentEtaChanged(
        UUID shipmentId, UUID organizationId, String reference, OffsetDateTime previousEta, OffsetDateTime newEta) {}
