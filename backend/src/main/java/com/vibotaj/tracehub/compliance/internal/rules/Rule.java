package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.util.List;

/**
 * A named compliance policy. It checks one document version in the context of its shipment (field rules
 * read the document alone, cross-document rules compare it with the shipment and the other documents).
 * Which document types it applies to is rule-set data, not code.
 *
 * <p>A rule never passes silently for lack of input: when a field it needs was not captured, it answers
 * a message saying which field to fill in (the earlier system's rules could never pass because their
 * metadata was never captured).
 */
public interface Rule {

    /** Stable id, referenced by rule-set data and by overrides. */
    String id();

    Severity severity();

    /** What the rule checks, for the rule-set listing. */
    String description();

    /** Messages of what is wrong with the document; empty when it passes. */
    List<String> check(ShipmentDocument document, RuleContext context);
}
