package com.vibotaj.tracehub.eudr.internal.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vibotaj.tracehub.eudr.internal.geojson.GeoJsonReport.Issue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every EC rejection cause of reference data §3.1 (1)-(14), the valid shapes, and every repair. */
class GeoJsonValidatorTests {

    private final GeoJsonValidator validator =
            new GeoJsonValidator(Set.of("NG", "GH", "CI", "CM"), CountryBoxes.bundled());

    // A square of about 4.9 ha in Idanre, Ondo State (Nigeria), counter-clockwise, closed.
    static final String SQUARE =
            "[[6.700000,7.150000],[6.702000,7.150000],[6.702000,7.152000],[6.700000,7.152000],[6.700000,7.150000]]";
    static final String PROPS =
            "{\"ProducerName\":\"Adebayo Farms\",\"ProducerCountry\":\"NG\",\"ProductionPlace\":\"Idanre plot 7\"}";

    static String feature(String properties, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String polygon(String ring) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}";
    }

    static String point(String position) {
        return "{\"type\":\"Point\",\"coordinates\":" + position + "}";
    }

    GeoJsonReport check(String text) {
        return validator.validate(text.getBytes(StandardCharsets.UTF_8));
    }

    GeoJsonReport revalidateRepaired(GeoJsonReport report) {
        assertThat(report.repaired()).as("a repaired file").isNotNull();
        return check(report.repaired().toString());
    }

    static Issue only(GeoJsonReport report, String code) {
        List<Issue> matching =
                report.issues().stream().filter(i -> i.code().equals(code)).toList();
        assertThat(matching).as("issues %s", report.issues()).hasSize(1);
        return matching.get(0);
    }

    static List<String> errorCodes(GeoJsonReport report) {
        return report.issues().stream()
                .filter(i -> i.severity().equals(GeoJsonReport.ERROR))
                .map(Issue::code)
                .toList();
    }

    // ---- valid files ----

    @Test
    void acceptsAPointAPolygonAMultiPolygonAndAFeatureCollectionWithTheirPlots() {
        String multi = "{\"type\":\"MultiPolygon\",\"coordinates\":[[" + SQUARE
                + "],[[[6.710000,7.150000],[6.712000,7.150000],"
                + "[6.712000,7.152000],[6.710000,7.152000],[6.710000,7.150000]]]]}";
        GeoJsonReport report = check(collection(
                feature(PROPS, point("[6.700123,7.150456]")),
                feature(PROPS, polygon(SQUARE)),
                feature(PROPS, multi),
                feature(PROPS, "{\"type\":\"MultiPoint\",\"coordinates\":[[6.700123,7.150456],[6.701123,7.151456]]}"),
                feature(
                        PROPS,
                        "{\"type\":\"GeometryCollection\",\"geometries\":[" + point("[6.700123,7.150456]") + ","
                                + polygon(SQUARE) + "]}")));
        assertThat(report.valid()).as("%s", report.issues()).isTrue();
        assertThat(report.issues()).isEmpty();
        assertThat(report.repairs()).isEmpty();
        assertThat(report.repaired()).isNull();
        assertThat(report.plots()).hasSize(5);
        assertThat(report.plots().get(0).geometryType()).isEqualTo("Point");
        assertThat(report.plots().get(1).computedAreaHa()).isCloseTo(4.9, within(0.2));
        assertThat(report.plots().get(2).computedAreaHa()).isCloseTo(9.8, within(0.4));
        assertThat(report.plots().get(1).producerName()).isEqualTo("Adebayo Farms");
        assertThat(report.plots().get(1).productionPlace()).isEqualTo("Idanre plot 7");
    }

    @Test
    void acceptsABareGeometryAndASingleFeature() {
        assertThat(check(polygon(SQUARE)).valid()).isTrue();
        GeoJsonReport bare = check(polygon(SQUARE));
        // No properties: the producer is missing, which is advisory for the EU system.
        assertThat(bare.issues()).extracting(Issue::code).containsOnly("missing-property");
        assertThat(check(feature(PROPS, polygon(SQUARE))).issues()).isEmpty();
    }

    @Test
    void geodesicAreaOfAKnownSquareMatchesTheSphericalFormula() {
        // A 0.01 degree square at 7 degrees north: exactly R^2 * dLon * (sin(lat2) - sin(lat1)) on the sphere.
        List<double[]> ring = List.of(
                new double[] {7.0, 7.0}, new double[] {7.01, 7.0}, new double[] {7.01, 7.01}, new double[] {7.0, 7.01});
        double r = GeodesicArea.EARTH_RADIUS_M;
        double exact = r * r * Math.toRadians(0.01) * (Math.sin(Math.toRadians(7.01)) - Math.sin(Math.toRadians(7.0)));
        assertThat(GeodesicArea.squareMetres(ring)).isCloseTo(exact, within(0.01));
        // About 1,104 m x 1,112 m: 122.8 ha (a planar degree area would be meaningless).
        assertThat(GeodesicArea.hectares(ring)).isCloseTo(122.8, within(0.3));
        // Orientation does not matter; a degenerate ring has no area.
        assertThat(GeodesicArea.squareMetres(List.of(ring.get(3), ring.get(2), ring.get(1), ring.get(0))))
                .isCloseTo(exact, within(0.01));
        assertThat(GeodesicArea.squareMetres(List.of(ring.get(0), ring.get(1)))).isZero();
    }

    // ---- (1) edges crossing ----

    @Test
    void edgesCrossingEachOtherAreFoundWithTheirPosition() {
        String bowtie =
                "[[6.700000,7.150000],[6.702000,7.152000],[6.702000,7.150000],[6.700000,7.152000],[6.700000,7.150000]]";
        GeoJsonReport report = check(collection(feature(PROPS, polygon(bowtie))));
        assertThat(report.valid()).isFalse();
        Issue issue = only(report, "self-intersection");
        assertThat(issue.feature()).isEqualTo(1);
        assertThat(issue.position()).startsWith("ring 1, near vertex");
        assertThat(issue.message())
                .contains("Feature 1 (ProductionPlace \"Idanre plot 7\")")
                .contains("[6.701, 7.151]");
        assertThat(report.repaired()).isNull();
    }

    // ---- (2) spikes ----

    @Test
    void aSpikeIsAnInwardOrOutwardFoldAtANamedVertex() {
        String spike = "[[6.700000,7.150000],[6.702000,7.150000],[6.705000,7.150000],[6.702000,7.150000],"
                + "[6.702000,7.152000],[6.700000,7.152000],[6.700000,7.150000]]";
        GeoJsonReport report = check(feature(PROPS, polygon(spike)));
        Issue issue = only(report, "spike");
        assertThat(issue.position()).isEqualTo("ring 1, vertex 3");
        assertThat(issue.message()).contains("[6.705, 7.15]");
        assertThat(report.valid()).isFalse();
    }

    // ---- (3) holes ----

    @Test
    void innerRingsAreRejectedAsHoles() {
        String withHole = "{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE
                + ",[[6.7005,7.1505],[6.7010,7.1505],[6.7010,7.1510],[6.7005,7.1505]]]}";
        GeoJsonReport report = check(feature(PROPS, withHole));
        Issue issue = only(report, "hole");
        assertThat(issue.position()).isEqualTo("ring 2");
        assertThat(issue.message()).contains("separate polygons");
        assertThat(report.valid()).isFalse();
    }

    // ---- (4) open rings, with the closing repair ----

    @Test
    void anOpenRingIsReportedAndClosedInTheRepairedCopy() {
        // The input is never changed: the repair works on a copy.
        String open = "[[6.700000,7.150000],[6.702000,7.150000],[6.702000,7.152000],[6.700000,7.152000]]";
        String input = collection(feature(PROPS, polygon(open)));
        GeoJsonReport report = check(input);
        Issue issue = only(report, "open-ring");
        assertThat(issue.repairable()).isTrue();
        assertThat(issue.position()).isEqualTo("ring 1");
        assertThat(report.valid()).isFalse();
        assertThat(report.repairs()).extracting(GeoJsonReport.Repair::code).containsExactly("close-ring");
        GeoJsonReport repaired = revalidateRepaired(report);
        assertThat(repaired.valid()).as("%s", repaired.issues()).isTrue();
        assertThat(repaired.plots().get(0).computedAreaHa()).isCloseTo(4.9, within(0.2));
        // Nothing is applied silently: the plot list of the invalid file is empty.
        assertThat(report.plots()).isEmpty();
    }

    // ---- (5) lines ----

    @Test
    void lineStringsAndMultiLineStringsAreRejected() {
        GeoJsonReport report = check(collection(
                feature(PROPS, "{\"type\":\"LineString\",\"coordinates\":[[6.7,7.15],[6.71,7.16]]}"),
                feature(PROPS, "{\"type\":\"MultiLineString\",\"coordinates\":[[[6.7,7.15],[6.71,7.16]]]}")));
        assertThat(errorCodes(report)).containsExactly("line-geometry", "line-geometry");
        assertThat(report.issues().get(1).feature()).isEqualTo(2);
        assertThat(report.issues().get(1).message()).contains("MultiLineString");
    }

    // ---- (6) collinear ----

    @Test
    void aPolygonOnAStraightLineHasNoAreaAndIsRejected() {
        String line =
                "[[6.700000,7.150000],[6.701000,7.151000],[6.702000,7.152000],[6.703000,7.153000],[6.700000,7.150000]]";
        GeoJsonReport report = check(feature(PROPS, polygon(line)));
        assertThat(errorCodes(report)).containsExactly("collinear");
    }

    // ---- (7) duplicates after rounding ----

    @Test
    void consecutiveDuplicatesAfterRoundingToSixDecimalsAreDroppedInTheRepair() {
        String dup = "[[6.700000,7.150000],[6.702000,7.150000],[6.7020000004,7.1500000001],[6.702000,7.152000],"
                + "[6.700000,7.152000],[6.700000,7.150000]]";
        GeoJsonReport report = check(feature(PROPS, polygon(dup)));
        Issue issue = only(report, "duplicate-vertex");
        assertThat(issue.position()).isEqualTo("ring 1, vertex 3");
        assertThat(report.repairs())
                .extracting(GeoJsonReport.Repair::code)
                .contains("round-6-decimals", "drop-duplicate");
        GeoJsonReport repaired = revalidateRepaired(report);
        assertThat(repaired.valid()).isTrue();
        assertThat(repaired.repaired()).as("nothing left to repair").isNull();
    }

    @Test
    void moreThanSixDecimalsAreRoundedAsAProposalWithoutMakingTheFileInvalid() {
        GeoJsonReport report = check(feature(PROPS, point("[6.70012345,7.15045678]")));
        assertThat(report.valid()).isTrue();
        assertThat(report.repairs()).extracting(GeoJsonReport.Repair::code).containsExactly("round-6-decimals");
        assertThat(report.repaired().at("/geometry/coordinates/0").decimalValue())
                .isEqualByComparingTo("6.700123");
    }

    @Test
    void fewerThanSixDecimalsIsAnAdvisory() {
        GeoJsonReport report = check(feature(PROPS, point("[6.7,7.15]")));
        assertThat(report.valid()).isTrue();
        Issue issue = only(report, "precision");
        assertThat(issue.severity()).isEqualTo(GeoJsonReport.ADVISORY);
    }

    // ---- (8) JSON syntax ----

    @Test
    void aJsonSyntaxErrorIsReportedWithLineAndColumn() {
        GeoJsonReport report = check("{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",,}]}");
        Issue issue = only(report, "json-syntax");
        assertThat(issue.position()).isEqualTo("line 3, column 19");
        assertThat(issue.message()).startsWith("JSON syntax error at line 3, column 19");
        assertThat(report.valid()).isFalse();
    }

    // ---- (9) property names ----

    @Test
    void misspelledOrWronglyCasedPropertyNamesAreFlaggedWithTheRightSpellingAndRenamedInTheRepair() {
        String props =
                "{\"producerName\":\"A\",\"Producer_Country\":\"NG\",\"ProductionPlce\":\"Idanre\",\"area\":3,\"Colour\":\"red\"}";
        GeoJsonReport report = check(feature(props, point("[6.700123,7.150456]")));
        assertThat(report.issues())
                .filteredOn(i -> i.code().equals("property-name"))
                .extracting(Issue::message)
                .containsExactlyInAnyOrder(
                        "Feature 1, property \"producerName\", has property \"producerName\"; the EU system only reads \"ProducerName\" (names are case-sensitive).",
                        "Feature 1, property \"Producer_Country\", has property \"Producer_Country\"; the EU system only reads \"ProducerCountry\" (names are case-sensitive).",
                        "Feature 1, property \"ProductionPlce\", has property \"ProductionPlce\"; the EU system only reads \"ProductionPlace\" (names are case-sensitive).",
                        "Feature 1, property \"area\", has property \"area\"; the EU system only reads \"Area\" (names are case-sensitive).");
        assertThat(report.valid()).isFalse();
        GeoJsonReport repaired = revalidateRepaired(report);
        assertThat(repaired.valid()).as("%s", repaired.issues()).isTrue();
        assertThat(repaired.plots().get(0).producerName()).isEqualTo("A");
        assertThat(repaired.plots().get(0).producerCountry()).isEqualTo("NG");
        assertThat(repaired.plots().get(0).declaredAreaHa()).isEqualByComparingTo("3");
    }

    // ---- (10) not JSON ----

    @Test
    void aFileThatIsNotJsonIsRejected() {
        assertThat(only(check("lon,lat\n6.7,7.15\n"), "not-json").message()).contains("CSV");
        assertThat(only(check("<?xml version=\"1.0\"?><kml/>"), "not-json").message())
                .contains("XML");
        assertThat(errorCodes(check(""))).containsExactly("not-json");
        assertThat(errorCodes(check("[1,2]"))).containsExactly("invalid-type");
        assertThat(errorCodes(check("{\"type\":\"Circle\"}"))).containsExactly("invalid-type");
    }

    // ---- (11) out of range ----

    @Test
    void coordinatesOutOfRangeAreRejectedWithAHintWhenLatitudeAndLongitudeLookSwapped() {
        GeoJsonReport report = check(feature(PROPS, point("[7.150456,95.123456]")));
        Issue issue = only(report, "out-of-range");
        assertThat(issue.message()).contains("outside the valid range").contains("look swapped");
        assertThat(only(check(feature(PROPS, point("[200.123456,95.150456]"))), "out-of-range")
                        .message())
                .doesNotContain("swapped");
    }

    @Test
    void latitudeAndLongitudeSwappedIntoTheDeclaredCountryAreRepaired() {
        // Someone in Ghana writes [lat, lon]: [6.688000, -1.624000] lies in the sea off Gabon, not in Ghana.
        String gh = "{\"ProducerName\":\"Kumasi Co-op\",\"ProducerCountry\":\"GH\"}";
        GeoJsonReport report = check(feature(gh, point("[6.688000,-1.624000]")));
        Issue issue = only(report, "swapped-coordinates");
        assertThat(issue.repairable()).isTrue();
        assertThat(report.valid()).isFalse();
        GeoJsonReport repaired = revalidateRepaired(report);
        assertThat(repaired.valid()).isTrue();
        assertThat(repaired.repaired()).isNull();
        assertThat(report.repaired().at("/geometry/coordinates/0").doubleValue())
                .isEqualTo(-1.624);
    }

    @Test
    void aPlotOutsideItsCountryWithoutASwapThatHelpsIsOnlyAnAdvisory() {
        String ci = "{\"ProducerName\":\"X\",\"ProducerCountry\":\"CI\"}";
        GeoJsonReport report = check(feature(ci, point("[6.700123,7.150456]"))); // Nigeria
        assertThat(report.valid()).isTrue();
        assertThat(only(report, "outside-country").severity()).isEqualTo(GeoJsonReport.ADVISORY);
    }

    // ---- (12) country codes ----

    @Test
    void invalidIsoCountryCodesAreRejectedAndWrongCaseIsRepaired() {
        assertThat(only(
                                check(feature(
                                        "{\"ProducerName\":\"A\",\"ProducerCountry\":\"UK\"}",
                                        point("[-1.500123,52.500456]"))),
                                "country-code")
                        .message())
                .contains("The United Kingdom is GB");
        assertThat(only(
                                check(feature(
                                        "{\"ProducerName\":\"A\",\"ProducerCountry\":\"NGA\"}",
                                        point("[6.700123,7.150456]"))),
                                "country-code")
                        .repairable())
                .isFalse();
        GeoJsonReport lower =
                check(feature("{\"ProducerName\":\"A\",\"ProducerCountry\":\"ng\"}", point("[6.700123,7.150456]")));
        assertThat(only(lower, "country-code").message()).contains("Did you mean \"NG\"");
        assertThat(revalidateRepaired(lower).plots().get(0).producerCountry()).isEqualTo("NG");
        // Any code Java knows counts even when reference data does not list it (Brazil).
        assertThat(check(feature(
                                "{\"ProducerName\":\"A\",\"ProducerCountry\":\"BR\"}",
                                point("[-47.900123,-15.800456]")))
                        .valid())
                .isTrue();
    }

    // ---- (13) unreadable ----

    @Test
    void pdfZipEncryptedOfficeAndBinaryFilesAreUnreadable() {
        assertThat(only(validator.validate("%PDF-1.7 ...".getBytes(StandardCharsets.ISO_8859_1)), "unreadable")
                        .message())
                .contains("PDF");
        assertThat(only(validator.validate(new byte[] {'P', 'K', 3, 4, 20, 0}), "unreadable")
                        .message())
                .contains("ZIP");
        assertThat(only(
                                validator.validate(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}),
                                "unreadable")
                        .message())
                .contains("password-protected");
        assertThat(errorCodes(validator.validate(new byte[] {'{', 0, 1, 2}))).containsExactly("unreadable");
        assertThat(errorCodes(validator.validate(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'})))
                .containsExactly("unreadable");
    }

    @Test
    void filesOverTwentyFiveMegabytesAreRefused() {
        byte[] big = new byte[(int) GeoJsonValidator.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(errorCodes(validator.validate(big))).containsExactly("too-large");
    }

    // ---- (14) strings for numbers, nested points ----

    @Test
    void numericStringsAreRejectedAndConvertedInTheRepair() {
        String props = "{\"ProducerName\":\"A\",\"ProducerCountry\":\"NG\",\"Area\":\"3.5\"}";
        GeoJsonReport report = check(feature(props, point("[\"6.700123\",7.150456]")));
        assertThat(errorCodes(report)).containsExactly("string-number", "string-number");
        assertThat(report.issues().get(0).repairable()).isTrue();
        GeoJsonReport repaired = revalidateRepaired(report);
        assertThat(repaired.valid()).isTrue();
        assertThat(repaired.plots().get(0).declaredAreaHa()).isEqualByComparingTo("3.5");
        // A non-numeric string cannot be repaired.
        GeoJsonReport words = check(feature(PROPS, point("[\"six\",7.150456]")));
        assertThat(only(words, "string-number").repairable()).isFalse();
        assertThat(words.repaired()).isNull();
    }

    @Test
    void aPointGivenAsAnArrayOfArraysIsRejectedAndUnnestedWhenItHoldsOnePosition() {
        GeoJsonReport report = check(feature(PROPS, point("[[6.700123,7.150456]]")));
        Issue issue = only(report, "point-nested-array");
        assertThat(issue.repairable()).isTrue();
        assertThat(revalidateRepaired(report).valid()).isTrue();
        assertThat(only(check(feature(PROPS, point("[[6.700123,7.150456],[6.7,7.1]]"))), "point-nested-array")
                        .repairable())
                .isFalse();
    }

    // ---- area rule ----

    @Test
    void aPointWithAreaOverFourHectaresMustBeAPolygon() {
        String big = "{\"ProducerName\":\"A\",\"ProducerCountry\":\"NG\",\"Area\":4.5}";
        Issue issue = only(check(feature(big, point("[6.700123,7.150456]"))), "point-over-4ha");
        assertThat(issue.message()).contains("4.5 ha").contains("polygon");
        String four = "{\"ProducerName\":\"A\",\"ProducerCountry\":\"NG\",\"Area\":4}";
        assertThat(check(feature(four, point("[6.700123,7.150456]"))).valid()).isTrue();
        // Without Area a point counts as 4 ha: valid.
        assertThat(check(feature(PROPS, point("[6.700123,7.150456]"))).valid()).isTrue();
    }

    @Test
    void aDeclaredAreaFarFromTheMeasuredOneIsAnAdvisory() {
        String declared = "{\"ProducerName\":\"A\",\"ProducerCountry\":\"NG\",\"Area\":12}";
        GeoJsonReport report = check(feature(declared, polygon(SQUARE)));
        assertThat(report.valid()).isTrue();
        assertThat(only(report, "area-mismatch").message()).contains("12 ha").contains("4.9");
        String close = "{\"ProducerName\":\"A\",\"ProducerCountry\":\"NG\",\"Area\":4.9}";
        assertThat(check(feature(close, polygon(SQUARE))).issues()).isEmpty();
    }

    // ---- structure ----

    @Test
    void structuralMistakesNameTheFeature() {
        GeoJsonReport report = check(collection(
                feature(PROPS, polygon(SQUARE)),
                "{\"type\":\"Feature\",\"properties\":{}}",
                feature(PROPS, "{\"type\":\"Polygon\",\"coordinates\":[[6.7,7.15],[6.71,7.15]]}"),
                feature(PROPS, polygon("[[6.700000,7.150000],[6.702000,7.150000],[6.700000,7.150000]]"))));
        assertThat(report.issues())
                .filteredOn(i -> i.severity().equals(GeoJsonReport.ERROR))
                .extracting(Issue::feature, Issue::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "missing-geometry"),
                        org.assertj.core.groups.Tuple.tuple(3, "invalid-geometry"),
                        org.assertj.core.groups.Tuple.tuple(4, "too-few-positions"));
        assertThat(report.plots()).extracting(GeoJsonReport.Plot::index).containsExactly(1);
        assertThat(errorCodes(check("{\"type\":\"FeatureCollection\",\"features\":[]}")))
                .containsExactly("no-features");
    }
}
