package com.vibotaj.tracehub.eudr.internal;

import com.vibotaj.tracehub.eudr.EudrAssessment;
import com.vibotaj.tracehub.eudr.EudrAssessment.ChecklistItem;
import com.vibotaj.tracehub.eudr.internal.EudrStore.StoredDds;
import com.vibotaj.tracehub.eudr.internal.EudrStore.StoredOrigin;
import com.vibotaj.tracehub.shipments.ShipmentFacts.Facts;
import com.vibotaj.tracehub.shipments.ShipmentFacts.ProductLineFact;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The EUDR checklist of one applicable shipment, and the status and risk that follow from it. Pure: the
 * caller loads the facts, the plots (with whether each still validates) and the reference data.
 */
final class AssessmentPolicy {

    private static final List<String> RISK_ORDER = List.of("low", "standard", "high");

    private AssessmentPolicy() {}

    /**
     * @param validPlots ids of plots whose geolocation passes the validator today
     * @param countryRisk EUDR class per country of the reference data; others are "standard" (§4)
     */
    static EudrAssessment assess(
            Facts facts,
            List<StoredOrigin> origins,
            Set<java.util.UUID> validPlots,
            List<StoredDds> dds,
            LocalDate cutOff,
            Map<String, String> countryRisk,
            java.util.function.Predicate<String> isCountry) {
        List<ChecklistItem> items = new ArrayList<>();
        boolean plots = !origins.isEmpty();
        items.add(new ChecklistItem(
                "plots_present",
                plots,
                plots
                        ? origins.size() + " plot(s) recorded."
                        : "No plots yet: add the geolocation of every plot the goods come from."));

        List<String> badGeo = origins.stream()
                .filter(o -> !validPlots.contains(o.id()))
                .map(AssessmentPolicy::name)
                .toList();
        items.add(
                plots && badGeo.isEmpty()
                        ? item(
                                "geolocation_valid",
                                ChecklistItem.SATISFIED,
                                "Every plot's geolocation passes the EU checks.")
                        : plots
                                ? item(
                                        "geolocation_valid",
                                        ChecklistItem.FAILED,
                                        "Geolocation fails the EU checks: " + String.join(", ", badGeo) + ".")
                                : item("geolocation_valid", ChecklistItem.MISSING, "No geolocation to check yet."));

        Set<Integer> linked = origins.stream()
                .flatMap(o -> o.linePositions().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        List<Integer> unlinked = facts.productLines().stream()
                .map(ProductLineFact::position)
                .filter(p -> !linked.contains(p))
                .toList();
        items.add(
                facts.productLines().isEmpty()
                        ? new ChecklistItem(
                                "lines_linked", false, "The shipment has no product lines to link plots to.")
                        : new ChecklistItem(
                                "lines_linked",
                                unlinked.isEmpty(),
                                unlinked.isEmpty()
                                        ? "Every product line is linked to at least one plot."
                                        : "Product line(s) " + unlinked + " are not linked to any plot."));

        List<String> undated = origins.stream()
                .filter(o -> o.productionStart() == null && o.productionEnd() == null)
                .map(AssessmentPolicy::name)
                .toList();
        List<String> beforeCutOff = origins.stream()
                .filter(o -> o.productionStart() != null && !o.productionStart().isAfter(cutOff))
                .map(AssessmentPolicy::name)
                .toList();
        if (!beforeCutOff.isEmpty()) {
            items.add(item(
                    "production_after_cutoff",
                    ChecklistItem.FAILED,
                    "Production must start after the " + cutOff + " cut-off: " + String.join(", ", beforeCutOff)
                            + "."));
        } else if (!plots || !undated.isEmpty()) {
            items.add(item(
                    "production_after_cutoff",
                    ChecklistItem.MISSING,
                    plots
                            ? "Production dates missing for " + String.join(", ", undated) + "."
                            : "No production dates yet."));
        } else {
            items.add(item(
                    "production_after_cutoff", ChecklistItem.SATISFIED, "Every plot produced after " + cutOff + "."));
        }

        List<String> anonymous = origins.stream()
                .filter(o -> o.producerName() == null || o.producerCountry() == null)
                .map(AssessmentPolicy::name)
                .toList();
        items.add(new ChecklistItem(
                "producer_identified",
                plots && anonymous.isEmpty(),
                !plots
                        ? "No producers yet."
                        : anonymous.isEmpty()
                                ? "Every plot names its producer and country."
                                : "Producer name or country missing for " + String.join(", ", anonymous) + "."));

        List<String> unknownRisk = origins.stream()
                .filter(o -> o.producerCountry() == null || !isCountry.test(o.producerCountry()))
                .map(AssessmentPolicy::name)
                .toList();
        String countryClass = origins.stream()
                .map(StoredOrigin::producerCountry)
                .filter(c -> c != null && isCountry.test(c))
                .map(c -> countryRisk.getOrDefault(c, "standard"))
                .max((a, b) -> Integer.compare(RISK_ORDER.indexOf(a), RISK_ORDER.indexOf(b)))
                .orElse(null);
        items.add(new ChecklistItem(
                "country_risk_known",
                plots && unknownRisk.isEmpty(),
                !plots
                        ? "No country of production yet."
                        : unknownRisk.isEmpty()
                                ? "Country risk: " + countryClass + " (Commission benchmark)."
                                : "Country of production unknown for " + String.join(", ", unknownRisk) + "."));

        List<Integer> noWeight = facts.productLines().stream()
                .filter(l -> l.netWeightKg() == null)
                .map(ProductLineFact::position)
                .toList();
        items.add(new ChecklistItem(
                "net_weight_present",
                !facts.productLines().isEmpty() && noWeight.isEmpty(),
                facts.productLines().isEmpty()
                        ? "No product lines, so no net weight for the statement."
                        : noWeight.isEmpty()
                                ? "Net weight is present on every product line."
                                : "Net weight missing on product line(s) " + noWeight + "."));

        boolean dueNow = !facts.status().isBefore(ShipmentStatus.ARRIVED);
        items.add(
                !dds.isEmpty()
                        ? item(
                                "dds_reference_recorded",
                                ChecklistItem.SATISFIED,
                                "The buyer recorded DDS reference "
                                        + dds.get(dds.size() - 1).referenceNumber() + ".")
                        : dueNow
                                ? item(
                                        "dds_reference_recorded",
                                        ChecklistItem.FAILED,
                                        "The shipment has arrived but the buyer has not recorded the DDS reference and verification number customs need.")
                                : item(
                                        "dds_reference_recorded",
                                        ChecklistItem.PENDING,
                                        "The buyer records the DDS reference before customs clearance."));

        boolean failed = items.stream().anyMatch(i -> i.state().equals(ChecklistItem.FAILED));
        boolean missing = items.stream().anyMatch(i -> i.state().equals(ChecklistItem.MISSING));
        String status = failed ? EudrAssessment.FAILED : missing ? EudrAssessment.INCOMPLETE : EudrAssessment.PASSED;
        // Missing data or a failed geolocation raise the risk: the due diligence cannot conclude "negligible".
        boolean raise = missing || !badGeo.isEmpty() || !beforeCutOff.isEmpty() || countryClass == null;
        String risk = raise ? "high" : countryClass;
        return new EudrAssessment(true, status, risk, items);
    }

    private static ChecklistItem item(String code, String state, String message) {
        return new ChecklistItem(code, state.equals(ChecklistItem.SATISFIED), message, state);
    }

    private static String name(StoredOrigin o) {
        String label = o.productionPlace() != null ? o.productionPlace() : o.producerName();
        return label != null
                ? "plot \"" + label + "\""
                : "plot " + o.id().toString().substring(0, 8);
    }
}
