package com.vibotaj.tracehub.documents.internal.text;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the text of a document suggests. Offered to the user, never applied by itself.
 *
 * @param types candidate document types, best first, with a score in 0..1
 */
public record Suggestions(
        List<TypeScore> types,
        List<String> referenceNumbers,
        List<String> containerNumbers,
        List<String> hsCodes,
        List<String> ports,
        List<BigDecimal> weightsKg) {

    public Suggestions {
        types = List.copyOf(types);
        referenceNumbers = List.copyOf(referenceNumbers);
        containerNumbers = List.copyOf(containerNumbers);
        hsCodes = List.copyOf(hsCodes);
        ports = List.copyOf(ports);
        weightsKg = List.copyOf(weightsKg);
    }

    public static Suggestions none() {
        return new Suggestions(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public record TypeScore(String code, double score) {}
}
