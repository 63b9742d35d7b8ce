/**
 * Audit log (product spec §6): every state-changing API request and every download or export, captured
 * centrally by a servlet filter rather than by each controller, plus system actions taken from domain
 * events. Append-only in the database; each organisation searches its own entries.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"platform", "shipments", "compliance"})
@NullMarked
package com.vibotaj.tracehub.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
