package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.util.List;

/**
 * An EU TRACES health certificate must carry the exporter's TRACES registration number, which is an
 * organisation setting (the earlier system hard-coded one exporter's number).
 */
public final class TracesNumberMatches implements Rule {

    public static final String ID = "TRACES-NUMBER";

    /** Also used by the veterinary regime when no certificate has been uploaded yet. */
    public static final String NOT_SET = "Your organisation has no TRACES registration number set: an administrator"
            + " enters it in the organisation settings (PUT /api/organization/settings), then TRACES"
            + " certificates can be checked.";

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
        return "The TRACES certificate carries the organisation's TRACES registration number.";
    }

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        String expected = context.tracesNumber();
        if (expected == null || expected.isBlank()) {
            return List.of(NOT_SET);
        }
        String stated = document.metadata().field(DocumentMetadata.TRACES_NUMBER);
        String what = DocumentTypes.label(document.type()) + " v" + document.version();
        if (Values.blank(stated)) {
            return List.of(what + " has no TRACES number: fill in the TRACES number shown on the certificate.");
        }
        if (!Values.normalise(stated).equals(Values.normalise(expected))) {
            return List.of(
                    what + " carries TRACES number " + stated.strip() + ", not your organisation's " + expected + ".");
        }
        return List.of();
    }
}
