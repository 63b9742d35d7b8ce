package com.vibotaj.tracehub.eudr;

import java.util.UUID;

/** Plots of a shipment were added, changed or removed; compliance re-evaluates. */
public record EudrOriginsChanged(UUID shipmentId, UUID organizationId) {}
