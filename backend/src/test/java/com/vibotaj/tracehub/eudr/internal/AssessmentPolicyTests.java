package com.vibotaj.tracehub.eudr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.eudr.EudrAssessment;
import com.vibotaj.tracehub.eudr.EudrAssessment.ChecklistItem;
import com.vibotaj.tracehub.eudr.internal.EudrStore.StoredDds;
import com.vibotaj.tracehub.eudr.internal.EudrStore.StoredOrigin;
import com.vibotaj.tracehub.shipments.ShipmentFacts.Facts;
import com.vibotaj.tracehub.shipments.ShipmentFacts.ProductLineFact;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Every checklist rule, pass and fail, and how status and risk follow. */
class AssessmentPolicyTests {

    static final LocalDate CUT_OFF = LocalDate.of(2020, 12, 31);
    static final Map<String, String> RISK = Map.of("NG", "standard", "DE", "low", "XX", "high");
    static final Set<String> COUNTRIES = Set.of("NG", "DE", "XX", "BR");
    static final UUID OWNER = UUID.randomUUID();

    static Facts facts(ShipmentStatus status, @Nullable BigDecimal netWeight) {
        return new Facts(
                UUID.randomUUID(),
                OWNER,
                UUID.randomUUID(),
                List.of(),
                List.of(),
                "OVA-1",
                "cocoa_beans",
                status,
                "NGAPP",
                "DEHAM",
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(new ProductLineFact(1, "180100", "Cocoa", netWeight, null, null, null)));
    }

    static StoredOrigin plot(
            @Nullable String name, @Nullable String country, @Nullable LocalDate start, List<Integer> lines) {
        return new StoredOrigin(
                UUID.randomUUID(),
                UUID.randomUUID(),
                OWNER,
                UUID.randomUUID(),
                OWNER,
                name,
                country,
                "Idanre",
                null,
                BigDecimal.ZERO,
                1,
                "Point",
                "{}",
                start,
                start,
                List.of(),
                Instant.now(),
                lines);
    }

    static StoredOrigin good() {
        return plot("Adebayo", "NG", LocalDate.of(2025, 10, 1), List.of(1));
    }

    static StoredDds dds() {
        return new StoredDds(
                UUID.randomUUID(),
                UUID.randomUUID(),
                OWNER,
                null,
                "REF1",
                "VER1",
                Instant.now(),
                UUID.randomUUID(),
                OWNER,
                Instant.now(),
                null);
    }

    static EudrAssessment assess(Facts facts, List<StoredOrigin> plots, List<StoredDds> dds) {
        return assess(facts, plots, plots.stream().map(StoredOrigin::id).collect(Collectors.toSet()), dds);
    }

    static EudrAssessment assess(Facts facts, List<StoredOrigin> plots, Set<UUID> valid, List<StoredDds> dds) {
        return AssessmentPolicy.assess(facts, plots, valid, dds, CUT_OFF, RISK, COUNTRIES::contains);
    }

    static String state(EudrAssessment a, String code) {
        return a.checklist().stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .orElseThrow()
                .state();
    }

    @Test
    void everythingPresentBeforeArrivalPassesWithTheCountryClassAndTheDdsPending() {
        EudrAssessment a = assess(facts(ShipmentStatus.IN_TRANSIT, BigDecimal.TEN), List.of(good()), List.of());
        assertThat(a.status()).isEqualTo(EudrAssessment.PASSED);
        assertThat(a.riskLevel()).isEqualTo("standard");
        assertThat(a.checklist())
                .extracting(ChecklistItem::code)
                .containsExactly(
                        "plots_present",
                        "geolocation_valid",
                        "lines_linked",
                        "production_after_cutoff",
                        "producer_identified",
                        "country_risk_known",
                        "net_weight_present",
                        "dds_reference_recorded");
        assertThat(state(a, "dds_reference_recorded")).isEqualTo(ChecklistItem.PENDING);
    }

    @Test
    void theRiskIsTheHighestCountryClassOfThePlots() {
        assertThat(assess(
                                facts(ShipmentStatus.DRAFT, BigDecimal.TEN),
                                List.of(plot("A", "DE", LocalDate.of(2024, 1, 1), List.of(1))),
                                List.of())
                        .riskLevel())
                .isEqualTo("low");
        assertThat(assess(
                                facts(ShipmentStatus.DRAFT, BigDecimal.TEN),
                                List.of(
                                        plot("A", "DE", LocalDate.of(2024, 1, 1), List.of(1)),
                                        plot("B", "XX", LocalDate.of(2024, 1, 1), List.of(1))),
                                List.of())
                        .riskLevel())
                .isEqualTo("high");
        // A country the benchmark does not list is standard.
        assertThat(assess(
                                facts(ShipmentStatus.DRAFT, BigDecimal.TEN),
                                List.of(plot("A", "BR", LocalDate.of(2024, 1, 1), List.of(1))),
                                List.of())
                        .riskLevel())
                .isEqualTo("standard");
    }

    @Test
    void noPlotsIsIncompleteAndHighRisk() {
        EudrAssessment a = assess(facts(ShipmentStatus.DRAFT, BigDecimal.TEN), List.of(), List.of());
        assertThat(a.status()).isEqualTo(EudrAssessment.INCOMPLETE);
        assertThat(a.riskLevel()).isEqualTo("high");
        assertThat(state(a, "plots_present")).isEqualTo(ChecklistItem.MISSING);
    }

    @Test
    void aPlotFailingGeolocationFailsTheAssessmentAndRaisesTheRisk() {
        StoredOrigin p = good();
        EudrAssessment a = assess(facts(ShipmentStatus.DRAFT, BigDecimal.TEN), List.of(p), Set.of(), List.of());
        assertThat(a.status()).isEqualTo(EudrAssessment.FAILED);
        assertThat(a.riskLevel()).isEqualTo("high");
        assertThat(state(a, "geolocation_valid")).isEqualTo(ChecklistItem.FAILED);
    }

    @Test
    void productionMustStartAfterTheCutOffAndBeDated() {
        Facts f = facts(ShipmentStatus.DRAFT, BigDecimal.TEN);
        assertThat(state(
                        assess(f, List.of(plot("A", "NG", CUT_OFF, List.of(1))), List.of()), "production_after_cutoff"))
                .isEqualTo(ChecklistItem.FAILED);
        assertThat(state(
                        assess(f, List.of(plot("A", "NG", CUT_OFF.plusDays(1), List.of(1))), List.of()),
                        "production_after_cutoff"))
                .isEqualTo(ChecklistItem.SATISFIED);
        EudrAssessment undated = assess(f, List.of(plot("A", "NG", null, List.of(1))), List.of());
        assertThat(state(undated, "production_after_cutoff")).isEqualTo(ChecklistItem.MISSING);
        assertThat(undated.status()).isEqualTo(EudrAssessment.INCOMPLETE);
        assertThat(undated.riskLevel()).isEqualTo("high");
    }

    @Test
    void unlinkedLinesMissingProducersUnknownCountriesAndMissingWeightsAreIncomplete() {
        assertThat(state(
                        assess(
                                facts(ShipmentStatus.DRAFT, BigDecimal.TEN),
                                List.of(plot("A", "NG", LocalDate.of(2024, 1, 1), List.of())),
                                List.of()),
                        "lines_linked"))
                .isEqualTo(ChecklistItem.MISSING);
        EudrAssessment anonymous = assess(
                facts(ShipmentStatus.DRAFT, BigDecimal.TEN),
                List.of(plot(null, "NG", LocalDate.of(2024, 1, 1), List.of(1))),
                List.of());
        assertThat(state(anonymous, "producer_identified")).isEqualTo(ChecklistItem.MISSING);
        EudrAssessment nowhere = assess(
                facts(ShipmentStatus.DRAFT, BigDecimal.TEN),
                List.of(plot("A", null, LocalDate.of(2024, 1, 1), List.of(1))),
                List.of());
        assertThat(state(nowhere, "country_risk_known")).isEqualTo(ChecklistItem.MISSING);
        assertThat(nowhere.riskLevel()).isEqualTo("high");
        EudrAssessment weightless = assess(facts(ShipmentStatus.DRAFT, null), List.of(good()), List.of());
        assertThat(state(weightless, "net_weight_present")).isEqualTo(ChecklistItem.MISSING);
        assertThat(weightless.status()).isEqualTo(EudrAssessment.INCOMPLETE);
    }

    @Test
    void theDdsReferenceIsPendingBeforeArrivalAndFailsFromArrivalOn() {
        assertThat(state(
                        assess(facts(ShipmentStatus.IN_TRANSIT, BigDecimal.TEN), List.of(good()), List.of()),
                        "dds_reference_recorded"))
                .isEqualTo(ChecklistItem.PENDING);
        for (ShipmentStatus s : List.of(ShipmentStatus.ARRIVED, ShipmentStatus.CUSTOMS, ShipmentStatus.DELIVERED)) {
            EudrAssessment a = assess(facts(s, BigDecimal.TEN), List.of(good()), List.of());
            assertThat(state(a, "dds_reference_recorded")).as("%s", s).isEqualTo(ChecklistItem.FAILED);
            assertThat(a.status()).isEqualTo(EudrAssessment.FAILED);
        }
        EudrAssessment filed = assess(facts(ShipmentStatus.CUSTOMS, BigDecimal.TEN), List.of(good()), List.of(dds()));
        assertThat(state(filed, "dds_reference_recorded")).isEqualTo(ChecklistItem.SATISFIED);
        assertThat(filed.status()).isEqualTo(EudrAssessment.PASSED);
    }
}
