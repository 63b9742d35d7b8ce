package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Graded warning before a certificate runs out (30/14/7 days by default, a rule-set parameter), so it
 * can be renewed in time. A missing expiry date is reported by {@link NotExpiredAtDeparture}.
 */
public final class ExpiresSoon implements Rule {

    public static final String ID = "DOC-EXPIRY-SOON";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.ADVISORY;
    }

    @Override
    public String description() {
        return "Warns when the expiry date is within the rule set's warning thresholds.";
    }

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        LocalDate expiry = document.metadata().expiryDate();
        if (expiry == null || expiry.isBefore(context.today())) {
            return List.of();
        }
        long daysLeft = ChronoUnit.DAYS.between(context.today(), expiry);
        Integer threshold = null;
        for (int days : context.ruleSet().expiryWarningDays()) {
            if (daysLeft <= days) {
                threshold = days;
            }
        }
        if (threshold == null) {
            return List.of();
        }
        return List.of(DocumentTypes.label(document.type()) + " v" + document.version() + " expires on " + expiry
                + " (" + daysLeft + (daysLeft == 1 ? " day" : " days") + " left, within the " + threshold
                + "-day warning): plan its renewal.");
    }
}
