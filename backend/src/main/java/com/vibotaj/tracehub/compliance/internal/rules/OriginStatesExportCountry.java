package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.util.List;
import java.util.Locale;

/** The certificate of origin should state the export country (that of the port of loading). */
public final class OriginStatesExportCountry implements Rule {

    public static final String ID = "COO-EXPORT-COUNTRY";

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
        return "The certificate of origin states the export country.";
    }

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        String stated = document.metadata().field(DocumentMetadata.COUNTRY_OF_ORIGIN);
        String what = DocumentTypes.label(document.type()) + " v" + document.version();
        if (Values.blank(stated)) {
            return List.of(what + " has no country of origin: fill in the country of origin (ISO code).");
        }
        String exportCountry = context.shipment().exportCountry();
        if (exportCountry == null) {
            return List.of("The shipment has no port of loading: set it so the " + what
                    + " country of origin can be checked.");
        }
        if (!stated.strip().toUpperCase(Locale.ROOT).equals(exportCountry)) {
            return List.of(what + " states origin " + stated.strip() + ", but the goods are exported from "
                    + exportCountry + ".");
        }
        return List.of();
    }
}
