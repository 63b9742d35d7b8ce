/**
 * Analytics: read-only figures over shipments, compliance evaluations and documents, each with the
 * shipment-list query that shows its members. Reads other modules' tables only through the views its
 * own changelog creates (security_invoker, so row-level security applies); nothing depends on it.
 */
@ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {"platform", "identity", "shipments"})
@NullMarked
package com.vibotaj.tracehub.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
