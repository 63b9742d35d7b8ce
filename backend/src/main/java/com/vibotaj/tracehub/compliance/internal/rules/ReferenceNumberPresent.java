package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.util.List;

/** Every formal document carries its own number (B/L number, invoice number, certificate number). */
public final class ReferenceNumberPresent implements Rule {

    public static final String ID = "DOC-REFERENCE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.BLOCKING;
    }

    @Override
    public String description() {
        return "The document's reference number is filled in.";
    }

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        if (Values.blank(document.metadata().referenceNumber())) {
            return List.of(DocumentTypes.label(document.type()) + " v" + document.version()
                    + " has no reference number: fill in the reference number.");
        }
        return List.of();
    }
}
