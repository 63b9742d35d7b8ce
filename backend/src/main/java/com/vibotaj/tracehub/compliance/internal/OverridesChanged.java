package com.vibotaj.tracehub.compliance.internal;

import java.util.UUID;

/** An override was recorded or revoked; the shipment is re-evaluated after commit. */
record OverridesChanged(UUID shipmentId, UUID organizationId) {}
