package com.vibotaj.tracehub.compliance.internal.rules;

import static com.vibotaj.tracehub.compliance.internal.Fixtures.CONTAINER;
import static com.vibotaj.tracehub.compliance.internal.Fixtures.CONTAINER_2;
import static com.vibotaj.tracehub.compliance.internal.Fixtures.context;
import static com.vibotaj.tracehub.compliance.internal.Fixtures.doc;
import static com.vibotaj.tracehub.compliance.internal.Fixtures.good;
import static com.vibotaj.tracehub.compliance.internal.Fixtures.shipment;
import static com.vibotaj.tracehub.compliance.internal.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.compliance.internal.Fixtures;
import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule passes on good input, fails on bad input, and names the field when its input is missing. */
class RuleTests {

    static final ShipmentFacts.Facts COCOA = shipment("cocoa_beans");
    static final ShipmentFacts.Facts HORN = shipment("horn_hoof");

    static List<String> check(Rule rule, ShipmentDocument d, RuleContext c) {
        return rule.check(d, c);
    }

    static DocumentMetadata base(String type, String ref, LocalDate issued, LocalDate expiry, String issuer) {
        return new DocumentMetadata(ref, issued, expiry, issuer, good(type).fields());
    }

    @Test
    void catalogueIdsAreUniqueAndSeveritiesAreAsSpecified() {
        assertThat(RuleCatalogue.ALL)
                .extracting(Rule::id)
                .doesNotHaveDuplicates()
                .hasSize(12);
        assertThat(RuleCatalogue.ALL.stream()
                        .filter(r -> r.severity() == Severity.ADVISORY)
                        .map(Rule::id))
                .containsExactlyInAnyOrder(
                        "DOC-EXPIRY-SOON",
                        "VET-ISSUER-AUTHORITY",
                        "COO-EXPORT-COUNTRY",
                        "QUALITY-MOISTURE",
                        "XD-WEIGHTS");
    }

    @Nested
    class ReferenceNumber {
        final Rule rule = new ReferenceNumberPresent();

        @Test
        void passesWithANumber() {
            assertThat(check(rule, doc("bill_of_lading", good("bill_of_lading")), context(COCOA)))
                    .isEmpty();
        }

        @Test
        void failsWhenBlankAndSaysWhatToFillIn() {
            DocumentMetadata m = good("bill_of_lading");
            DocumentMetadata blank = new DocumentMetadata(" ", m.issueDate(), null, m.issuer(), m.fields());
            assertThat(check(rule, doc("bill_of_lading", blank), context(COCOA)))
                    .singleElement()
                    .asString()
                    .contains("fill in the reference number");
        }
    }

    @Nested
    class IssueDate {
        final Rule rule = new IssueDateNotInFuture();

        @Test
        void passesTodayAndInThePast() {
            DocumentMetadata today = base("commercial_invoice", "INV-1", Fixtures.TODAY, null, "x");
            assertThat(check(rule, doc("commercial_invoice", today), context(COCOA)))
                    .isEmpty();
        }

        @Test
        void failsInTheFuture() {
            DocumentMetadata tomorrow = base("commercial_invoice", "INV-1", Fixtures.TODAY.plusDays(1), null, "x");
            assertThat(check(rule, doc("commercial_invoice", tomorrow), context(COCOA)))
                    .singleElement()
                    .asString()
                    .contains("in the future");
        }

        @Test
        void missingDateIsAFindingNotASilentPass() {
            DocumentMetadata none = base("commercial_invoice", "INV-1", null, null, "x");
            assertThat(check(rule, doc("commercial_invoice", none), context(COCOA)))
                    .singleElement()
                    .asString()
                    .contains("fill in the issue date");
        }
    }

    @Nested
    class Expiry {
        final Rule rule = new NotExpiredAtDeparture();

        @Test
        void passesWhenValidAtDeparture() {
            DocumentMetadata m =
                    base("phytosanitary_certificate", "P-1", Fixtures.TODAY, LocalDate.of(2026, 12, 1), "x");
            assertThat(check(rule, doc("phytosanitary_certificate", m), context(COCOA)))
                    .isEmpty();
        }

        @Test
        void failsWhenValidTodayButExpiredAtTheEtd() {
            DocumentMetadata m =
                    base("phytosanitary_certificate", "P-1", Fixtures.TODAY, LocalDate.of(2026, 11, 30), "x");
            assertThat(check(rule, doc("phytosanitary_certificate", m), context(COCOA)))
                    .singleElement()
                    .asString()
                    .contains("expired on 2026-11-30, before departure (2026-12-01)");
        }

        @Test
        void withoutAnEtdTodayDecides() {
            ShipmentFacts.Facts noEtd = shipment("cocoa_beans", null, null);
            DocumentMetadata yesterday = base(
                    "phytosanitary_certificate", "P-1", Fixtures.TODAY.minusDays(30), Fixtures.TODAY.minusDays(1), "x");
            DocumentMetadata todayOk =
                    base("phytosanitary_certificate", "P-1", Fixtures.TODAY.minusDays(30), Fixtures.TODAY, "x");
            assertThat(check(rule, doc("phytosanitary_certificate", yesterday), context(noEtd)))
                    .singleElement()
                    .asString()
                    .contains("before today");
            assertThat(check(rule, doc("phytosanitary_certificate", todayOk), context(noEtd)))
                    .isEmpty();
        }

        @Test
        void missingExpiryDateIsAFinding() {
            DocumentMetadata m = base("phytosanitary_certificate", "P-1", Fixtures.TODAY, null, "x");
            assertThat(check(rule, doc("phytosanitary_certificate", m), context(COCOA)))
                    .singleElement()
                    .asString()
                    .contains("fill in the expiry date");
        }
    }

    @Nested
    class ExpirySoon {
        final Rule rule = new ExpiresSoon();

        List<String> expiringIn(int days) {
            DocumentMetadata m =
                    base("phytosanitary_certificate", "P-1", Fixtures.TODAY, Fixtures.TODAY.plusDays(days), "x");
            return check(rule, doc("phytosanitary_certificate", m), context(COCOA));
        }

        @Test
        void gradesTheWarningByThreshold() {
            assertThat(expiringIn(31)).isEmpty();
            assertThat(expiringIn(30)).singleElement().asString().contains("within the 30-day warning");
            assertThat(expiringIn(15)).singleElement().asString().contains("within the 30-day warning");
            assertThat(expiringIn(14)).singleElement().asString().contains("within the 14-day warning");
            assertThat(expiringIn(7)).singleElement().asString().contains("within the 7-day warning");
            assertThat(expiringIn(0)).singleElement().asString().contains("0 days left");
        }

        @Test
        void anExpiredDocumentIsLeftToTheBlockingRule() {
            assertThat(expiringIn(-1)).isEmpty();
        }
    }

    @Nested
    class VetIssuedBeforeDepartureRule {
        final Rule rule = new VetIssuedBeforeDeparture();

        @Test
        void passesOnTheDayOfDeparture() {
            DocumentMetadata m = base("veterinary_health_certificate", "V-1", LocalDate.of(2026, 12, 1), null, "x");
            assertThat(check(rule, doc("veterinary_health_certificate", m), context(HORN)))
                    .isEmpty();
        }

        @Test
        void failsWhenIssuedAfterDeparture() {
            DocumentMetadata m = base("veterinary_health_certificate", "V-1", LocalDate.of(2026, 12, 2), null, "x");
            assertThat(check(rule, doc("veterinary_health_certificate", m), context(HORN)))
                    .singleElement()
                    .asString()
                    .contains("after departure on 2026-12-01");
        }

        @Test
        void theActualDepartureWinsOverTheEstimate() {
            ShipmentFacts.Facts sailedEarly = shipment(
                    "horn_hoof",
                    OffsetDateTime.parse("2026-12-05T08:00:00Z"),
                    OffsetDateTime.parse("2026-11-28T08:00:00Z"));
            DocumentMetadata m = base("veterinary_health_certificate", "V-1", LocalDate.of(2026, 11, 30), null, "x");
            assertThat(check(rule, doc("veterinary_health_certificate", m), context(sailedEarly)))
                    .singleElement()
                    .asString()
                    .contains("after departure on 2026-11-28");
        }

        @Test
        void withoutEtdItAsksForTheEtd() {
            DocumentMetadata m = base("veterinary_health_certificate", "V-1", LocalDate.of(2026, 11, 1), null, "x");
            assertThat(check(rule, doc("veterinary_health_certificate", m), context(shipment("horn_hoof", null, null))))
                    .singleElement()
                    .asString()
                    .contains("set the ETD");
        }
    }

    @Nested
    class VetIssuer {
        final Rule rule = new VetIssuerAuthority();

        List<String> issuedBy(String issuer, ShipmentFacts.Facts s) {
            DocumentMetadata m = base("veterinary_health_certificate", "V-1", Fixtures.TODAY, null, issuer);
            return check(rule, doc("veterinary_health_certificate", m), context(s));
        }

        @Test
        void passesForANationalAuthorityOfTheExportCountry() {
            assertThat(issuedBy("NVRI Vom, Plateau State", HORN)).isEmpty();
            assertThat(issuedBy("Federal Department of Veterinary Services", HORN))
                    .isEmpty();
        }

        @Test
        void warnsForAnythingElse() {
            assertThat(issuedBy("Lagos Livestock Traders Ltd", HORN))
                    .singleElement()
                    .asString()
                    .contains("does not look like a national veterinary authority of NG");
            assertThat(rule.severity()).isEqualTo(Severity.ADVISORY);
        }

        @Test
        void saysSoWhenNoAuthorityNamesAreOnFileForTheCountry() {
            ShipmentFacts.Facts fromGhana = new ShipmentFacts.Facts(
                    HORN.id(),
                    HORN.organizationId(),
                    null,
                    List.of(),
                    List.of(),
                    "R",
                    "horn_hoof",
                    HORN.status(),
                    "GHTEM",
                    "DEHAM",
                    HORN.etd(),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of());
            assertThat(issuedBy("Veterinary Services Directorate", fromGhana))
                    .singleElement()
                    .asString()
                    .contains("No veterinary authority names are on file for GH");
        }

        @Test
        void missingIssuerIsAFinding() {
            DocumentMetadata m = base("veterinary_health_certificate", "V-1", Fixtures.TODAY, null, null);
            assertThat(check(rule, doc("veterinary_health_certificate", m), context(HORN)))
                    .singleElement()
                    .asString()
                    .contains("fill in the issuing authority");
        }
    }

    @Nested
    class Traces {
        final Rule rule = new TracesNumberMatches();

        RuleContext withNumber(String number) {
            return new RuleContext(Fixtures.ruleSet(), HORN, Map.of(), number, Fixtures.TODAY);
        }

        @Test
        void passesWhenTheCertificateCarriesTheOrganisationsNumberLooselyWritten() {
            DocumentMetadata m =
                    with(good("eu_traces_certificate"), DocumentMetadata.TRACES_NUMBER, "ng traces 2026 0417");
            assertThat(check(rule, doc("eu_traces_certificate", m), withNumber(Fixtures.TRACES)))
                    .isEmpty();
        }

        @Test
        void failsForAnotherNumber() {
            DocumentMetadata m =
                    with(good("eu_traces_certificate"), DocumentMetadata.TRACES_NUMBER, "NG-TRACES-2025-0001");
            assertThat(check(rule, doc("eu_traces_certificate", m), withNumber(Fixtures.TRACES)))
                    .singleElement()
                    .asString()
                    .contains("not your organisation's NG-TRACES-2026-0417");
        }

        @Test
        void withoutTheOrganisationSettingItSaysWhatToDo() {
            RuleContext none = new RuleContext(Fixtures.ruleSet(), HORN, Map.of(), null, Fixtures.TODAY);
            assertThat(check(rule, doc("eu_traces_certificate", good("eu_traces_certificate")), none))
                    .singleElement()
                    .asString()
                    .contains("no TRACES registration number set")
                    .contains("organisation settings");
        }

        @Test
        void missingNumberOnTheCertificateIsAFinding() {
            DocumentMetadata m = with(good("eu_traces_certificate"), DocumentMetadata.TRACES_NUMBER, null);
            assertThat(check(rule, doc("eu_traces_certificate", m), withNumber(Fixtures.TRACES)))
                    .singleElement()
                    .asString()
                    .contains("fill in the TRACES number");
        }
    }

    @Nested
    class CertificateOfOrigin {
        final Rule rule = new OriginStatesExportCountry();

        @Test
        void passesForTheExportCountry() {
            DocumentMetadata m = with(good("certificate_of_origin"), DocumentMetadata.COUNTRY_OF_ORIGIN, "ng");
            assertThat(check(rule, doc("certificate_of_origin", m), context(COCOA)))
                    .isEmpty();
        }

        @Test
        void warnsForAnotherCountry() {
            DocumentMetadata m = with(good("certificate_of_origin"), DocumentMetadata.COUNTRY_OF_ORIGIN, "GH");
            assertThat(check(rule, doc("certificate_of_origin", m), context(COCOA)))
                    .singleElement()
                    .asString()
                    .contains("states origin GH, but the goods are exported from NG");
        }

        @Test
        void missingCountryIsAFinding() {
            DocumentMetadata m = with(good("certificate_of_origin"), DocumentMetadata.COUNTRY_OF_ORIGIN, null);
            assertThat(check(rule, doc("certificate_of_origin", m), context(COCOA)))
                    .singleElement()
                    .asString()
                    .contains("fill in the country of origin");
        }
    }

    @Nested
    class Moisture {
        final Rule rule = new MoistureBelowLimit();
        final ShipmentFacts.Facts pellets = shipment("sweet_potato_pellets");

        List<String> moisture(String value, ShipmentFacts.Facts s) {
            return check(
                    rule,
                    doc(
                            "quality_certificate",
                            with(good("quality_certificate"), DocumentMetadata.MOISTURE_PERCENT, value)),
                    context(s));
        }

        @Test
        void passesBelowTheLimit() {
            assertThat(moisture("12.9", pellets)).isEmpty();
        }

        @Test
        void warnsAtOrAboveTheLimit() {
            assertThat(moisture("13", pellets))
                    .singleElement()
                    .asString()
                    .contains("not below the product's limit of 13 %");
            assertThat(moisture("14.2", pellets)).hasSize(1);
        }

        @Test
        void productsWithoutALimitHaveNothingToCheck() {
            assertThat(moisture("20", COCOA)).isEmpty();
        }

        @Test
        void missingOrUnreadableMoistureIsAFinding() {
            assertThat(moisture(null, pellets)).singleElement().asString().contains("fill in the moisture %");
            assertThat(moisture("wet", pellets)).singleElement().asString().contains("unreadable moisture (wet)");
        }
    }

    @Nested
    class Containers {
        final Rule rule = new ContainersAgree();

        List<String> listing(String type, String containers, ShipmentFacts.Facts s, ShipmentDocument... others) {
            return check(
                    rule,
                    doc(type, with(good(type), DocumentMetadata.CONTAINER_NUMBERS, containers)),
                    context(s, others));
        }

        @Test
        void passesWhenTheyMatchTheShipmentWhateverTheSpelling() {
            assertThat(listing("bill_of_lading", "csqu 305438-3", COCOA)).isEmpty();
            assertThat(listing("packing_list", CONTAINER, COCOA)).isEmpty();
        }

        @Test
        void failsForAContainerNotOnTheShipmentAndForOneLeftOut() {
            assertThat(listing("bill_of_lading", CONTAINER_2, COCOA))
                    .containsExactly(
                            "Bill of lading v1 lists container MRSU3452572, which is not on the shipment.",
                            "Bill of lading v1 does not list container CSQU3054383 of the shipment.");
        }

        @Test
        void aFumigationCertificateMayCoverSomeContainersButNoStrangers() {
            ShipmentFacts.Facts two = new ShipmentFacts.Facts(
                    COCOA.id(),
                    COCOA.organizationId(),
                    null,
                    List.of(),
                    List.of(),
                    "R",
                    "cocoa_beans",
                    COCOA.status(),
                    "NGAPP",
                    "DEHAM",
                    COCOA.etd(),
                    null,
                    null,
                    null,
                    null,
                    List.of(CONTAINER, CONTAINER_2),
                    COCOA.productLines());
            assertThat(listing("fumigation_certificate", CONTAINER, two)).isEmpty();
            assertThat(listing("fumigation_certificate", "TGBU1234560", two)).hasSize(1);
        }

        @Test
        void withoutShipmentContainersTheBillOfLadingIsTheReference() {
            ShipmentFacts.Facts none = new ShipmentFacts.Facts(
                    COCOA.id(),
                    COCOA.organizationId(),
                    null,
                    List.of(),
                    List.of(),
                    "R",
                    "cocoa_beans",
                    COCOA.status(),
                    "NGAPP",
                    "DEHAM",
                    COCOA.etd(),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    COCOA.productLines());
            ShipmentDocument bl = doc("bill_of_lading", good("bill_of_lading"));
            assertThat(listing("packing_list", CONTAINER, none, bl)).isEmpty();
            assertThat(listing("packing_list", CONTAINER_2, none, bl))
                    .first()
                    .asString()
                    .contains("not on the bill of lading");
            assertThat(listing("packing_list", CONTAINER, none))
                    .singleElement()
                    .asString()
                    .contains("add the containers to the shipment");
        }

        @Test
        void missingContainerNumbersIsAFinding() {
            assertThat(check(
                            rule,
                            doc("packing_list", with(good("packing_list"), DocumentMetadata.CONTAINER_NUMBERS, null)),
                            context(COCOA)))
                    .singleElement()
                    .asString()
                    .contains("fill in the container numbers");
        }
    }

    @Nested
    class HsCodes {
        final Rule rule = new HsCodesAgree();

        List<String> stating(String type, String codes) {
            return check(rule, doc(type, with(good(type), DocumentMetadata.HS_CODES, codes)), context(COCOA));
        }

        @Test
        void agreesByPrefixAtAnyPrecision() {
            assertThat(stating("certificate_of_origin", "1801")).isEmpty();
            assertThat(stating("commercial_invoice", "1801.00.00")).isEmpty();
            assertThat(stating("bill_of_lading", "180100")).isEmpty();
        }

        @Test
        void failsForAnotherHeadingOrSubheading() {
            assertThat(stating("commercial_invoice", "0901"))
                    .singleElement()
                    .asString()
                    .contains("states HS code 0901");
            assertThat(stating("commercial_invoice", "180200")).hasSize(1);
        }

        @Test
        void missingCodesIsAFinding() {
            assertThat(check(
                            rule,
                            doc(
                                    "commercial_invoice",
                                    with(good("commercial_invoice"), DocumentMetadata.HS_CODES, null)),
                            context(COCOA)))
                    .singleElement()
                    .asString()
                    .contains("fill in the HS codes");
        }
    }

    @Nested
    class Weights {
        final Rule rule = new WeightsAgree();

        List<String> weighing(String type, String key, String kg) {
            DocumentMetadata m = with(
                    with(good(type), DocumentMetadata.GROSS_WEIGHT_KG, null), DocumentMetadata.NET_WEIGHT_KG, null);
            return check(rule, doc(type, with(m, key, kg)), context(COCOA));
        }

        @Test
        void passesWithinFivePercent() {
            assertThat(weighing("bill_of_lading", DocumentMetadata.GROSS_WEIGHT_KG, "25700"))
                    .isEmpty(); // +4.9 %
            assertThat(weighing("commercial_invoice", DocumentMetadata.NET_WEIGHT_KG, "22800"))
                    .isEmpty(); // -5 %
        }

        @Test
        void warnsBeyondFivePercentComparingLikeWithLike() {
            assertThat(weighing("packing_list", DocumentMetadata.GROSS_WEIGHT_KG, "26000"))
                    .singleElement()
                    .asString()
                    .contains("gross weight 26000 kg")
                    .contains("says 24500 kg (off by 6.1 %");
            assertThat(weighing("commercial_invoice", DocumentMetadata.NET_WEIGHT_KG, "20000"))
                    .hasSize(1);
        }

        @Test
        void missingWeightsIsAFinding() {
            DocumentMetadata m = with(
                    with(good("packing_list"), DocumentMetadata.GROSS_WEIGHT_KG, null),
                    DocumentMetadata.NET_WEIGHT_KG,
                    null);
            assertThat(check(rule, doc("packing_list", m), context(COCOA)))
                    .singleElement()
                    .asString()
                    .contains("fill in the gross or net weight");
        }
    }
}
