package com.vibotaj.tracehub.documents;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a document says about itself, captured at upload and editable while it is being reviewed. The
 * rules read the type-specific {@code fields} by the fixed keys below, so a key is a contract.
 */
public record DocumentMetadata(
        @Nullable String referenceNumber,
        @Nullable LocalDate issueDate,
        @Nullable LocalDate expiryDate,
        @Nullable String issuer,
        Map<String, String> fields) {

    public static final String CONTAINER_NUMBERS = "container_numbers";
    public static final String HS_CODES = "hs_codes";
    public static final String GROSS_WEIGHT_KG = "gross_weight_kg";
    public static final String NET_WEIGHT_KG = "net_weight_kg";
    public static final String COUNTRY_OF_ORIGIN = "country_of_origin";
    public static final String TRACES_NUMBER = "traces_number";
    public static final String MOISTURE_PERCENT = "moisture_percent";
    public static final String TREATMENT_DATE = "treatment_date";
    public static final String SEAL_NUMBERS = "seal_numbers";
    public static final String COVERAGE_END = "coverage_end";

    public DocumentMetadata {
        fields = Map.copyOf(fields);
    }

    public static DocumentMetadata empty() {
        return new DocumentMetadata(null, null, null, null, Map.of());
    }

    public @Nullable String field(String key) {
        return fields.get(key);
    }
}
