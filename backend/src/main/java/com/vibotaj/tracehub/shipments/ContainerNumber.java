package com.vibotaj.tracehub.shipments;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An ISO 6346 container number, normalised (upper case, no spaces or dashes) and with a verified
 * check digit. Placeholders such as {@code TBD} never become a ContainerNumber: a draft simply has no
 * container yet.
 *
 * @param value the eleven characters, e.g. {@code CSQU3054383}
 */
public record ContainerNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[A-Z]{3}[UJZ][0-9]{7}$");

    public ContainerNumber {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Normalises and validates user input. */
    public static ContainerNumber parse(String input) {
        return new ContainerNumber(normalise(input));
    }

    /** Removes spaces, dashes and dots and upper-cases, as people write numbers like {@code CSQU 305438-3}. */
    public static String normalise(String input) {
        return input.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
    }

    /** Why {@code normalised} is not a valid container number, written for the user; empty if it is valid. */
    public static Optional<String> problem(String normalised) {
        if (normalised.isEmpty()) {
            return Optional.of("is required");
        }
        if (!FORMAT.matcher(normalised).matches()) {
            return Optional.of("must be 3 letters, the category letter U, J or Z, 6 digits and a check digit"
                    + " (e.g. CSQU3054383)");
        }
        int expected = checkDigit(normalised.substring(0, 10));
        int actual = normalised.charAt(10) - '0';
        if (expected != actual) {
            return Optional.of(
                    "check digit is " + actual + " but should be " + expected + " — a digit is probably mistyped");
        }
        return Optional.empty();
    }

    /**
     * The ISO 6346 check digit of the first ten characters: letters take the values 10..38 skipping
     * multiples of 11, each position is weighted by 2^i, and the sum mod 11 mod 10 is the digit.
     */
    public static int checkDigit(String firstTen) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += value(firstTen.charAt(i)) << i;
        }
        return sum % 11 % 10;
    }

    private static int value(char c) {
        return c >= '0' && c <= '9' ? c - '0' : letterValue(c);
    }

    /** A=10, B=12 …: counting up from 10 and skipping every multiple of 11 (11, 22, 33). */
    private static int letterValue(char c) {
        int v = 9;
        for (char l = 'A'; l <= c; l++) {
            v++;
            if (v % 11 == 0) {
                v++;
            }
        }
        return v;
    }

    @Override
    public String toString() {
        return value;
    }
}
