package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Moisture on the quality certificate must be below the product's limit where the rule set sets one
 * (sweet potato pellets: below 13 %). Products without a limit have nothing to check.
 */
public final class MoistureBelowLimit implements Rule {

    public static final String ID = "QUALITY-MOISTURE";

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
        return "The quality certificate's moisture is below the product's limit, where one is set.";
    }

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        BigDecimal limit = context.ruleSet().moistureLimit(context.shipment().productType());
        if (limit == null) {
            return List.of();
        }
        String what = DocumentTypes.label(document.type()) + " v" + document.version();
        String raw = document.metadata().field(DocumentMetadata.MOISTURE_PERCENT);
        Optional<BigDecimal> moisture = Values.number(raw);
        if (moisture.isEmpty()) {
            return List.of(
                    what + (Values.blank(raw) ? " has no moisture: " : " has an unreadable moisture (" + raw + "): ")
                            + "fill in the moisture % (the limit for this product is below "
                            + limit.stripTrailingZeros().toPlainString()
                            + " %).");
        }
        if (moisture.get().compareTo(limit) >= 0) {
            return List.of(what + " states moisture "
                    + moisture.get().stripTrailingZeros().toPlainString() + " %, not below the product's limit of "
                    + limit.stripTrailingZeros().toPlainString() + " %.");
        }
        return List.of();
    }
}
