package com.vibotaj.tracehub.compliance.web;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation;
import com.vibotaj.tracehub.compliance.ComplianceEvaluations;
import com.vibotaj.tracehub.compliance.internal.OverrideRepository.Override;
import com.vibotaj.tracehub.compliance.internal.Overrides;
import com.vibotaj.tracehub.compliance.internal.RuleSet;
import com.vibotaj.tracehub.compliance.internal.RuleSetRepository;
import com.vibotaj.tracehub.compliance.internal.rules.Rule;
import com.vibotaj.tracehub.compliance.internal.rules.RuleCatalogue;
import com.vibotaj.tracehub.platform.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Compliance")
@RestController
class ComplianceController {

    private final ComplianceEvaluations evaluations;
    private final Overrides overrides;
    private final RuleSetRepository ruleSets;
    private final java.time.Clock clock;

    ComplianceController(
            ComplianceEvaluations evaluations, Overrides overrides, RuleSetRepository ruleSets, java.time.Clock clock) {
        this.evaluations = evaluations;
        this.overrides = overrides;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    @Operation(
            operationId = "getShipmentCompliance",
            summary = "The shipment's compliance evaluation: requirements, regimes, findings",
            description = "overall is compliant only when every required document is satisfied and every applicable"
                    + " regime passed. Overridden findings stay listed with the override's id and reason.")
    @GetMapping("/api/shipments/{id}/compliance")
    @PreAuthorize("hasAuthority('shipments:read')")
    ComplianceEvaluation get(@PathVariable UUID id) {
        return evaluations.current(id);
    }

    record OverrideRequest(
            @NotBlank(message = "is required") @Size(max = 60) @Schema(example = "XD-WEIGHTS")
            String ruleId,

            @Nullable UUID documentId,

            @NotBlank(message = "is required")
            @Size(min = 10, max = 2000, message = "must be 10 to 2000 characters")
            @Schema(example = "Weighbridge ticket shows 24.1 t; the invoice weight is a typo, confirmed by the buyer.")
            String reason) {}

    /** An override as recorded. */
    record OverrideView(
            UUID id,
            String ruleId,
            @Nullable UUID documentId,
            String reason,
            UUID createdBy,
            java.time.Instant createdAt,
            java.time.@Nullable Instant revokedAt,
            @Nullable UUID revokedBy) {
        static OverrideView of(Override o) {
            return new OverrideView(
                    o.id(),
                    o.ruleId(),
                    o.documentId(),
                    o.reason(),
                    o.createdBy(),
                    o.createdAt(),
                    o.revokedAt(),
                    o.revokedBy());
        }
    }

    @Operation(
            operationId = "createComplianceOverride",
            summary = "Override a finding with a written reason (owner's compliance users)",
            description = "Without documentId the override covers the rule's findings on every document of the"
                    + " shipment. 422 unknown-rule for a rule id the current rule set does not have.")
    @PostMapping("/api/shipments/{id}/compliance/overrides")
    @PreAuthorize("hasAuthority('compliance:override')")
    ResponseEntity<OverrideView> override(@PathVariable UUID id, @Valid @RequestBody OverrideRequest body) {
        Override created =
                overrides.create(CurrentActor.require(), id, body.ruleId().strip(), body.documentId(), body.reason());
        return ResponseEntity.created(URI.create("/api/shipments/" + id + "/compliance/overrides/" + created.id()))
                .body(OverrideView.of(created));
    }

    @Operation(
            operationId = "listComplianceOverrides",
            summary = "Every override of the shipment, revoked ones included")
    @GetMapping("/api/shipments/{id}/compliance/overrides")
    @PreAuthorize("hasAuthority('shipments:read')")
    List<OverrideView> listOverrides(@PathVariable UUID id) {
        return overrides.list(id).stream().map(OverrideView::of).toList();
    }

    @Operation(
            operationId = "revokeComplianceOverride",
            summary = "Revoke an override (recorded with actor and time, never deleted)")
    @DeleteMapping("/api/shipments/{id}/compliance/overrides/{overrideId}")
    @PreAuthorize("hasAuthority('compliance:override')")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @PathVariable UUID overrideId) {
        overrides.revoke(CurrentActor.require(), id, overrideId);
        return ResponseEntity.noContent().build();
    }

    record RuleView(
            String id, ComplianceEvaluation.Severity severity, String description, List<String> documentTypes) {}

    record ProductView(
            String productType,
            List<String> hsHeadings,
            List<String> regimes,
            @Nullable BigDecimal moistureLimitPercent,
            Map<String, List<String>> requiredDocuments) {}

    record RuleSetView(
            String version,
            LocalDate effectiveFrom,
            String source,
            @Nullable String notes,
            boolean current,
            List<RuleView> rules,
            List<ProductView> products,
            Map<String, String> parameters) {}

    @Operation(
            operationId = "listComplianceRuleSets",
            summary =
                    "Rule-set versions with their effective dates, rules, products and parameters; which one is current")
    @GetMapping("/api/compliance/rule-sets")
    List<RuleSetView> ruleSets() {
        String current =
                ruleSets.current(LocalDate.now(clock.withZone(ZoneOffset.UTC))).version();
        return ruleSets.summaries().stream()
                .map(s -> ruleSets.load(s.version()).orElseThrow())
                .map(r -> view(r, r.version().equals(current)))
                .toList();
    }

    private static RuleSetView view(RuleSet r, boolean current) {
        List<RuleView> rules = RuleCatalogue.ALL.stream()
                .filter(rule -> r.ruleDocumentTypes().containsKey(rule.id()))
                .map(rule -> ruleView(rule, r))
                .toList();
        List<ProductView> products = r.products().values().stream()
                .sorted(java.util.Comparator.comparing(RuleSet.Product::code))
                .map(p -> {
                    Map<String, List<String>> required = new TreeMap<>();
                    r.requiredDocuments().stream()
                            .filter(d -> d.productType().equals(p.code()))
                            .forEach(d -> required.computeIfAbsent(d.destination(), k -> new java.util.ArrayList<>())
                                    .add(d.documentType()));
                    return new ProductView(
                            p.code(),
                            p.hsHeadings(),
                            p.regimes().stream().sorted().toList(),
                            p.moistureLimit(),
                            required);
                })
                .toList();
        return new RuleSetView(
                r.version(),
                r.effectiveFrom(),
                r.source(),
                r.notes(),
                current,
                rules,
                products,
                new TreeMap<>(r.parameters()));
    }

    private static RuleView ruleView(Rule rule, RuleSet r) {
        return new RuleView(
                rule.id(),
                rule.severity(),
                rule.description(),
                r.ruleDocumentTypes().get(rule.id()).stream().sorted().toList());
    }
}
