package com.vibotaj.tracehub.documents.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * Scores each type by the keywords of {@code documents/keywords.properties} found in the text: a
 * phrase counts once, the score is the share of the best type's hits, and types below a third of the
 * best are dropped. Keywords are data so that adding a phrase needs no code change.
 */
@Component
public class KeywordClassifier implements DocumentClassifier {

    private final Map<String, List<String>> keywords;

    public KeywordClassifier() {
        this(load());
    }

    KeywordClassifier(Map<String, List<String>> keywords) {
        this.keywords = Map.copyOf(keywords);
    }

    private static Map<String, List<String>> load() {
        Properties p = new Properties();
        try (InputStream in = KeywordClassifier.class.getResourceAsStream("/documents/keywords.properties")) {
            if (in == null) {
                throw new IllegalStateException("documents/keywords.properties is missing");
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String type : p.stringPropertyNames()) {
            List<String> phrases = new ArrayList<>();
            for (String phrase : p.getProperty(type).split(",")) {
                if (!phrase.isBlank()) {
                    phrases.add(phrase.trim().toLowerCase(Locale.ROOT));
                }
            }
            map.put(type, phrases);
        }
        return map;
    }

    @Override
    public List<Suggestions.TypeScore> classify(String text) {
        String haystack = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Map<String, Integer> hits = new LinkedHashMap<>();
        keywords.forEach((type, phrases) -> {
            int n = (int) phrases.stream().filter(haystack::contains).count();
            if (n > 0) {
                hits.put(type, n);
            }
        });
        int best = hits.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (best == 0) {
            return List.of();
        }
        return hits.entrySet().stream()
                .filter(e -> e.getValue() * 3 >= best)
                .map(e -> new Suggestions.TypeScore(e.getKey(), Math.round(100.0 * e.getValue() / best) / 100.0))
                .sorted(Comparator.comparingDouble(Suggestions.TypeScore::score)
                        .reversed()
                        .thenComparing(Suggestions.TypeScore::code))
                .limit(3)
                .toList();
    }
}
