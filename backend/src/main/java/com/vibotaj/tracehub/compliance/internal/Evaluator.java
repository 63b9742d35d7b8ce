package com.vibotaj.tracehub.compliance.internal;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Finding;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Overall;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Regime;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.RegimeStatus;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Requirement;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.RequirementState;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Severity;
import com.vibotaj.tracehub.compliance.internal.rules.DocumentTypes;
import com.vibotaj.tracehub.compliance.internal.rules.Rule;
import com.vibotaj.tracehub.compliance.internal.rules.RuleCatalogue;
import com.vibotaj.tracehub.compliance.internal.rules.RuleContext;
import com.vibotaj.tracehub.compliance.internal.rules.TracesNumberMatches;
import com.vibotaj.tracehub.compliance.internal.rules.VetIssuedBeforeDeparture;
import com.vibotaj.tracehub.compliance.internal.rules.VetIssuerAuthority;
import com.vibotaj.tracehub.documents.DocumentStatus;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.eudr.EudrAssessment;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Computes the one evaluation of a shipment from plain inputs (no database, no Spring), exactly as the
 * contract's "Requirement state — the one definition" says. Everything that reads compliance (the API,
 * the shipment status, the approval guard, the expiry monitor) goes through here.
 */
public final class Evaluator {

    public static final String EUDR = "eudr";
    public static final String VETERINARY = "veterinary";
    public static final String PHYTOSANITARY = "phytosanitary";

    private static final Set<String> VETERINARY_RULES =
            Set.of(TracesNumberMatches.ID, VetIssuedBeforeDeparture.ID, VetIssuerAuthority.ID);

    private Evaluator() {}

    /** An override in force: it covers the rule's findings on one document, or on every document when null. */
    public record ActiveOverride(
            UUID id, String ruleId, @Nullable UUID documentId, String reason) {}

    /**
     * Everything an evaluation depends on.
     *
     * @param destinationInEu whether the destination country is an EU member state (reference data)
     * @param eudr the EUDR module's assessment, or null when EUDR is not a regime of the product
     */
    public record Inputs(
            RuleSet ruleSet,
            ShipmentFacts.Facts shipment,
            boolean destinationInEu,
            List<ShipmentDocument> documents,
            @Nullable EudrAssessment eudr,
            @Nullable String tracesNumber,
            List<ActiveOverride> overrides,
            LocalDate today,
            Instant now) {}

    /** The evaluation and the earliest expiry date among current approved documents (for the monitor). */
    public record Result(
            ComplianceEvaluation evaluation, @Nullable LocalDate nextExpiry) {}

    /** A required type that TraceHub generates rather than anyone uploading it (reference data §1). */
    static final String GENERATED_DDS_PACKAGE = "eudr_dds_package";

    private static final String DDS_REFERENCE_ITEM = "dds_reference_recorded";

    public static Result evaluate(Inputs in) {
        Map<String, List<ShipmentDocument>> versions = versionsByType(in.documents());
        Map<String, ShipmentDocument> deciding = deciding(versions);
        RuleContext context = new RuleContext(in.ruleSet(), in.shipment(), deciding, in.tracesNumber(), in.today());

        List<Finding> findings = new ArrayList<>();
        for (ShipmentDocument document : deciding.values()) {
            findings.addAll(findings(document, context, in.overrides()));
        }
        // A newer version waiting for review is judged as if it were current, so the reviewer sees what
        // would block its approval before pressing the button. These findings carry that version's id;
        // requirement states and regimes only count findings of the deciding versions.
        for (List<ShipmentDocument> newestFirst : versions.values()) {
            ShipmentDocument newest = newestFirst.get(0);
            ShipmentDocument decidingOne = deciding.get(newest.type());
            if (!newest.id().equals(decidingOne.id())
                    && (newest.status() == DocumentStatus.UPLOADED || newest.status() == DocumentStatus.UNDER_REVIEW)) {
                Map<String, ShipmentDocument> asIfCurrent = new LinkedHashMap<>(deciding);
                asIfCurrent.put(newest.type(), newest);
                RuleContext review =
                        new RuleContext(in.ruleSet(), in.shipment(), asIfCurrent, in.tracesNumber(), in.today());
                findings.addAll(findings(newest, review, in.overrides()));
            }
        }

        List<Requirement> requirements = new ArrayList<>();
        String product = in.shipment().productType();
        for (String type :
                in.ruleSet().requiredDocuments(product, in.shipment().destinationCountry(), in.destinationInEu())) {
            requirements.add(
                    GENERATED_DDS_PACKAGE.equals(type)
                                    && in.eudr() != null
                                    && in.eudr().applicable()
                            ? generatedPackage(in.eudr())
                            : requirement(type, versions.getOrDefault(type, List.of()), findings, context));
        }

        Set<String> regimes = in.ruleSet().regimes(product);
        List<Regime> regimeResults = List.of(
                eudr(regimes.contains(EUDR), in.eudr()),
                veterinary(regimes.contains(VETERINARY), versions, findings, context, in.overrides()),
                phytosanitary(regimes.contains(PHYTOSANITARY), versions, findings, context));

        Overall overall = overall(requirements, regimeResults);
        LocalDate nextExpiry = versions.values().stream()
                .map(Evaluator::current)
                .flatMap(Optional::stream)
                .map(d -> d.metadata().expiryDate())
                .filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        return new Result(
                new ComplianceEvaluation(
                        in.shipment().id(),
                        in.ruleSet().version(),
                        overall,
                        requirements,
                        regimeResults,
                        findings,
                        in.now()),
                nextExpiry);
    }

    /**
     * Open blocking findings that forbid approving {@code candidate}: the rules are run as if it were the
     * deciding version of its type.
     */
    public static List<Finding> blockingFor(ShipmentDocument candidate, Inputs in) {
        Map<String, ShipmentDocument> deciding = new LinkedHashMap<>(deciding(versionsByType(in.documents())));
        deciding.put(candidate.type(), candidate);
        RuleContext context = new RuleContext(in.ruleSet(), in.shipment(), deciding, in.tracesNumber(), in.today());
        return findings(candidate, context, in.overrides()).stream()
                .filter(Finding::blocksApproval)
                .toList();
    }

    static List<Finding> findings(ShipmentDocument document, RuleContext context, List<ActiveOverride> overrides) {
        List<Finding> found = new ArrayList<>();
        for (Rule rule : RuleCatalogue.ALL) {
            if (!context.ruleSet().applies(rule.id(), document.type())) {
                continue;
            }
            for (String message : rule.check(document, context)) {
                found.add(withOverride(
                        new Finding(rule.id(), rule.severity(), message, document.id(), null, null), overrides));
            }
        }
        return found;
    }

    private static Finding withOverride(Finding finding, List<ActiveOverride> overrides) {
        return overrides.stream()
                .filter(o -> o.ruleId().equals(finding.ruleId())
                        && (o.documentId() == null || o.documentId().equals(finding.documentId())))
                .findFirst()
                .map(o -> new Finding(
                        finding.ruleId(),
                        finding.severity(),
                        finding.message(),
                        finding.documentId(),
                        o.id(),
                        o.reason()))
                .orElse(finding);
    }

    /** Non-archived versions per type, newest first. */
    static Map<String, List<ShipmentDocument>> versionsByType(List<ShipmentDocument> documents) {
        return documents.stream()
                .filter(d -> d.status() != DocumentStatus.ARCHIVED)
                .collect(Collectors.groupingBy(
                        ShipmentDocument::type,
                        TreeMap::new,
                        Collectors.collectingAndThen(
                                Collectors.toList(),
                                l -> l.stream()
                                        .sorted(Comparator.comparingInt(ShipmentDocument::version)
                                                .reversed())
                                        .toList())));
    }

    /** The current version: the newest approved one. */
    public static Optional<ShipmentDocument> current(List<ShipmentDocument> newestFirst) {
        return newestFirst.stream()
                .filter(d -> d.status() == DocumentStatus.APPROVED)
                .findFirst();
    }

    /** The version that decides a type: the current one, else the newest. */
    static Map<String, ShipmentDocument> deciding(Map<String, List<ShipmentDocument>> versions) {
        Map<String, ShipmentDocument> deciding = new LinkedHashMap<>();
        versions.forEach((type, list) -> deciding.put(type, current(list).orElse(list.get(0))));
        return deciding;
    }

    /**
     * The DDS-ready package is not uploaded: TraceHub generates it from the shipment's plots. So it is
     * {@code satisfied} when the EUDR data it is built from is complete and valid, {@code failed} when
     * some of that data fails a check, else {@code missing} — judged by the EUDR assessment, leaving out
     * the DDS reference, which the buyer records only after filing the package.
     */
    static Requirement generatedPackage(EudrAssessment eudr) {
        List<EudrAssessment.ChecklistItem> inputs = eudr.checklist().stream()
                .filter(i -> !DDS_REFERENCE_ITEM.equals(i.code()))
                .toList();
        List<EudrAssessment.ChecklistItem> failed = inputs.stream()
                .filter(i -> EudrAssessment.ChecklistItem.FAILED.equals(i.state()))
                .toList();
        List<EudrAssessment.ChecklistItem> open =
                inputs.stream().filter(i -> !i.satisfied()).toList();
        if (!failed.isEmpty()) {
            return new Requirement(
                    GENERATED_DDS_PACKAGE,
                    RequirementState.FAILED,
                    null,
                    null,
                    "The DDS-ready package cannot be generated: "
                            + failed.stream()
                                    .map(EudrAssessment.ChecklistItem::message)
                                    .collect(Collectors.joining(" ")),
                    "Correct the EUDR origin data on the EUDR card.");
        }
        if (!open.isEmpty()) {
            return new Requirement(
                    GENERATED_DDS_PACKAGE,
                    RequirementState.MISSING,
                    null,
                    null,
                    "The DDS-ready package needs complete origin data: "
                            + open.stream()
                                    .map(EudrAssessment.ChecklistItem::message)
                                    .collect(Collectors.joining(" ")),
                    "Add the plots (GeoJSON) and link them to every product line on the EUDR card.");
        }
        return new Requirement(
                GENERATED_DDS_PACKAGE,
                RequirementState.SATISFIED,
                null,
                null,
                "Generated by TraceHub from the shipment's plots; download it from the EUDR card.",
                null);
    }

    static Requirement requirement(
            String type, List<ShipmentDocument> newestFirst, List<Finding> findings, RuleContext context) {
        String label = DocumentTypes.label(type);
        if (newestFirst.isEmpty()) {
            return new Requirement(
                    type,
                    RequirementState.MISSING,
                    null,
                    null,
                    "No " + lower(label) + " uploaded yet.",
                    "Upload the " + lower(label) + ".");
        }
        Optional<ShipmentDocument> current = current(newestFirst);
        if (current.isPresent()) {
            ShipmentDocument doc = current.get();
            String what = label + " v" + doc.version();
            LocalDate expiry = doc.metadata().expiryDate();
            if (expiry != null && expiry.isBefore(context.validityDate())) {
                return new Requirement(
                        type,
                        RequirementState.FAILED,
                        doc.id(),
                        doc.version(),
                        what + " expired on " + expiry + ", before "
                                + (context.departure() == null ? "today" : "departure") + " ("
                                + context.validityDate() + ").",
                        "Upload a valid " + lower(label) + ".");
            }
            List<Finding> blocking = findings.stream()
                    .filter(f -> doc.id().equals(f.documentId()) && f.blocksApproval())
                    .toList();
            if (!blocking.isEmpty()) {
                return new Requirement(
                        type,
                        RequirementState.FAILED,
                        doc.id(),
                        doc.version(),
                        what + " has " + blocking.size() + " open blocking finding"
                                + (blocking.size() == 1 ? "" : "s") + ": "
                                + blocking.stream().map(Finding::message).collect(Collectors.joining(" ")),
                        "Upload a corrected version, or have a compliance user override the finding with a reason.");
            }
            ShipmentDocument newest = newestFirst.get(0);
            String inReview = newest.version() > doc.version()
                    ? " Version " + newest.version() + " is "
                            + newest.status().value().replace('_', ' ') + "."
                    : "";
            return new Requirement(
                    type, RequirementState.SATISFIED, doc.id(), doc.version(), what + " approved." + inReview, null);
        }
        ShipmentDocument newest = newestFirst.get(0);
        String what = label + " v" + newest.version();
        return switch (newest.status()) {
            case UPLOADED ->
                new Requirement(
                        type,
                        RequirementState.PENDING,
                        newest.id(),
                        newest.version(),
                        what + " is uploaded, not yet reviewed.",
                        "Submit " + what + " for review.");
            case UNDER_REVIEW ->
                new Requirement(
                        type,
                        RequirementState.PENDING,
                        newest.id(),
                        newest.version(),
                        what + " is under review.",
                        "Review " + what + ": approve or reject it.");
            case REJECTED ->
                new Requirement(
                        type,
                        RequirementState.FAILED,
                        newest.id(),
                        newest.version(),
                        what + " was rejected.",
                        "Upload a corrected " + lower(label) + ".");
            // Only possible when the approved successor was archived: nothing current is left.
            default ->
                new Requirement(
                        type,
                        RequirementState.FAILED,
                        newest.id(),
                        newest.version(),
                        what + " was superseded and no approved version remains.",
                        "Upload a new " + lower(label) + ".");
        };
    }

    private static Regime eudr(boolean applies, @Nullable EudrAssessment assessment) {
        if (!applies) {
            return new Regime(EUDR, RegimeStatus.NOT_APPLICABLE, List.of());
        }
        if (assessment == null) {
            return new Regime(EUDR, RegimeStatus.PENDING, List.of());
        }
        List<Finding> findings = assessment.checklist().stream()
                .filter(i -> !i.satisfied())
                .map(i -> new Finding(
                        "EUDR-" + i.code().toUpperCase(Locale.ROOT).replace('_', '-'),
                        // An item not due yet (e.g. the DDS reference before arrival) does not hold the regime back.
                        EudrAssessment.ChecklistItem.PENDING.equals(i.state()) ? Severity.ADVISORY : Severity.BLOCKING,
                        i.message(),
                        null,
                        null,
                        null))
                .toList();
        RegimeStatus status = switch (assessment.status()) {
            case EudrAssessment.PASSED -> RegimeStatus.PASSED;
            case EudrAssessment.FAILED -> RegimeStatus.FAILED;
            case EudrAssessment.NOT_APPLICABLE -> RegimeStatus.NOT_APPLICABLE;
            default -> RegimeStatus.PENDING;
        };
        return new Regime(EUDR, status, findings);
    }

    private static Regime veterinary(
            boolean applies,
            Map<String, List<ShipmentDocument>> versions,
            List<Finding> findings,
            RuleContext context,
            List<ActiveOverride> overrides) {
        if (!applies) {
            return new Regime(VETERINARY, RegimeStatus.NOT_APPLICABLE, List.of());
        }
        Set<java.util.UUID> decidingIds = versions.values().stream()
                .map(list -> current(list).orElse(list.get(0)).id())
                .collect(Collectors.toSet());
        List<Finding> regimeFindings = new ArrayList<>(findings.stream()
                .filter(f -> VETERINARY_RULES.contains(f.ruleId()))
                .filter(f -> f.documentId() == null || decidingIds.contains(f.documentId()))
                .toList());
        if (!versions.containsKey(DocumentTypes.EU_TRACES_CERTIFICATE)
                && (context.tracesNumber() == null || context.tracesNumber().isBlank())) {
            // Say so before the certificate arrives, so the setting is fixed in time.
            regimeFindings.add(withOverride(
                    new Finding(
                            TracesNumberMatches.ID, Severity.BLOCKING, TracesNumberMatches.NOT_SET, null, null, null),
                    overrides));
        }
        List<RequirementState> states =
                List.of(DocumentTypes.EU_TRACES_CERTIFICATE, DocumentTypes.VETERINARY_HEALTH_CERTIFICATE).stream()
                        .map(t -> requirement(t, versions.getOrDefault(t, List.of()), findings, context)
                                .state())
                        .toList();
        return new Regime(VETERINARY, regimeStatus(states, regimeFindings), regimeFindings);
    }

    private static Regime phytosanitary(
            boolean applies,
            Map<String, List<ShipmentDocument>> versions,
            List<Finding> findings,
            RuleContext context) {
        if (!applies) {
            return new Regime(PHYTOSANITARY, RegimeStatus.NOT_APPLICABLE, List.of());
        }
        String type = DocumentTypes.PHYTOSANITARY_CERTIFICATE;
        Requirement requirement = requirement(type, versions.getOrDefault(type, List.of()), findings, context);
        List<Finding> regimeFindings = requirement.documentId() == null
                ? List.of()
                : findings.stream()
                        .filter(f -> requirement.documentId().equals(f.documentId()))
                        .toList();
        return new Regime(PHYTOSANITARY, regimeStatus(List.of(requirement.state()), regimeFindings), regimeFindings);
    }

    private static RegimeStatus regimeStatus(List<RequirementState> states, List<Finding> findings) {
        if (states.contains(RequirementState.FAILED)) {
            return RegimeStatus.FAILED;
        }
        if (states.stream().allMatch(s -> s == RequirementState.SATISFIED)
                && findings.stream().noneMatch(Finding::blocksApproval)) {
            return RegimeStatus.PASSED;
        }
        return RegimeStatus.PENDING;
    }

    static Overall overall(List<Requirement> requirements, List<Regime> regimes) {
        boolean failed = requirements.stream().anyMatch(r -> r.state() == RequirementState.FAILED)
                || regimes.stream().anyMatch(r -> r.status() == RegimeStatus.FAILED);
        if (failed) {
            return Overall.NON_COMPLIANT;
        }
        boolean done = requirements.stream().allMatch(r -> r.state() == RequirementState.SATISFIED)
                && regimes.stream()
                        .allMatch(r -> r.status() == RegimeStatus.PASSED || r.status() == RegimeStatus.NOT_APPLICABLE);
        return done ? Overall.COMPLIANT : Overall.IN_PROGRESS;
    }

    private static String lower(String label) {
        return label.toLowerCase(Locale.ROOT).replace("eu traces", "EU TRACES");
    }
}
