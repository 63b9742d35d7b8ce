package com.vibotaj.tracehub.shipments;

import java.util.UUID;

/**
 * A user changed a shipment's fields (containers, product lines, ports, dates). Published inside the
 * transaction; compliance re-evaluates after commit because its cross-document rules compare documents
 * with these fields.
 */
public record ShipmentUpdated(UUID shipmentId, UUID organizationId) {}
