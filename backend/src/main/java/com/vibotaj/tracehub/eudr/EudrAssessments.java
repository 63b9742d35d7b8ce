package com.vibotaj.tracehub.eudr;

import java.util.UUID;

/** The door compliance and the audit pack use into EUDR. Runs in the caller's tenant scope. */
public interface EudrAssessments {

    /** The shipment's assessment; {@code not_applicable} for products outside Annex I. */
    EudrAssessment assess(UUID shipmentId);

    /** The assessment with the plots and DDS references behind it (the audit pack's EUDR section). */
    EudrEvidence evidence(UUID shipmentId);
}
