package com.vibotaj.tracehub.compliance.internal.rules;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Parsing of the free-text metadata fields the rules compare. */
final class Values {

    private Values() {}

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** Comma-, semicolon- or whitespace-separated identifiers, upper-cased, spaces and dashes removed. */
    static Set<String> containerList(@Nullable String value) {
        if (blank(value)) {
            return Set.of();
        }
        return Arrays.stream(value.split("[,;\\n]"))
                .map(s -> s.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** HS codes as digits only ("1801.00" → "180100"); codes shorter than a heading are dropped. */
    static Set<String> hsCodes(@Nullable String value) {
        if (blank(value)) {
            return Set.of();
        }
        return Arrays.stream(value.split("[,;\\n]"))
                .map(s -> s.replaceAll("[^0-9]", ""))
                .filter(s -> s.length() >= 4)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Two HS codes agree when one is a prefix of the other: 1801 and 180100 agree, 180100 and 180200 do not. */
    static boolean hsAgree(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    static Optional<BigDecimal> number(@Nullable String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value.trim().replace(",", "").replace(" ", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Identifiers compared loosely: case, spaces, dots and dashes do not matter. */
    static String normalise(String value) {
        return value.replaceAll("[\\s./-]", "").toUpperCase(Locale.ROOT);
    }
}
