package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.time.LocalDate;
import java.util.List;

/** A veterinary certificate attests the goods as loaded: it must be issued on or before departure. */
public final class VetIssuedBeforeDeparture implements Rule {

    public static final String ID = "VET-ISSUED-BEFORE-DEPARTURE";

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
        return "The veterinary certificate is issued on or before departure (ATD, else ETD).";
    }

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        LocalDate issued = document.metadata().issueDate();
        String what = DocumentTypes.label(document.type()) + " v" + document.version();
        if (issued == null) {
            return List.of(what + " has no issue date: fill in the issue date so it can be checked against departure.");
        }
        LocalDate departure = context.departure();
        if (departure == null) {
            return List.of("The shipment has no ETD: set the ETD so the " + what + " issue date can be checked.");
        }
        if (issued.isAfter(departure)) {
            return List.of(what + " was issued on " + issued + ", after departure on " + departure
                    + "; it must be issued on or before departure.");
        }
        return List.of();
    }
}
