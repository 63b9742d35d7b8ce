/**
 * Shipments: the shipment aggregate with its containers (ISO 6346), product lines, parties and status
 * machine; listing and search; CSV import of historical shipments.
 */
@ApplicationModule(
        displayName = "Shipments",
        allowedDependencies = {"platform", "identity", "reference"})
@NullMarked
package com.vibotaj.tracehub.shipments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
