package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.time.LocalDate;
import java.util.List;

/**
 * A certificate must still be valid when the goods leave (at the ETD, or today while there is none): an
 * expired phytosanitary or veterinary certificate is refused at the border.
 */
public final class NotExpiredAtDeparture implements Rule {

    public static final String ID = "DOC-EXPIRY";

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
        return "The expiry date is filled in and not before departure (ETD, or today without one).";
    }

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        LocalDate expiry = document.metadata().expiryDate();
        String what = DocumentTypes.label(document.type()) + " v" + document.version();
        if (expiry == null) {
            return List.of(what + " has no expiry date: fill in the expiry date.");
        }
        LocalDate at = context.validityDate();
        if (expiry.isBefore(at)) {
            return List.of(what + " expired on " + expiry + ", before "
                    + (context.departure() == null ? "today (" + at + ")" : "departure (" + at + ")")
                    + ": upload a valid certificate.");
        }
        return List.of();
    }
}
