/**
 * Compliance: versioned rule sets as data, rules as named policies, overrides, and the one compliance
 * evaluation per shipment that every consumer reads. Implements the documents module's approval guard.
 */
@ApplicationModule(
        displayName = "Compliance",
        allowedDependencies = {"platform", "identity", "reference", "shipments", "documents", "eudr"})
@NullMarked
package com.vibotaj.tracehub.compliance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
