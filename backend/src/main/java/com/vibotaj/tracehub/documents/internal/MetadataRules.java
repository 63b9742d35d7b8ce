package com.vibotaj.tracehub.documents.internal;

import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.platform.ValidationException;
import com.vibotaj.tracehub.platform.ValidationException.FieldError;
import com.vibotaj.tracehub.shipments.ContainerNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks and normalises metadata as entered: lengths, date order, and the type-specific fields — only
 * the keys the type declares, each value valid for its kind (container numbers with their ISO 6346
 * check digit, HS codes as digits, positive decimals, ISO dates, ISO country codes). Whether a document
 * is acceptable for a shipment (expired, issued after departure) is for compliance, not for input.
 */
final class MetadataRules {

    static final int MAX_REFERENCE = 100;
    static final int MAX_ISSUER = 200;
    static final int MAX_TEXT = 500;

    private MetadataRules() {}

    static DocumentMetadata normalise(DocumentRepository.DocumentType type, DocumentMetadata m) {
        List<FieldError> errors = new ArrayList<>();
        String reference = trimmed(m.referenceNumber());
        if (reference != null && reference.length() > MAX_REFERENCE) {
            errors.add(new FieldError("referenceNumber", "must be at most " + MAX_REFERENCE + " characters"));
        }
        String issuer = trimmed(m.issuer());
        if (issuer != null && issuer.length() > MAX_ISSUER) {
            errors.add(new FieldError("issuer", "must be at most " + MAX_ISSUER + " characters"));
        }
        if (m.issueDate() != null && m.expiryDate() != null && m.expiryDate().isBefore(m.issueDate())) {
            errors.add(new FieldError("expiryDate", "must not be before the issue date"));
        }
        Map<String, String> kinds = new LinkedHashMap<>();
        type.fields().forEach(f -> kinds.put(f.key(), f.kind()));
        Map<String, String> fields = new LinkedHashMap<>();
        m.fields().forEach((key, raw) -> {
            String kind = kinds.get(key);
            if (kind == null) {
                errors.add(new FieldError(
                        "fields." + key,
                        "is not a field of " + type.code()
                                + (kinds.isEmpty()
                                        ? " (it has none)"
                                        : " (allowed: " + String.join(", ", kinds.keySet()) + ")")));
                return;
            }
            String value = trimmed(raw);
            if (value == null) {
                return;
            }
            Optional<String> problem = check(kind, value);
            if (problem.isPresent()) {
                errors.add(new FieldError("fields." + key, problem.get()));
            } else {
                fields.put(key, normaliseValue(kind, value));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new DocumentMetadata(reference, m.issueDate(), m.expiryDate(), issuer, fields);
    }

    private static Optional<String> check(String kind, String value) {
        if (value.length() > MAX_TEXT) {
            return Optional.of("must be at most " + MAX_TEXT + " characters");
        }
        switch (kind) {
            case "container_list" -> {
                for (String c : list(value)) {
                    Optional<String> p = ContainerNumber.problem(ContainerNumber.normalise(c));
                    if (p.isPresent()) {
                        return Optional.of(c + ": " + p.get());
                    }
                }
            }
            case "hs_code_list" -> {
                for (String c : list(value)) {
                    if (!c.replaceAll("[.\\s]", "").matches("^[0-9]{4,10}$")) {
                        return Optional.of(c + " is not an HS code (4 to 10 digits)");
                    }
                }
            }
            case "decimal" -> {
                try {
                    if (new BigDecimal(value).signum() < 0) {
                        return Optional.of("must not be negative");
                    }
                } catch (NumberFormatException e) {
                    return Optional.of("must be a number such as 21450.5");
                }
            }
            case "date" -> {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    return Optional.of("must be a date such as 2026-03-31");
                }
            }
            case "country" -> {
                if (!value.toUpperCase(Locale.ROOT).matches("^[A-Z]{2}$")) {
                    return Optional.of("must be an ISO 3166 two-letter country code");
                }
            }
            default -> {
                // free text: the length check above is all
            }
        }
        return Optional.empty();
    }

    private static String normaliseValue(String kind, String value) {
        return switch (kind) {
            case "container_list" ->
                String.join(
                        ",",
                        list(value).stream().map(ContainerNumber::normalise).toList());
            case "hs_code_list" ->
                String.join(
                        ",",
                        list(value).stream()
                                .map(c -> c.replaceAll("[.\\s]", ""))
                                .toList());
            case "country" -> value.toUpperCase(Locale.ROOT);
            case "decimal" -> new BigDecimal(value).toPlainString();
            default -> value;
        };
    }

    private static List<String> list(String value) {
        return java.util.Arrays.stream(value.split("[,;]"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static @Nullable String trimmed(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
