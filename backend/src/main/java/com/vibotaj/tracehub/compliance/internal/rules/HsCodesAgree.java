package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.shipments.ShipmentFacts.ProductLineFact;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * HS codes agree across the B/L, the certificate of origin and the invoice. Each document's codes are
 * compared with the shipment's product lines (or, without lines, with the B/L). Documents state codes
 * at different precision (1801 on one, 1801.00.00 on another), so two codes agree when one is a prefix
 * of the other; 180100 and 180200 do not.
 */
public final class HsCodesAgree implements Rule {

    public static final String ID = "XD-HS-CODES";

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
        return "HS codes agree (by heading prefix) across B/L, certificate of origin, invoice and product lines.";
    }

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        String what = DocumentTypes.label(document.type()) + " v" + document.version();
        Set<String> stated = Values.hsCodes(document.metadata().field(DocumentMetadata.HS_CODES));
        if (stated.isEmpty()) {
            return List.of(what + " has no HS codes: fill in the HS codes.");
        }
        Set<String> reference = new LinkedHashSet<>();
        for (ProductLineFact line : context.shipment().productLines()) {
            reference.addAll(Values.hsCodes(line.hsCode()));
        }
        String against = "the shipment's product lines";
        if (reference.isEmpty() && !document.type().equals(DocumentTypes.BILL_OF_LADING)) {
            reference = context.document(DocumentTypes.BILL_OF_LADING)
                    .map(b -> Values.hsCodes(b.metadata().field(DocumentMetadata.HS_CODES)))
                    .orElse(Set.of());
            against = "the bill of lading";
        }
        if (reference.isEmpty()) {
            return List.of("The shipment has no product lines with HS codes to compare " + what
                    + " with: add the product lines.");
        }
        List<String> problems = new ArrayList<>();
        for (String code : stated) {
            if (reference.stream().noneMatch(r -> Values.hsAgree(code, r))) {
                problems.add(what + " states HS code " + code + ", which does not match " + against + " ("
                        + String.join(", ", reference) + ").");
            }
        }
        return problems;
    }
}
