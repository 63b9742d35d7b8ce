package com.vibotaj.tracehub.documents.internal.text;

import com.vibotaj.tracehub.shipments.ContainerNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds reference numbers, ISO 6346 container numbers (check digit verified), HS codes, UN/LOCODE
 * ports and weights in kilograms in document text. Each finder returns distinct values in order of
 * appearance, at most {@link #LIMIT} of each, so a long document cannot flood the suggestions.
 */
public final class TextFacts {

    static final int LIMIT = 10;

    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)\\b(?:no|number|ref(?:erence)?|b/l|invoice|certificate|cert|declaration|policy)\\.?\\s*(?:no\\.?|number|#)?\\s*[:#]?\\s*([A-Z0-9][A-Z0-9/_.-]{3,39}[A-Z0-9])\\b");
    private static final Pattern CONTAINER = Pattern.compile("\\b([A-Z]{3}[UJZ])[\\s-]?(\\d{6})[\\s-]?(\\d)\\b");
    private static final Pattern HS = Pattern.compile(
            "(?i)\\b(?:hs|h\\.s\\.|hs code|tariff|commodity code)\\s*(?:code)?\\s*[:#]?\\s*(\\d{4}(?:[.\\s]?\\d{2}){0,3})\\b");
    private static final Pattern PORT = Pattern.compile("\\b([A-Z]{2})\\s?([A-Z2-9]{3})\\b");
    private static final Pattern WEIGHT = Pattern.compile(
            "(?i)(\\d{1,3}(?:[,\\s]\\d{3})+|\\d+)(?:\\.(\\d{1,3}))?\\s*(kgs?|kilograms?|mt|tonnes?|metric tons?)\\b");

    private TextFacts() {}

    public static List<String> referenceNumbers(String text) {
        return distinct(
                REFERENCE.matcher(text),
                m -> m.group(1).toUpperCase(Locale.ROOT),
                s -> s.chars().anyMatch(Character::isDigit));
    }

    public static List<String> containerNumbers(String text) {
        return distinct(
                CONTAINER.matcher(text),
                m -> m.group(1) + m.group(2) + m.group(3),
                s -> ContainerNumber.problem(s).isEmpty());
    }

    public static List<String> hsCodes(String text) {
        return distinct(HS.matcher(text), m -> m.group(1).replaceAll("[.\\s]", ""), s -> s.length() >= 4);
    }

    /** Five-letter codes (optionally written "NG APP") that {@code knownLocode} recognises. */
    public static List<String> ports(String text, Predicate<String> knownLocode) {
        return distinct(PORT.matcher(text), m -> m.group(1) + m.group(2), knownLocode);
    }

    public static List<BigDecimal> weightsKg(String text) {
        Matcher m = WEIGHT.matcher(text);
        Set<BigDecimal> found = new LinkedHashSet<>();
        while (m.find() && found.size() < LIMIT) {
            String whole = m.group(1).replaceAll("[,\\s]", "");
            BigDecimal value = new BigDecimal(m.group(2) == null ? whole : whole + "." + m.group(2));
            String unit = m.group(3).toLowerCase(Locale.ROOT);
            if (!unit.startsWith("k")) {
                value = value.multiply(BigDecimal.valueOf(1000));
            }
            BigDecimal normalised = value.stripTrailingZeros();
            if (normalised.scale() < 0) {
                normalised = normalised.setScale(0);
            }
            if (normalised.signum() > 0) {
                found.add(normalised);
            }
        }
        return new ArrayList<>(found);
    }

    private static List<String> distinct(
            Matcher m, java.util.function.Function<Matcher, String> value, Predicate<String> valid) {
        Set<String> found = new LinkedHashSet<>();
        while (m.find() && found.size() < LIMIT) {
            String v = value.apply(m);
            if (valid.test(v)) {
                found.add(v);
            }
        }
        return new ArrayList<>(found);
    }
}
