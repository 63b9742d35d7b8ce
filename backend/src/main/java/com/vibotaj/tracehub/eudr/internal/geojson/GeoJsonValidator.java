package com.vibotaj.tracehub.eudr.internal.geojson;

import com.vibotaj.tracehub.eudr.internal.geojson.GeoJsonReport.Issue;
import com.vibotaj.tracehub.eudr.internal.geojson.GeoJsonReport.Plot;
import com.vibotaj.tracehub.eudr.internal.geojson.GeoJsonReport.Repair;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a GeoJSON file of plots as the EU Information System does (EC "EUDR GeoJSON File
 * Description" v1.3, reference data §3.1): RFC 7946, [longitude, latitude], at least 6 decimals, the
 * four case-sensitive properties, polygons for plots over 4 ha, and every common rejection cause of
 * the EC's list, each reported with the feature and position. Repairable problems are repaired in a
 * copy that is returned beside the report; the input is never changed and nothing is applied silently.
 *
 * <p>Pure Java and thread-safe: one instance serves every request.
 */
public final class GeoJsonValidator {

    /** The EU Information System's limit per DDS. */
    public static final long MAX_BYTES = 25L * 1024 * 1024;

    static final int DECIMALS = 6;
    static final double POINT_DEFAULT_HA = 4.0;
    static final double POLYGON_THRESHOLD_HA = 4.0;

    static final String PRODUCER_NAME = "ProducerName";
    static final String PRODUCER_COUNTRY = "ProducerCountry";
    static final String PRODUCTION_PLACE = "ProductionPlace";
    static final String AREA = "Area";
    private static final List<String> PROPERTIES = List.of(PRODUCER_NAME, PRODUCER_COUNTRY, PRODUCTION_PLACE, AREA);

    private static final Set<String> GEOMETRIES = Set.of(
            "Point", "MultiPoint", "Polygon", "MultiPolygon", "GeometryCollection", "LineString", "MultiLineString");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final GeometryFactory JTS = new GeometryFactory();

    private final Set<String> countries;
    private final CountryBoxes boxes;

    /**
     * @param knownCountries ISO 3166-1 alpha-2 codes of the reference data; every code Java knows is
     *     accepted too, because reference data lists only the countries the rules classify
     */
    public GeoJsonValidator(Set<String> knownCountries, CountryBoxes boxes) {
        Set<String> all = new HashSet<>(knownCountries);
        all.addAll(Arrays.asList(Locale.getISOCountries()));
        this.countries = Set.copyOf(all);
        this.boxes = boxes;
    }

    public boolean isCountry(String code) {
        return countries.contains(code);
    }

    public GeoJsonReport validate(byte[] input) {
        Run run = new Run();
        return run.validate(input);
    }

    /** One validation: collects issues and repairs while walking a mutable copy of the document. */
    private final class Run {
        private final List<Issue> issues = new ArrayList<>();
        private final List<Repair> repairs = new ArrayList<>();
        private final List<Plot> plots = new ArrayList<>();

        private GeoJsonReport validate(byte[] input) {
            if (input.length > MAX_BYTES) {
                file(
                        "too-large",
                        "The file is larger than 25 MB, the EU Information System's limit per statement;"
                                + " split the plots over several statements or simplify the polygons.");
                return report(null);
            }
            String text = readable(input);
            if (text == null) {
                return report(null);
            }
            String body = text.strip();
            if (body.isEmpty()) {
                file("not-json", "The file is empty.");
                return report(null);
            }
            if (body.charAt(0) != '{' && body.charAt(0) != '[') {
                file(
                        "not-json",
                        body.startsWith("<")
                                ? "The file is XML (KML/GPX?), not GeoJSON; export it as GeoJSON."
                                : "The file is not JSON: GeoJSON starts with '{'. Was a CSV or text file chosen?");
                return report(null);
            }
            JsonNode root;
            try {
                root = MAPPER.readTree(text);
            } catch (JacksonException e) {
                var where = e.getLocation();
                String position =
                        where == null ? null : "line " + where.getLineNr() + ", column " + where.getColumnNr();
                issues.add(new Issue(
                        "json-syntax",
                        GeoJsonReport.ERROR,
                        null,
                        position,
                        "JSON syntax error" + (position == null ? "" : " at " + position) + ": "
                                + firstLine(e.getOriginalMessage()),
                        false));
                return report(null);
            }
            if (!root.isObject()) {
                file("invalid-type", "The file is a JSON array, not GeoJSON: put the features in a FeatureCollection.");
                return report(null);
            }
            ObjectNode work = (ObjectNode) root.deepCopy();
            String type = work.path("type").isString() ? work.path("type").stringValue() : "";
            switch (type) {
                case "FeatureCollection" -> {
                    JsonNode features = work.get("features");
                    if (features == null || !features.isArray()) {
                        file("invalid-type", "A FeatureCollection needs a \"features\" array.");
                    } else if (features.isEmpty()) {
                        file("no-features", "The FeatureCollection has no features: at least one plot is needed.");
                    } else {
                        for (int i = 0; i < features.size(); i++) {
                            feature(i + 1, features.get(i));
                        }
                    }
                }
                case "Feature" -> feature(1, work);
                default -> {
                    if (GEOMETRIES.contains(type)) {
                        // A bare geometry: one plot without properties.
                        ObjectNode wrapped = NODES.objectNode();
                        wrapped.put("type", "Feature");
                        wrapped.putObject("properties");
                        wrapped.set("geometry", work);
                        feature(1, wrapped);
                    } else {
                        file(
                                "invalid-type",
                                type.isEmpty()
                                        ? "The file has no GeoJSON \"type\"; expected FeatureCollection, Feature or a geometry."
                                        : "\"" + type + "\" is not a GeoJSON type the EU system accepts.");
                    }
                }
            }
            return report(repairs.isEmpty() ? null : work);
        }

        private GeoJsonReport report(@Nullable JsonNode repaired) {
            boolean valid = issues.stream().noneMatch(i -> i.severity().equals(GeoJsonReport.ERROR));
            List<Issue> ordered = new ArrayList<>(issues);
            ordered.sort((a, b) -> Boolean.compare(
                    a.severity().equals(GeoJsonReport.ADVISORY), b.severity().equals(GeoJsonReport.ADVISORY)));
            return new GeoJsonReport(valid, ordered, repairs, repaired, plots);
        }

        private void file(String code, String message) {
            issues.add(new Issue(code, GeoJsonReport.ERROR, null, null, message, false));
        }

        /** Decodes UTF-8 text, or reports why the bytes are not a readable text file. */
        private @Nullable String readable(byte[] input) {
            String kind = binaryKind(input);
            if (kind != null) {
                issues.add(new Issue("unreadable", GeoJsonReport.ERROR, null, null, kind, false));
                return null;
            }
            try {
                String text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(input))
                        .toString();
                return text.startsWith("\uFEFF") ? text.substring(1) : text;
            } catch (CharacterCodingException e) {
                issues.add(new Issue(
                        "unreadable",
                        GeoJsonReport.ERROR,
                        null,
                        null,
                        "The file is not UTF-8 text (binary, encrypted or in another encoding); save it as UTF-8 GeoJSON.",
                        false));
                return null;
            }
        }

        private static @Nullable String binaryKind(byte[] b) {
            if (startsWith(b, "%PDF")) {
                return "The file is a PDF document, not GeoJSON; export the plots from the mapping tool as GeoJSON.";
            }
            if (startsWith(b, "PK\u0003\u0004")) {
                return "The file is a ZIP archive (KMZ, XLSX or a password-protected archive); unpack it and upload the GeoJSON.";
            }
            if (b.length >= 4
                    && (b[0] & 0xFF) == 0xD0
                    && (b[1] & 0xFF) == 0xCF
                    && (b[2] & 0xFF) == 0x11
                    && (b[3] & 0xFF) == 0xE0) {
                return "The file is an encrypted or legacy Office document (password-protected?), not GeoJSON.";
            }
            int limit = Math.min(b.length, 8192);
            for (int i = 0; i < limit; i++) {
                if (b[i] == 0) {
                    return "The file is binary (it contains NUL bytes), not GeoJSON text.";
                }
            }
            return null;
        }

        private static boolean startsWith(byte[] b, String magic) {
            byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
            if (b.length < m.length) {
                return false;
            }
            for (int i = 0; i < m.length; i++) {
                if (b[i] != m[i]) {
                    return false;
                }
            }
            return true;
        }

        // ---- features ----

        private void feature(int index, JsonNode node) {
            Feature f = new Feature(index);
            if (!node.isObject() || !"Feature".equals(node.path("type").asString(""))) {
                f.error("invalid-type", null, "is not a GeoJSON Feature (\"type\": \"Feature\" is missing).");
                return;
            }
            ObjectNode feature = (ObjectNode) node;
            JsonNode props = feature.get("properties");
            if (props != null && !props.isNull() && !props.isObject()) {
                f.error("invalid-type", null, "has \"properties\" that are not an object.");
            }
            ObjectNode properties = props instanceof ObjectNode o ? o : feature.putObject("properties");
            f.label(properties);
            properties(f, properties);
            JsonNode geometry = feature.get("geometry");
            if (geometry == null || !geometry.isObject()) {
                f.error("missing-geometry", null, "has no geometry.");
                return;
            }
            Shape shape = new Shape();
            geometry(f, (ObjectNode) geometry, "", shape, 0);
            country(f, properties, shape);
            area(f, properties, shape);
            if (!f.anyError) {
                plots.add(new Plot(
                        index,
                        text(properties, PRODUCER_NAME),
                        text(properties, PRODUCER_COUNTRY),
                        text(properties, PRODUCTION_PLACE),
                        properties.path(AREA).isNumber() ? properties.path(AREA).decimalValue() : null,
                        shape.polygonHa,
                        geometry.path("type").asString(""),
                        feature.deepCopy()));
            }
        }

        private static @Nullable String text(ObjectNode properties, String name) {
            JsonNode v = properties.get(name);
            return v != null && v.isString() && !v.stringValue().isBlank()
                    ? v.stringValue().strip()
                    : null;
        }

        /** Property names are case-sensitive in the EU system; near misses are flagged with the right name. */
        private void properties(Feature f, ObjectNode properties) {
            for (String key : new ArrayList<>(properties.propertyNames())) {
                if (PROPERTIES.contains(key)) {
                    continue;
                }
                String canonical = closest(key);
                if (canonical == null) {
                    continue; // unknown properties are ignored by the EU system
                }
                boolean canRename = !properties.has(canonical);
                f.issue(
                        "property-name",
                        GeoJsonReport.ERROR,
                        "property \"" + key + "\"",
                        "has property \"" + key + "\"; the EU system only reads \"" + canonical
                                + "\" (names are case-sensitive).",
                        canRename);
                if (canRename) {
                    JsonNode value = properties.remove(key);
                    properties.set(canonical, value);
                    f.repair("rename-property", "rename property \"" + key + "\" to \"" + canonical + "\".");
                }
            }
            JsonNode area = properties.get(AREA);
            if (area != null && !area.isNull() && !area.isNumber()) {
                BigDecimal number = area.isString() ? number(area.stringValue()) : null;
                f.issue(
                        "string-number",
                        GeoJsonReport.ERROR,
                        "property \"Area\"",
                        "has Area " + area + ", which must be a number of hectares, not "
                                + (area.isString()
                                        ? "a string."
                                        : "a " + area.getNodeType().name().toLowerCase(Locale.ROOT) + "."),
                        number != null);
                if (number != null) {
                    properties.put(AREA, number);
                    f.repair(
                            "number-from-string",
                            "Area \"" + area.stringValue() + "\" becomes the number " + number.toPlainString() + ".");
                }
            } else if (area != null && area.isNumber() && area.decimalValue().signum() <= 0) {
                f.error(
                        "invalid-area",
                        "property \"Area\"",
                        "has Area " + area + "; it must be a positive number of hectares.");
            }
            for (String name : List.of(PRODUCER_NAME, PRODUCER_COUNTRY)) {
                if (text(properties, name) == null) {
                    f.issue(
                            "missing-property",
                            GeoJsonReport.ADVISORY,
                            "property \"" + name + "\"",
                            "has no " + name + "; the due-diligence statement needs the producer of every plot.",
                            false);
                }
            }
        }

        private static @Nullable String closest(String key) {
            String normalised = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            for (String p : PROPERTIES) {
                String target = p.toLowerCase(Locale.ROOT);
                if (normalised.equals(target)) {
                    return p;
                }
                // One or two typos in a long name ("ProducerNmae", "ProductionPlce"); "Area" must match exactly.
                if (target.length() > 6 && normalised.length() > 6 && distance(normalised, target) <= 2) {
                    return p;
                }
            }
            return null;
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }

        private void country(Feature f, ObjectNode properties, Shape shape) {
            JsonNode value = properties.get(PRODUCER_COUNTRY);
            if (value == null
                    || value.isNull()
                    || (value.isString() && value.stringValue().isBlank())) {
                return;
            }
            String raw = value.isString() ? value.stringValue().strip() : value.toString();
            String code = raw;
            if (!value.isString() || !raw.matches("[A-Z]{2}") || !countries.contains(raw)) {
                String upper = raw.toUpperCase(Locale.ROOT);
                boolean fixable = value.isString() && upper.matches("[A-Z]{2}") && countries.contains(upper);
                String hint = "UK".equals(upper)
                        ? " The United Kingdom is GB."
                        : fixable ? " Did you mean \"" + upper + "\"?" : "";
                f.issue(
                        "country-code",
                        GeoJsonReport.ERROR,
                        "property \"ProducerCountry\"",
                        "has ProducerCountry \"" + raw
                                + "\", which is not an ISO 3166-1 alpha-2 code (two capital letters)." + hint,
                        fixable);
                if (!fixable) {
                    return;
                }
                properties.put(PRODUCER_COUNTRY, upper);
                f.repair("country-case", "ProducerCountry \"" + raw + "\" becomes \"" + upper + "\".");
                code = upper;
            }
            var box = boxes.of(code);
            if (box.isEmpty() || shape.positions.isEmpty()) {
                return;
            }
            boolean anyInside = false;
            boolean allSwappedInside = true;
            for (ArrayNode p : shape.positions) {
                double lon = p.get(0).asDouble();
                double lat = p.get(1).asDouble();
                anyInside |= box.get().contains(lon, lat);
                allSwappedInside &= box.get().contains(lat, lon);
            }
            if (!anyInside && allSwappedInside) {
                f.issue(
                        "swapped-coordinates",
                        GeoJsonReport.ERROR,
                        null,
                        "lies outside " + code + ", but with latitude and longitude swapped it lies inside:"
                                + " GeoJSON positions are [longitude, latitude].",
                        true);
                for (ArrayNode p : shape.positions) {
                    JsonNode lon = p.get(0);
                    p.set(0, p.get(1));
                    p.set(1, lon);
                }
                f.repair("swap-lat-lon", "swap latitude and longitude of every position.");
            } else if (!anyInside) {
                f.issue(
                        "outside-country",
                        GeoJsonReport.ADVISORY,
                        null,
                        "lies outside the declared ProducerCountry " + code + " (approximate country box).",
                        false);
            }
        }

        private void area(Feature f, ObjectNode properties, Shape shape) {
            JsonNode area = properties.get(AREA);
            BigDecimal declared = area != null && area.isNumber() ? area.decimalValue() : null;
            if (shape.points > 0 && shape.polygons == 0) {
                // A point stands for a plot of at most 4 ha; without Area it counts as 4 ha.
                if (declared != null && declared.doubleValue() > POLYGON_THRESHOLD_HA) {
                    f.error(
                            "point-over-4ha",
                            "property \"Area\"",
                            "is a point with Area " + declared.toPlainString()
                                    + " ha; plots larger than 4 ha must be described by a polygon.");
                }
                return;
            }
            if (shape.polygons > 0 && declared != null && shape.polygonHa > 0) {
                double d = declared.doubleValue();
                double diff = Math.abs(d - shape.polygonHa);
                if (diff > 0.1 && diff / Math.max(d, shape.polygonHa) > 0.1) {
                    f.issue(
                            "area-mismatch",
                            GeoJsonReport.ADVISORY,
                            "property \"Area\"",
                            "declares Area " + declared.toPlainString() + " ha, but its polygons measure "
                                    + String.format(Locale.ROOT, "%.2f", shape.polygonHa) + " ha.",
                            false);
                }
            }
        }

        // ---- geometries ----

        /** What a feature's geometry is made of. */
        private static final class Shape {
            int points;
            int polygons;
            double polygonHa;
            final List<ArrayNode> positions = new ArrayList<>();
        }

        private void geometry(Feature f, ObjectNode g, String prefix, Shape shape, int depth) {
            String type = g.path("type").asString("");
            JsonNode coordinates = g.get("coordinates");
            if (!type.equals("GeometryCollection")
                    && GEOMETRIES.contains(type)
                    && (coordinates == null || !coordinates.isArray())) {
                f.error("invalid-geometry", where(prefix), "has a " + type + " without a \"coordinates\" array.");
                return;
            }
            switch (type) {
                case "Point" -> {
                    shape.points++;
                    ArrayNode coords = (ArrayNode) coordinates;
                    if (coords.size() > 0 && coords.get(0).isArray()) {
                        boolean fixable = coords.size() == 1 && isPositionLike(coords.get(0));
                        f.issue(
                                "point-nested-array",
                                GeoJsonReport.ERROR,
                                where(prefix),
                                "is a Point given as an array of arrays " + abbreviate(coords)
                                        + "; a Point is one position [longitude, latitude].",
                                fixable);
                        if (!fixable) {
                            return;
                        }
                        g.set("coordinates", coords.get(0));
                        f.repair(
                                "unnest-point",
                                "the Point's coordinates become the single position " + coords.get(0) + ".");
                    }
                    position(f, (ArrayNode) g.get("coordinates"), join(prefix, "point"), shape);
                }
                case "MultiPoint" -> {
                    ArrayNode coords = (ArrayNode) coordinates;
                    for (int i = 0; i < coords.size(); i++) {
                        shape.points++;
                        if (coords.get(i) instanceof ArrayNode p) {
                            position(f, p, join(prefix, "point " + (i + 1)), shape);
                        } else {
                            f.error(
                                    "invalid-position",
                                    join(prefix, "point " + (i + 1)),
                                    "has a position that is not an array.");
                        }
                    }
                }
                case "Polygon" -> polygon(f, (ArrayNode) coordinates, prefix, shape);
                case "MultiPolygon" -> {
                    ArrayNode coords = (ArrayNode) coordinates;
                    if (coords.isEmpty()) {
                        f.error("invalid-geometry", where(prefix), "has an empty MultiPolygon.");
                    }
                    for (int i = 0; i < coords.size(); i++) {
                        String at = join(prefix, "polygon " + (i + 1));
                        if (coords.get(i) instanceof ArrayNode p) {
                            polygon(f, p, at, shape);
                        } else {
                            f.error("invalid-geometry", at, "has a polygon that is not an array of rings.");
                        }
                    }
                }
                case "GeometryCollection" -> {
                    JsonNode members = g.get("geometries");
                    if (members == null || !members.isArray() || members.isEmpty() || depth > 0) {
                        f.error(
                                "invalid-geometry",
                                where(prefix),
                                depth > 0
                                        ? "nests a GeometryCollection in a GeometryCollection."
                                        : "has a GeometryCollection without geometries.");
                        return;
                    }
                    for (int i = 0; i < members.size(); i++) {
                        String at = join(prefix, "geometry " + (i + 1));
                        if (members.get(i) instanceof ObjectNode member) {
                            geometry(f, member, at, shape, depth + 1);
                        } else {
                            f.error("invalid-geometry", at, "is not a geometry object.");
                        }
                    }
                }
                case "LineString", "MultiLineString" ->
                    f.error(
                            "line-geometry",
                            where(prefix),
                            "is a " + type + "; the EU system accepts only points and polygons."
                                    + " Close the line into a polygon (first position = last) or give the plot as a point.");
                default ->
                    f.error(
                            "invalid-geometry",
                            where(prefix),
                            type.isEmpty()
                                    ? "has a geometry without \"type\"."
                                    : "has the unsupported geometry type \"" + type + "\".");
            }
        }

        private void polygon(Feature f, ArrayNode rings, String prefix, Shape shape) {
            shape.polygons++;
            if (rings.isEmpty()) {
                f.error("invalid-geometry", where(prefix), "has a polygon without rings.");
                return;
            }
            if (rings.get(0).isArray()
                    && !rings.get(0).isEmpty()
                    && !rings.get(0).get(0).isArray()) {
                f.error(
                        "invalid-geometry",
                        where(prefix),
                        "has polygon coordinates one level too shallow: a Polygon is an array of rings, each an array of positions.");
                return;
            }
            for (int r = 1; r < rings.size(); r++) {
                f.error(
                        "hole",
                        join(prefix, "ring " + (r + 1)),
                        "has an inner ring (a hole); the EU system does not support holes."
                                + " Describe the excluded area by separate polygons around it.");
            }
            if (!(rings.get(0) instanceof ArrayNode ring)) {
                f.error("invalid-geometry", join(prefix, "ring 1"), "has a ring that is not an array of positions.");
                return;
            }
            String at = join(prefix, "ring 1");
            List<double[]> coords = new ArrayList<>();
            for (int v = 0; v < ring.size(); v++) {
                if (!(ring.get(v) instanceof ArrayNode p)) {
                    f.error("invalid-position", join(at, "vertex " + (v + 1)), "has a position that is not an array.");
                    return;
                }
                double[] c = position(f, p, join(at, "vertex " + (v + 1)), shape);
                if (c == null) {
                    return;
                }
                coords.add(c);
            }
            if (coords.size() >= 2 && !same(coords.get(0), coords.get(coords.size() - 1))) {
                f.issue(
                        "open-ring",
                        GeoJsonReport.ERROR,
                        at,
                        "has an open polygon: its first position " + show(coords.get(0)) + " differs from its last "
                                + show(coords.get(coords.size() - 1)) + ".",
                        true);
                ring.add(ring.get(0).deepCopy());
                coords.add(coords.get(0));
                f.repair("close-ring", at + ": append the first position to close the ring.");
            }
            // Consecutive duplicates after rounding to 6 decimals (the EU system rounds, then rejects them).
            for (int v = coords.size() - 1; v > 0; v--) {
                if (same(coords.get(v), coords.get(v - 1)) && coords.size() > 1) {
                    f.issue(
                            "duplicate-vertex",
                            GeoJsonReport.ERROR,
                            join(at, "vertex " + (v + 1)),
                            "repeats the previous position " + show(coords.get(v)) + " (after rounding to 6 decimals).",
                            true);
                    coords.remove(v);
                    ring.remove(v);
                    f.repair("drop-duplicate", join(at, "vertex " + (v + 1)) + ": drop the repeated position.");
                }
            }
            if (coords.size() < 4) {
                f.error(
                        "too-few-positions",
                        at,
                        "has " + coords.size()
                                + " positions; a polygon needs at least 4 (3 corners and the first repeated at the end).");
                return;
            }
            double ha = GeodesicArea.hectares(coords);
            if (collinear(coords)) {
                f.error(
                        "collinear",
                        at,
                        "has all its positions on one straight line: it encloses no area (a line, not a polygon).");
                return;
            }
            int spike = spike(coords);
            if (spike >= 0) {
                f.error(
                        "spike",
                        join(at, "vertex " + (spike + 1)),
                        "has a spike (an inward or outward fold): the edges before and after " + show(coords.get(spike))
                                + " run back along each other.");
                return;
            }
            Coordinate[] jts =
                    coords.stream().map(c -> new Coordinate(c[0], c[1])).toArray(Coordinate[]::new);
            Polygon polygon = JTS.createPolygon(jts);
            TopologyValidationError error = new IsValidOp(polygon).getValidationError();
            if (error != null) {
                Coordinate c = error.getCoordinate();
                f.error(
                        "self-intersection",
                        join(at, "near vertex " + (nearest(coords, c) + 1)),
                        "has edges crossing each other at " + show(new double[] {c.x, c.y}) + " (" + error.getMessage()
                                + "); trace the boundary without crossing it.");
                return;
            }
            shape.polygonHa += ha;
        }

        /** Reads one position in place: numeric strings and precision beyond 6 decimals are repaired. */
        private double @Nullable [] position(Feature f, ArrayNode p, String at, Shape shape) {
            if (p.size() < 2 || p.size() > 3) {
                f.error(
                        "invalid-position",
                        at,
                        "has the position " + abbreviate(p)
                                + "; a position is [longitude, latitude] (optionally an altitude).");
                return null;
            }
            double[] out = new double[2];
            for (int k = 0; k < 2; k++) {
                JsonNode n = p.get(k);
                BigDecimal value;
                if (n.isNumber()) {
                    value = n.decimalValue();
                } else {
                    value = n.isString() ? number(n.stringValue()) : null;
                    f.issue(
                            n.isString() ? "string-number" : "invalid-position",
                            GeoJsonReport.ERROR,
                            at,
                            "has " + (k == 0 ? "longitude " : "latitude ") + n + ", which must be a number, not "
                                    + (n.isString()
                                            ? "a string."
                                            : "a " + n.getNodeType().name().toLowerCase(Locale.ROOT) + "."),
                            value != null);
                    if (value == null) {
                        return null;
                    }
                    p.set(k, NODES.numberNode(value));
                    f.repair(
                            "number-from-string",
                            at + ": \"" + n.stringValue() + "\" becomes the number " + value.toPlainString() + ".");
                }
                if (value.scale() > DECIMALS) {
                    BigDecimal rounded = value.setScale(DECIMALS, RoundingMode.HALF_UP);
                    p.set(k, NODES.numberNode(rounded));
                    f.roundedOnce(at);
                    value = rounded;
                } else if (value.stripTrailingZeros().scale() < DECIMALS && value.scale() < DECIMALS) {
                    f.imprecise(at, value);
                }
                out[k] = value.doubleValue();
            }
            if (Math.abs(out[0]) > 180 || Math.abs(out[1]) > 90) {
                boolean swapped = Math.abs(out[1]) <= 180 && Math.abs(out[0]) <= 90;
                f.error(
                        "out-of-range",
                        at,
                        "has the position " + show(out)
                                + " outside the valid range (longitude -180..180, latitude -90..90)."
                                + (swapped
                                        ? " Latitude and longitude look swapped: GeoJSON positions are [longitude, latitude]."
                                        : ""));
            }
            shape.positions.add(p);
            return out;
        }

        /** Issues and repairs of one feature, with its name for messages. */
        private final class Feature {
            final int index;
            String label;
            boolean anyError;
            boolean rounded;
            boolean warnedPrecision;

            Feature(int index) {
                this.index = index;
                this.label = "Feature " + index;
            }

            void label(ObjectNode properties) {
                String place = properties.path(PRODUCTION_PLACE).asString("");
                String name = properties.path(PRODUCER_NAME).asString("");
                if (!place.isBlank()) {
                    label = "Feature " + index + " (ProductionPlace \"" + place.strip() + "\")";
                } else if (!name.isBlank()) {
                    label = "Feature " + index + " (ProducerName \"" + name.strip() + "\")";
                }
            }

            void error(String code, @Nullable String position, String message) {
                issue(code, GeoJsonReport.ERROR, position, message, false);
            }

            void issue(String code, String severity, @Nullable String position, String message, boolean repairable) {
                if (severity.equals(GeoJsonReport.ERROR)) {
                    anyError = true;
                }
                String where = position == null || position.isEmpty() ? "" : ", " + position + ",";
                issues.add(new Issue(
                        code, severity, index, emptyToNull(position), label + where + " " + message, repairable));
            }

            void repair(String code, String message) {
                repairs.add(new Repair(code, index, label + ": " + message));
            }

            void roundedOnce(String at) {
                if (!rounded) {
                    rounded = true;
                    repair(
                            "round-6-decimals",
                            "round every coordinate to 6 decimals (first at " + at + "), as the EU system does.");
                }
            }

            void imprecise(String at, BigDecimal value) {
                if (!warnedPrecision) {
                    warnedPrecision = true;
                    issue(
                            "precision",
                            GeoJsonReport.ADVISORY,
                            at,
                            "has the coordinate " + value.toPlainString()
                                    + " with fewer than 6 decimals (about 0.1 m); the EU system expects at least 6.",
                            false);
                }
            }
        }

        private static boolean isPositionLike(JsonNode n) {
            return n.isArray() && (n.size() == 2 || n.size() == 3) && !n.get(0).isArray();
        }
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String join(String prefix, String part) {
        return prefix.isEmpty() ? part : prefix + ", " + part;
    }

    private static @Nullable String where(String prefix) {
        return prefix.isEmpty() ? null : prefix;
    }

    private static boolean same(double[] a, double[] b) {
        return round(a[0]) == round(b[0]) && round(a[1]) == round(b[1]);
    }

    private static long round(double v) {
        return Math.round(v * 1_000_000d);
    }

    private static String show(double[] c) {
        return "["
                + BigDecimal.valueOf(c[0])
                        .setScale(DECIMALS, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + ", "
                + BigDecimal.valueOf(c[1])
                        .setScale(DECIMALS, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + "]";
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static @Nullable BigDecimal number(String s) {
        String t = s.strip().replace(',', '.');
        if (!t.matches("[-+]?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(t);
    }

    /**
     * Every vertex lies on the line through the first vertex and the one farthest from it, within
     * 1e-7 degrees (about 1 cm, below the 6-decimal resolution): the "polygon" is a line.
     */
    private static boolean collinear(List<double[]> ring) {
        double[] a = ring.get(0);
        double[] far = a;
        double farD = 0;
        for (double[] p : ring) {
            double d = Math.hypot(p[0] - a[0], p[1] - a[1]);
            if (d > farD) {
                farD = d;
                far = p;
            }
        }
        if (farD == 0) {
            return true;
        }
        for (double[] p : ring) {
            double cross = (far[0] - a[0]) * (p[1] - a[1]) - (far[1] - a[1]) * (p[0] - a[0]);
            if (Math.abs(cross) / farD > 1e-7) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of a vertex where the boundary turns back on itself (the edges before and after it run
     * along each other: a spike outwards or a fold inwards), or -1.
     */
    private static int spike(List<double[]> ring) {
        int n = ring.size() - 1; // distinct vertices; the last repeats the first
        for (int i = 0; i < n; i++) {
            double[] prev = ring.get((i - 1 + n) % n);
            double[] cur = ring.get(i);
            double[] next = ring.get((i + 1) % n);
            double ax = prev[0] - cur[0];
            double ay = prev[1] - cur[1];
            double bx = next[0] - cur[0];
            double by = next[1] - cur[1];
            double la = Math.hypot(ax, ay);
            double lb = Math.hypot(bx, by);
            if (la == 0 || lb == 0) {
                continue;
            }
            double cross = (ax * by - ay * bx) / (la * lb);
            double dot = (ax * bx + ay * by) / (la * lb);
            // Both neighbours in the same direction from this vertex, within about 0.06 degrees.
            if (dot > 0 && Math.abs(cross) < 1e-3) {
                return i;
            }
        }
        return -1;
    }

    private static int nearest(List<double[]> ring, Coordinate c) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int i = 0; i < ring.size(); i++) {
            double d = Math.hypot(ring.get(i)[0] - c.x, ring.get(i)[1] - c.y);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
