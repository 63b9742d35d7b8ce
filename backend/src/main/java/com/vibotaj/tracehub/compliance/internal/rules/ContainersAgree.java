package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Container numbers agree across the B/L, the packing list and the fumigation certificate. Each is
 * compared with the shipment's containers (or, while the shipment has none, with the B/L): the B/L and
 * the packing list must list exactly those containers, a fumigation certificate may cover some of them.
 */
public final class ContainersAgree implements Rule {

    public static final String ID = "XD-CONTAINERS";

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
        return "Container numbers agree across B/L, packing list, fumigation certificate and the shipment.";
    }

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        String what = DocumentTypes.label(document.type()) + " v" + document.version();
        Set<String> listed = Values.containerList(document.metadata().field(DocumentMetadata.CONTAINER_NUMBERS));
        if (listed.isEmpty()) {
            return List.of(what + " has no container numbers: fill in the container numbers.");
        }
        Set<String> reference = new LinkedHashSet<>(context.shipment().containerNumbers());
        String against = "the shipment";
        if (reference.isEmpty() && !document.type().equals(DocumentTypes.BILL_OF_LADING)) {
            reference = context.document(DocumentTypes.BILL_OF_LADING)
                    .map(b -> Values.containerList(b.metadata().field(DocumentMetadata.CONTAINER_NUMBERS)))
                    .orElse(Set.of());
            against = "the bill of lading";
        }
        if (reference.isEmpty()) {
            return List.of(
                    "The shipment has no containers to compare " + what + " with: add the containers to the shipment.");
        }
        List<String> problems = new ArrayList<>();
        for (String c : listed) {
            if (!reference.contains(c)) {
                problems.add(what + " lists container " + c + ", which is not on " + against + ".");
            }
        }
        boolean complete = !document.type().equals(DocumentTypes.FUMIGATION_CERTIFICATE);
        if (complete) {
            for (String c : reference) {
                if (!listed.contains(c)) {
                    problems.add(what + " does not list container " + c + " of " + against + ".");
                }
            }
        }
        return problems;
    }
}
