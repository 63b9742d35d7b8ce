package com.vibotaj.tracehub.compliance.internal;

import static com.vibotaj.tracehub.compliance.internal.Fixtures.doc;
import static com.vibotaj.tracehub.compliance.internal.Fixtures.good;
import static com.vibotaj.tracehub.compliance.internal.Fixtures.shipment;
import static com.vibotaj.tracehub.compliance.internal.Fixtures.with;
import static com.vibotaj.tracehub.documents.DocumentStatus.APPROVED;
import static com.vibotaj.tracehub.documents.DocumentStatus.ARCHIVED;
import static com.vibotaj.tracehub.documents.DocumentStatus.REJECTED;
import static com.vibotaj.tracehub.documents.DocumentStatus.SUPERSEDED;
import static com.vibotaj.tracehub.documents.DocumentStatus.UNDER_REVIEW;
import static com.vibotaj.tracehub.documents.DocumentStatus.UPLOADED;
import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Finding;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Overall;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Regime;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.RegimeStatus;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Requirement;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.RequirementState;
import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.eudr.EudrAssessment;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The one definition of compliance on the cases the earlier system got wrong. */
class EvaluatorTests {

    static final EudrAssessment EUDR_PASSED = new EudrAssessment(true, "passed", "standard", List.of());

    static ComplianceEvaluation evaluate(
            ShipmentFacts.Facts shipment,
            List<ShipmentDocument> docs,
            @Nullable EudrAssessment eudr,
            @Nullable String traces,
            List<Evaluator.ActiveOverride> overrides) {
        return Evaluator.evaluate(new Evaluator.Inputs(
                        Fixtures.ruleSet(),
                        shipment,
                        true,
                        docs,
                        eudr,
                        traces,
                        overrides,
                        Fixtures.TODAY,
                        Fixtures.NOW))
                .evaluation();
    }

    static ComplianceEvaluation cocoa(List<ShipmentDocument> docs) {
        return evaluate(shipment("cocoa_beans"), docs, EUDR_PASSED, Fixtures.TRACES, List.of());
    }

    /** Every required type approved with good metadata. */
    static List<ShipmentDocument> approvedSet(List<String> types) {
        List<ShipmentDocument> docs = new ArrayList<>();
        for (String t : types) {
            docs.add(doc(t, 1, APPROVED, good(t)));
        }
        return docs;
    }

    /** Horn and hoof documents state heading 0506 where cocoa ones state 1801. */
    static List<ShipmentDocument> hornHoofSet() {
        return approvedSet(Fixtures.HORN_HOOF_EU).stream()
                .map(d -> d.metadata().field(DocumentMetadata.HS_CODES) == null
                        ? d
                        : doc(
                                d.type(),
                                d.version(),
                                d.status(),
                                with(d.metadata(), DocumentMetadata.HS_CODES, "0506.90")))
                .toList();
    }

    static List<ShipmentDocument> replace(List<ShipmentDocument> docs, String type, ShipmentDocument... by) {
        List<ShipmentDocument> out = new ArrayList<>(
                docs.stream().filter(d -> !d.type().equals(type)).toList());
        out.addAll(List.of(by));
        return out;
    }

    static Requirement requirement(ComplianceEvaluation e, String type) {
        return e.requirements().stream()
                .filter(r -> r.documentType().equals(type))
                .findFirst()
                .orElseThrow();
    }

    static Regime regime(ComplianceEvaluation e, String code) {
        return e.regimes().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everythingApprovedAndEveryRegimePassedIsCompliantAndRecordsTheRuleSetVersion() {
        ComplianceEvaluation e = cocoa(approvedSet(Fixtures.COCOA_EU));
        assertThat(e.requirements()).extracting(Requirement::state).containsOnly(RequirementState.SATISFIED);
        assertThat(e.requirements()).extracting(Requirement::documentType).containsExactlyElementsOf(Fixtures.COCOA_EU);
        assertThat(e.overall()).isEqualTo(Overall.COMPLIANT);
        assertThat(e.ruleSetVersion()).isEqualTo("2026.1");
        assertThat(e.evaluatedAt()).isEqualTo(Fixtures.NOW);
    }

    @Test
    void aRejectedDocumentOfARequiredTypeIsNeverCompliant() {
        List<ShipmentDocument> docs = replace(
                approvedSet(Fixtures.COCOA_EU), "packing_list", doc("packing_list", 1, REJECTED, good("packing_list")));
        ComplianceEvaluation e = cocoa(docs);
        assertThat(requirement(e, "packing_list").state()).isEqualTo(RequirementState.FAILED);
        assertThat(requirement(e, "packing_list").nextAction()).contains("Upload a corrected packing list");
        assertThat(e.overall()).isEqualTo(Overall.NON_COMPLIANT);
    }

    @Test
    void anApprovedVersionStaysSatisfiedWhileANewerOneIsUnderReview() {
        ShipmentDocument v1 = doc("packing_list", 1, APPROVED, good("packing_list"));
        ShipmentDocument v2 = doc("packing_list", 2, UNDER_REVIEW, good("packing_list"));
        ComplianceEvaluation e = cocoa(replace(approvedSet(Fixtures.COCOA_EU), "packing_list", v1, v2));
        Requirement r = requirement(e, "packing_list");
        assertThat(r.state()).isEqualTo(RequirementState.SATISFIED);
        assertThat(r.documentId()).isEqualTo(v1.id());
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.message()).contains("Version 2 is under review");
        assertThat(e.overall()).isEqualTo(Overall.COMPLIANT);
    }

    @Test
    void aNewerVersionUnderReviewShowsWhatWouldBlockItWithoutUnsatisfyingTheCurrentOne() {
        ShipmentDocument v1 = doc("packing_list", 1, APPROVED, good("packing_list"));
        // Version 2 names a container the shipment does not have: approving it would be refused.
        ShipmentDocument v2 = doc(
                "packing_list",
                2,
                UNDER_REVIEW,
                Fixtures.with(good("packing_list"), DocumentMetadata.CONTAINER_NUMBERS, "MSKU4516773"));
        ComplianceEvaluation e = cocoa(replace(approvedSet(Fixtures.COCOA_EU), "packing_list", v1, v2));
        assertThat(e.findings())
                .filteredOn(f -> v2.id().equals(f.documentId()))
                .extracting(Finding::ruleId)
                .contains("XD-CONTAINERS");
        assertThat(e.findings()).filteredOn(f -> v1.id().equals(f.documentId())).noneMatch(Finding::blocksApproval);
        assertThat(requirement(e, "packing_list").state()).isEqualTo(RequirementState.SATISFIED);
        assertThat(e.overall()).isEqualTo(Overall.COMPLIANT);
    }

    @Test
    void anApprovedVersionStaysCurrentWhenANewerOneIsRejected() {
        ShipmentDocument v1 = doc("packing_list", 1, APPROVED, good("packing_list"));
        ShipmentDocument v2 = doc("packing_list", 2, REJECTED, good("packing_list"));
        ComplianceEvaluation e = cocoa(replace(approvedSet(Fixtures.COCOA_EU), "packing_list", v1, v2));
        assertThat(requirement(e, "packing_list").state()).isEqualTo(RequirementState.SATISFIED);
        assertThat(requirement(e, "packing_list").documentId()).isEqualTo(v1.id());
    }

    @Test
    void theNewestApprovedVersionIsCurrentNotTheAlphabeticallyBestStatus() {
        ShipmentDocument v1 = doc("packing_list", 1, SUPERSEDED, good("packing_list"));
        ShipmentDocument v2 = doc("packing_list", 2, APPROVED, good("packing_list"));
        ShipmentDocument v3 = doc("packing_list", 3, UPLOADED, good("packing_list"));
        ComplianceEvaluation e = cocoa(replace(approvedSet(Fixtures.COCOA_EU), "packing_list", v3, v1, v2));
        assertThat(requirement(e, "packing_list").documentId()).isEqualTo(v2.id());
    }

    @Test
    void missingPendingAndArchivedAreToldApart() {
        List<ShipmentDocument> docs = new ArrayList<>(approvedSet(Fixtures.COCOA_EU));
        docs.removeIf(d -> d.type().equals("quality_certificate")
                || d.type().equals("packing_list")
                || d.type().equals("commercial_invoice"));
        docs.add(doc("packing_list", 1, UPLOADED, good("packing_list")));
        docs.add(doc("commercial_invoice", 1, ARCHIVED, good("commercial_invoice")));
        ComplianceEvaluation e = cocoa(docs);
        assertThat(requirement(e, "quality_certificate").state()).isEqualTo(RequirementState.MISSING);
        assertThat(requirement(e, "quality_certificate").nextAction()).isEqualTo("Upload the quality certificate.");
        assertThat(requirement(e, "packing_list").state()).isEqualTo(RequirementState.PENDING);
        assertThat(requirement(e, "commercial_invoice").state())
                .as("only archived versions count as none")
                .isEqualTo(RequirementState.MISSING);
        assertThat(e.overall()).isEqualTo(Overall.IN_PROGRESS);
    }

    @Test
    void underReviewIsPendingWithTheReviewAsNextAction() {
        ComplianceEvaluation e = cocoa(replace(
                approvedSet(Fixtures.COCOA_EU),
                "packing_list",
                doc("packing_list", 1, UNDER_REVIEW, good("packing_list"))));
        assertThat(requirement(e, "packing_list").state()).isEqualTo(RequirementState.PENDING);
        assertThat(requirement(e, "packing_list").nextAction()).contains("approve or reject");
        assertThat(e.overall()).isEqualTo(Overall.IN_PROGRESS);
    }

    @Test
    void anApprovedDocumentExpiredAtDepartureFails() {
        DocumentMetadata g = good("phytosanitary_certificate");
        DocumentMetadata expiresBeforeEtd = new DocumentMetadata(
                g.referenceNumber(), g.issueDate(), LocalDate.of(2026, 11, 25), g.issuer(), g.fields());
        ComplianceEvaluation e = cocoa(replace(
                approvedSet(Fixtures.COCOA_EU),
                "phytosanitary_certificate",
                doc("phytosanitary_certificate", 1, APPROVED, expiresBeforeEtd)));
        assertThat(requirement(e, "phytosanitary_certificate").state()).isEqualTo(RequirementState.FAILED);
        assertThat(requirement(e, "phytosanitary_certificate").message()).contains("expired on 2026-11-25");
        assertThat(regime(e, "phytosanitary").status()).isEqualTo(RegimeStatus.FAILED);
        assertThat(e.overall()).isEqualTo(Overall.NON_COMPLIANT);
    }

    @Test
    void anOpenBlockingFindingOnTheCurrentVersionFailsItAndAnOverrideSatisfiesItVisibly() {
        ShipmentDocument bl = doc(
                "bill_of_lading",
                1,
                APPROVED,
                with(good("bill_of_lading"), DocumentMetadata.CONTAINER_NUMBERS, "MRSU3452572"));
        List<ShipmentDocument> docs = replace(approvedSet(Fixtures.COCOA_EU), "bill_of_lading", bl);
        ComplianceEvaluation failed = cocoa(docs);
        assertThat(requirement(failed, "bill_of_lading").state()).isEqualTo(RequirementState.FAILED);
        assertThat(requirement(failed, "bill_of_lading").message()).contains("open blocking finding");
        assertThat(failed.overall()).isEqualTo(Overall.NON_COMPLIANT);

        UUID overrideId = UUID.randomUUID();
        ComplianceEvaluation overridden = evaluate(
                shipment("cocoa_beans"),
                docs,
                EUDR_PASSED,
                Fixtures.TRACES,
                List.of(new Evaluator.ActiveOverride(
                        overrideId, "XD-CONTAINERS", bl.id(), "Carrier swapped the box at Apapa")));
        assertThat(requirement(overridden, "bill_of_lading").state()).isEqualTo(RequirementState.SATISFIED);
        assertThat(overridden.overall()).isEqualTo(Overall.COMPLIANT);
        assertThat(overridden.findings())
                .filteredOn(f -> f.ruleId().equals("XD-CONTAINERS"))
                .isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.overrideId()).isEqualTo(overrideId);
                    assertThat(f.overrideReason()).isEqualTo("Carrier swapped the box at Apapa");
                    assertThat(f.documentId()).isEqualTo(bl.id());
                });
    }

    @Test
    void anOverrideForAnotherDocumentDoesNotCover() {
        ShipmentDocument bl = doc(
                "bill_of_lading",
                1,
                APPROVED,
                with(good("bill_of_lading"), DocumentMetadata.CONTAINER_NUMBERS, "MRSU3452572"));
        ComplianceEvaluation e = evaluate(
                shipment("cocoa_beans"),
                replace(approvedSet(Fixtures.COCOA_EU), "bill_of_lading", bl),
                EUDR_PASSED,
                Fixtures.TRACES,
                List.of(new Evaluator.ActiveOverride(
                        UUID.randomUUID(), "XD-CONTAINERS", UUID.randomUUID(), "elsewhere")));
        assertThat(requirement(e, "bill_of_lading").state()).isEqualTo(RequirementState.FAILED);
    }

    @Test
    void advisoryFindingsDoNotFailARequirement() {
        ShipmentDocument coo = doc(
                "certificate_of_origin",
                1,
                APPROVED,
                with(good("certificate_of_origin"), DocumentMetadata.COUNTRY_OF_ORIGIN, "GH"));
        ComplianceEvaluation e = cocoa(replace(approvedSet(Fixtures.COCOA_EU), "certificate_of_origin", coo));
        assertThat(e.findings()).extracting(Finding::ruleId).contains("COO-EXPORT-COUNTRY");
        assertThat(requirement(e, "certificate_of_origin").state()).isEqualTo(RequirementState.SATISFIED);
        assertThat(e.overall()).isEqualTo(Overall.COMPLIANT);
    }

    @Test
    void eudrIsNotApplicableForHornAndHoofAndTheVeterinaryRegimeApplies() {
        ComplianceEvaluation e = evaluate(shipment("horn_hoof"), hornHoofSet(), null, Fixtures.TRACES, List.of());
        assertThat(regime(e, "eudr").status()).isEqualTo(RegimeStatus.NOT_APPLICABLE);
        assertThat(regime(e, "phytosanitary").status()).isEqualTo(RegimeStatus.NOT_APPLICABLE);
        assertThat(regime(e, "veterinary").status()).isEqualTo(RegimeStatus.PASSED);
        assertThat(e.requirements())
                .extracting(Requirement::documentType)
                .containsExactlyElementsOf(Fixtures.HORN_HOOF_EU);
        assertThat(e.overall()).isEqualTo(Overall.COMPLIANT);
    }

    @Test
    void withoutTheTracesNumberSettingTheVeterinaryRegimeFailsAndSaysWhatToDo() {
        ComplianceEvaluation e = evaluate(shipment("horn_hoof"), hornHoofSet(), null, null, List.of());
        assertThat(requirement(e, "eu_traces_certificate").state()).isEqualTo(RequirementState.FAILED);
        assertThat(regime(e, "veterinary").status()).isEqualTo(RegimeStatus.FAILED);
        assertThat(regime(e, "veterinary").findings())
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("no TRACES registration number set"));
        assertThat(e.overall()).isEqualTo(Overall.NON_COMPLIANT);
    }

    @Test
    void theMissingTracesSettingIsToldBeforeTheCertificateArrives() {
        List<ShipmentDocument> docs = new ArrayList<>(hornHoofSet());
        docs.removeIf(d -> d.type().equals("eu_traces_certificate"));
        ComplianceEvaluation e = evaluate(shipment("horn_hoof"), docs, null, null, List.of());
        assertThat(regime(e, "veterinary").status()).isEqualTo(RegimeStatus.PENDING);
        assertThat(regime(e, "veterinary").findings())
                .singleElement()
                .satisfies(f -> assertThat(f.documentId()).isNull());
    }

    @Test
    void aVetCertificateIssuedAfterDepartureFailsTheVeterinaryRegime() {
        DocumentMetadata g = good("veterinary_health_certificate");
        DocumentMetadata late = new DocumentMetadata(
                g.referenceNumber(), LocalDate.of(2026, 12, 3), g.expiryDate(), g.issuer(), g.fields());
        ComplianceEvaluation e = evaluate(
                shipment("horn_hoof"),
                replace(
                        hornHoofSet(),
                        "veterinary_health_certificate",
                        doc("veterinary_health_certificate", 1, APPROVED, late)),
                null,
                Fixtures.TRACES,
                List.of());
        assertThat(regime(e, "veterinary").status()).isEqualTo(RegimeStatus.FAILED);
        assertThat(e.overall()).isEqualTo(Overall.NON_COMPLIANT);
    }

    @Test
    void theEudrRegimeFollowsTheAssessment() {
        List<ShipmentDocument> docs = approvedSet(Fixtures.COCOA_EU);
        EudrAssessment incomplete = new EudrAssessment(
                true,
                "incomplete",
                "standard",
                List.of(new EudrAssessment.ChecklistItem("origins", false, "No plots recorded for line 1")));
        ComplianceEvaluation pending = evaluate(shipment("cocoa_beans"), docs, incomplete, Fixtures.TRACES, List.of());
        assertThat(regime(pending, "eudr").status()).isEqualTo(RegimeStatus.PENDING);
        assertThat(regime(pending, "eudr").findings())
                .extracting(Finding::ruleId)
                .containsExactly("EUDR-ORIGINS");
        assertThat(pending.overall()).isEqualTo(Overall.IN_PROGRESS);

        EudrAssessment failed = new EudrAssessment(true, "failed", "high", List.of());
        assertThat(evaluate(shipment("cocoa_beans"), docs, failed, Fixtures.TRACES, List.of())
                        .overall())
                .isEqualTo(Overall.NON_COMPLIANT);
    }

    @Test
    void theGeneratedDdsPackageFollowsTheOriginDataNotAnUpload() {
        // No package document was ever uploaded: TraceHub generates it from the plots.
        List<ShipmentDocument> docs = approvedSet(Fixtures.COCOA_EU).stream()
                .filter(d -> !d.type().equals("eudr_dds_package"))
                .toList();
        EudrAssessment ready = new EudrAssessment(
                true,
                "passed",
                "standard",
                List.of(
                        new EudrAssessment.ChecklistItem("plots_present", true, "2 plots.", "satisfied"),
                        new EudrAssessment.ChecklistItem(
                                "dds_reference_recorded", false, "The buyer records it before customs.", "pending")));
        Requirement satisfied = requirement(
                evaluate(shipment("cocoa_beans"), docs, ready, Fixtures.TRACES, List.of()), "eudr_dds_package");
        assertThat(satisfied.state()).isEqualTo(RequirementState.SATISFIED);
        assertThat(satisfied.message()).contains("Generated by TraceHub");

        EudrAssessment noPlots = new EudrAssessment(
                true,
                "incomplete",
                "high",
                List.of(new EudrAssessment.ChecklistItem("plots_present", false, "No plots yet.", "missing")));
        Requirement missing = requirement(
                evaluate(shipment("cocoa_beans"), docs, noPlots, Fixtures.TRACES, List.of()), "eudr_dds_package");
        assertThat(missing.state()).isEqualTo(RequirementState.MISSING);
        assertThat(missing.message()).contains("No plots yet.");
        assertThat(missing.nextAction()).contains("Add the plots");

        EudrAssessment badGeometry = new EudrAssessment(
                true,
                "failed",
                "high",
                List.of(new EudrAssessment.ChecklistItem(
                        "geolocation_valid", false, "Plot 2 has crossing edges.", "failed")));
        ComplianceEvaluation failed = evaluate(shipment("cocoa_beans"), docs, badGeometry, Fixtures.TRACES, List.of());
        assertThat(requirement(failed, "eudr_dds_package").state()).isEqualTo(RequirementState.FAILED);
        assertThat(requirement(failed, "eudr_dds_package").message()).contains("crossing edges");
        assertThat(failed.overall()).isEqualTo(Overall.NON_COMPLIANT);
    }

    @Test
    void aProductWithoutItsOwnListFallsBackToTheGeneralFour() {
        ComplianceEvaluation e = evaluate(shipment("other"), List.of(), null, null, List.of());
        assertThat(e.requirements())
                .extracting(Requirement::documentType)
                .containsExactlyElementsOf(Fixtures.OTHER_ANY);
        assertThat(e.requirements()).extracting(Requirement::state).containsOnly(RequirementState.MISSING);
    }

    @Test
    void aNonEuDestinationFallsBackToTheAnyDestinationList() {
        ComplianceEvaluation e = Evaluator.evaluate(new Evaluator.Inputs(
                        Fixtures.ruleSet(),
                        shipment("cocoa_beans"),
                        false,
                        List.of(),
                        EUDR_PASSED,
                        null,
                        List.of(),
                        Fixtures.TODAY,
                        Fixtures.NOW))
                .evaluation();
        assertThat(e.requirements())
                .extracting(Requirement::documentType)
                .containsExactlyElementsOf(Fixtures.OTHER_ANY);
    }

    @Test
    void theApprovalGuardReportsOnlyOpenBlockingFindingsOfTheCandidate() {
        ShipmentDocument candidate = doc(
                "packing_list",
                2,
                UNDER_REVIEW,
                with(good("packing_list"), DocumentMetadata.CONTAINER_NUMBERS, "MRSU3452572"));
        Evaluator.Inputs in = new Evaluator.Inputs(
                Fixtures.ruleSet(),
                shipment("cocoa_beans"),
                true,
                approvedSet(Fixtures.COCOA_EU),
                EUDR_PASSED,
                Fixtures.TRACES,
                List.of(),
                Fixtures.TODAY,
                Fixtures.NOW);
        assertThat(Evaluator.blockingFor(candidate, in))
                .extracting(Finding::ruleId)
                .containsOnly("XD-CONTAINERS");
        ShipmentDocument advisoryOnly = doc(
                "packing_list", 2, UNDER_REVIEW, with(good("packing_list"), DocumentMetadata.GROSS_WEIGHT_KG, "40000"));
        assertThat(Evaluator.blockingFor(advisoryOnly, in)).isEmpty();
        Evaluator.Inputs overridden = new Evaluator.Inputs(
                in.ruleSet(),
                in.shipment(),
                true,
                in.documents(),
                in.eudr(),
                in.tracesNumber(),
                List.of(new Evaluator.ActiveOverride(UUID.randomUUID(), "XD-CONTAINERS", null, "whole shipment")),
                in.today(),
                in.now());
        assertThat(Evaluator.blockingFor(candidate, overridden)).isEmpty();
    }

    @Test
    void nextExpiryIsTheEarliestOfTheCurrentVersions() {
        Evaluator.Result r = Evaluator.evaluate(new Evaluator.Inputs(
                Fixtures.ruleSet(),
                shipment("cocoa_beans"),
                true,
                approvedSet(Fixtures.COCOA_EU),
                EUDR_PASSED,
                null,
                List.of(),
                Fixtures.TODAY,
                Fixtures.NOW));
        assertThat(r.nextExpiry()).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void expiryThresholdsAreRaisedMostUrgentOnly() {
        List<Integer> t = List.of(30, 14, 7);
        assertThat(ExpiryMonitor.threshold(31, t)).isNull();
        assertThat(ExpiryMonitor.threshold(30, t)).isEqualTo(30);
        assertThat(ExpiryMonitor.threshold(15, t)).isEqualTo(30);
        assertThat(ExpiryMonitor.threshold(14, t)).isEqualTo(14);
        assertThat(ExpiryMonitor.threshold(5, t)).isEqualTo(7);
        assertThat(ExpiryMonitor.threshold(0, t)).isEqualTo(7);
        assertThat(ExpiryMonitor.threshold(-1, t)).isEqualTo(0);
    }
}
