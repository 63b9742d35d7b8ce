/**
 * Container tracking: the DCSA event model, providers (Vizion, JSONCargo, webhook push, simulator), the
 * webhook inbox and the polling scheduler. Moves shipments forward through the shipments facade only.
 */
@ApplicationModule(
        displayName = "Tracking",
        allowedDependencies = {"platform", "reference", "shipments"})
@NullMarked
package com.vibotaj.tracehub.tracking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
