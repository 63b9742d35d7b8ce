package com.vibotaj.tracehub.eudr.internal.geojson;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the validator found in one GeoJSON file.
 *
 * @param valid no issue of severity {@code error}: the EU Information System would accept the file
 * @param issues every problem, errors first in file order; advisories do not make the file invalid
 * @param repairs what the validator proposes to change; applied only in {@code repaired}
 * @param repaired the file with every proposed repair applied, or null when there is nothing to repair
 * @param plots one entry per feature whose geometry is valid
 */
public record GeoJsonReport(
        boolean valid,
        List<Issue> issues,
        List<Repair> repairs,
        @Nullable JsonNode repaired,
        List<Plot> plots) {

    public static final String ERROR = "error";
    public static final String ADVISORY = "advisory";

    public GeoJsonReport {
        issues = List.copyOf(issues);
        repairs = List.copyOf(repairs);
        plots = List.copyOf(plots);
    }

    /**
     * One problem.
     *
     * @param code stable machine code (see docs/operations/eudr.md)
     * @param severity {@code error} (the EU system rejects it) or {@code advisory}
     * @param feature 1-based feature number, or null for problems of the whole file
     * @param position where in the feature, e.g. {@code polygon 1, ring 1, vertex 4} (1-based), or the
     *     line and column of a JSON syntax error; null when the whole feature is meant
     * @param repairable whether {@code repaired} fixes it
     */
    public record Issue(
            String code,
            String severity,
            @Nullable Integer feature,
            @Nullable String position,
            String message,
            boolean repairable) {}

    /** One proposed change. */
    public record Repair(String code, @Nullable Integer feature, String message) {}

    /**
     * A plot as the file describes it.
     *
     * @param feature 1-based feature number
     * @param declaredAreaHa the {@code Area} property, if given
     * @param computedAreaHa the geodesic area of the polygons, 0 for points
     * @param feature the RFC 7946 Feature (properties included) as it would be saved
     */
    public record Plot(
            int index,
            @Nullable String producerName,
            @Nullable String producerCountry,
            @Nullable String productionPlace,
            @Nullable BigDecimal declaredAreaHa,
            double computedAreaHa,
            String geometryType,
            JsonNode feature) {}
}
