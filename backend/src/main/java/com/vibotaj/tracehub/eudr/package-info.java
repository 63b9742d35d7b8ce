/**
 * EUDR (Regulation (EU) 2023/1115): origins (plots) with GeoJSON validation as the EU Information System
 * does it, country risk, the cut-off date, the per-shipment assessment, the DDS-ready package and the
 * ledger of DDS references the buyer files. Applies to Annex I products only; all others are "not
 * applicable", never an error.
 */
@ApplicationModule(
        displayName = "EUDR",
        allowedDependencies = {"platform", "identity", "reference", "shipments"})
@NullMarked
package com.vibotaj.tracehub.eudr;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
