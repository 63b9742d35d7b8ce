/**
 * Audit pack: one ZIP per shipment with an index PDF, the current documents, the tracking log, metadata,
 * EUDR plots and a SHA-256 manifest, built deterministically from the data (the same data gives the same
 * bytes) and streamed to the client. Reads the other modules through their root packages only; nothing
 * depends on it. Downloads are audited centrally (the response is an attachment).
 */
@ApplicationModule(
        displayName = "Audit pack",
        allowedDependencies = {"platform", "shipments", "documents", "compliance", "eudr", "tracking"})
@NullMarked
package com.vibotaj.tracehub.auditpack;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
