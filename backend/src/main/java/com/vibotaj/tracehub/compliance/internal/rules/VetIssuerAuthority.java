package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.util.List;
import java.util.Locale;

/**
 * The issuer should be a national veterinary authority of the export country. Only a name check, so
 * advisory: the authority names per country are rule-set parameters.
 */
public final class VetIssuerAuthority implements Rule {

    public static final String ID = "VET-ISSUER-AUTHORITY";

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
        return "The issuer's name looks like a national veterinary authority of the export country.";
    }

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        String issuer = document.metadata().issuer();
        String what = DocumentTypes.label(document.type()) + " v" + document.version();
        if (Values.blank(issuer)) {
            return List.of(what + " has no issuer: fill in the issuing authority.");
        }
        String country = context.shipment().exportCountry();
        if (country == null) {
            return List.of("The shipment has no port of loading: set it so the " + what + " issuer can be checked.");
        }
        List<String> names = context.ruleSet().vetAuthorityKeywords(country);
        if (names.isEmpty()) {
            return List.of("No veterinary authority names are on file for " + country + ": check the issuer of " + what
                    + " (" + issuer + ") by hand.");
        }
        String lower = issuer.toLowerCase(Locale.ROOT);
        if (names.stream().noneMatch(n -> lower.contains(n.toLowerCase(Locale.ROOT)))) {
            return List.of(what + " was issued by \"" + issuer + "\", which does not look like a national veterinary"
                    + " authority of " + country + " (expected a name containing one of: " + String.join(", ", names)
                    + ").");
        }
        return List.of();
    }
}
