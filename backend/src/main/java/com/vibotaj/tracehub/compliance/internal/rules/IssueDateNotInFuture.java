package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.time.LocalDate;
import java.util.List;

/** A document dated in the future was mistyped or is not yet issued. */
public final class IssueDateNotInFuture implements Rule {

    public static final String ID = "DOC-ISSUE-DATE";

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
        return "The issue date is filled in and not in the future.";
    }

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        LocalDate issued = document.metadata().issueDate();
        String what = DocumentTypes.label(document.type()) + " v" + document.version();
        if (issued == null) {
            return List.of(what + " has no issue date: fill in the issue date.");
        }
        if (issued.isAfter(context.today())) {
            return List.of(what + " is dated " + issued + ", which is in the future.");
        }
        return List.of();
    }
}
