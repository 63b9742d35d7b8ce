package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.shipments.ShipmentFacts.ProductLineFact;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Weights agree within the rule set's tolerance (5 %) across the B/L, the packing list and the invoice.
 * Gross is compared with gross and net with net; the reference is the total of the product lines (when
 * every line states that weight), else the B/L.
 */
public final class WeightsAgree implements Rule {

    public static final String ID = "XD-WEIGHTS";

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
        return "Gross and net weights agree within the tolerance across B/L, packing list, invoice and product lines.";
    }

    private record Kind(String label, String field, Function<ProductLineFact, BigDecimal> line) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("gross", DocumentMetadata.GROSS_WEIGHT_KG, ProductLineFact::grossWeightKg),
            new Kind("net", DocumentMetadata.NET_WEIGHT_KG, ProductLineFact::netWeightKg));

    @Override
    public List<String> check(ShipmentDocument document, RuleContext context) {
        String what = DocumentTypes.label(document.type()) + " v" + document.version();
        BigDecimal tolerance = context.ruleSet().weightTolerancePercent();
        List<String> problems = new ArrayList<>();
        boolean anyStated = false;
        boolean anyCompared = false;
        for (Kind kind : KINDS) {
            Optional<BigDecimal> stated = Values.number(document.metadata().field(kind.field()));
            if (stated.isEmpty()) {
                continue;
            }
            anyStated = true;
            Optional<Reference> reference = reference(kind, document, context);
            if (reference.isEmpty()) {
                continue;
            }
            anyCompared = true;
            BigDecimal ref = reference.get().kg();
            BigDecimal deviation = stated.get()
                    .subtract(ref)
                    .abs()
                    .multiply(BigDecimal.valueOf(100))
                    .divide(ref, MathContext.DECIMAL64);
            if (deviation.compareTo(tolerance) > 0) {
                problems.add(what + " states " + kind.label() + " weight " + plain(stated.get()) + " kg; "
                        + reference.get().source() + " says " + plain(ref) + " kg (off by "
                        + plain(deviation.setScale(1, java.math.RoundingMode.HALF_UP)) + " %, more than "
                        + plain(tolerance) + " %).");
            }
        }
        if (!anyStated) {
            return List.of(what + " has no weights: fill in the gross or net weight (kg).");
        }
        if (!anyCompared) {
            return List.of("No reference weight to compare " + what
                    + " with: fill in the weights of the product lines (or of the bill of lading).");
        }
        return problems;
    }

    private record Reference(BigDecimal kg, String source) {}

    private static Optional<Reference> reference(Kind kind, ShipmentDocument document, RuleContext context) {
        List<ProductLineFact> lines = context.shipment().productLines();
        if (!lines.isEmpty() && lines.stream().allMatch(l -> kind.line().apply(l) != null)) {
            BigDecimal total = lines.stream().map(kind.line()).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.signum() > 0) {
                return Optional.of(new Reference(total, "the shipment's product lines"));
            }
        }
        if (document.type().equals(DocumentTypes.BILL_OF_LADING)) {
            return Optional.empty();
        }
        return context.document(DocumentTypes.BILL_OF_LADING)
                .flatMap(b -> Values.number(b.metadata().field(kind.field())))
                .filter(kg -> kg.signum() > 0)
                .map(kg -> new Reference(kg, "the bill of lading"));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
