package com.vibotaj.tracehub.compliance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One version of the rules as data (table compliance_rule_set and its children): what a product needs
 * at a destination, which regimes apply, which rule checks which document type, and the parameters.
 */
public record RuleSet(
        String version,
        LocalDate effectiveFrom,
        String source,
        @Nullable String notes,
        Map<String, Product> products,
        List<RequiredDocument> requiredDocuments,
        Map<String, Set<String>> ruleDocumentTypes,
        Map<String, String> parameters) {

    public static final String ANY_DESTINATION = "*";
    public static final String EU = "EU";
    public static final String OTHER_PRODUCT = "other";

    public RuleSet {
        products = Map.copyOf(products);
        requiredDocuments = List.copyOf(requiredDocuments);
        ruleDocumentTypes = Map.copyOf(ruleDocumentTypes);
        parameters = Map.copyOf(parameters);
    }

    /** A product type's HS headings, regimes and parameters in this rule set. */
    public record Product(
            String code,
            List<String> hsHeadings,
            Set<String> regimes,
            @Nullable BigDecimal moistureLimit) {}

    /** destination: ISO-2 country, {@code EU} or {@code *}. */
    public record RequiredDocument(String productType, String destination, String documentType, int position) {}

    /**
     * The document types a shipment needs. The most specific entry wins: the product at the exact
     * country, then at the EU bucket (when the country is a member state), then anywhere; a product with
     * none of these falls back to the "any other product" list.
     */
    public List<String> requiredDocuments(String productType, @Nullable String destinationCountry, boolean euMember) {
        for (String product : List.of(productType, OTHER_PRODUCT)) {
            if (destinationCountry != null) {
                List<String> exact = required(product, destinationCountry);
                if (!exact.isEmpty()) {
                    return exact;
                }
                if (euMember) {
                    List<String> eu = required(product, EU);
                    if (!eu.isEmpty()) {
                        return eu;
                    }
                }
            }
            List<String> any = required(product, ANY_DESTINATION);
            if (!any.isEmpty()) {
                return any;
            }
        }
        return List.of();
    }

    private List<String> required(String product, String destination) {
        return requiredDocuments.stream()
                .filter(r -> r.productType().equals(product) && r.destination().equals(destination))
                .sorted(Comparator.comparingInt(RequiredDocument::position))
                .map(RequiredDocument::documentType)
                .toList();
    }

    public Set<String> regimes(String productType) {
        Product p = products.get(productType);
        return p == null ? Set.of() : p.regimes();
    }

    public @Nullable BigDecimal moistureLimit(String productType) {
        Product p = products.get(productType);
        return p == null ? null : p.moistureLimit();
    }

    /** Whether the rule applies to documents of the type in this rule set. */
    public boolean applies(String ruleId, String documentType) {
        return ruleDocumentTypes.getOrDefault(ruleId, Set.of()).contains(documentType);
    }

    /** Warning thresholds in days, most distant first (e.g. 30, 14, 7). */
    public List<Integer> expiryWarningDays() {
        String value = parameters.getOrDefault("expiry_warning_days", "30,14,7");
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    public BigDecimal weightTolerancePercent() {
        return new BigDecimal(parameters.getOrDefault("weight_tolerance_percent", "5"));
    }

    /** Names a national veterinary authority of the country contains; empty when none are on file. */
    public List<String> vetAuthorityKeywords(String country) {
        String value = parameters.get("vet_authority_keywords." + country);
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
