package com.vibotaj.tracehub.documents;

import java.util.List;

/**
 * Asked before a document is approved. Implemented by the compliance module, which owns the rules;
 * documents only declares the question so that it never depends on compliance.
 */
public interface ApprovalGuard {

    /** Messages of open (not overridden) blocking findings that forbid approving the candidate. */
    List<String> blockingFindings(ShipmentDocument candidate);
}
