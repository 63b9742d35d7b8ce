package com.vibotaj.tracehub.eudr;

import java.util.UUID;

/** The door compliance uses into EUDR. Runs in the caller's tenant scope. */
public interface EudrAssessments {

    /** The shipment's assessment; {@code not_applicable} for products outside Annex I. */
    EudrAssessment assess(UUID shipmentId);
}
