package com.vibotaj.tracehub.compliance.internal;

import com.vibotaj.tracehub.compliance.ComplianceEvaluated;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation;
import com.vibotaj.tracehub.documents.ShipmentDocuments;
import com.vibotaj.tracehub.eudr.EudrAssessment;
import com.vibotaj.tracehub.eudr.EudrAssessments;
import com.vibotaj.tracehub.identity.OrganizationSettings;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.reference.Country;
import com.vibotaj.tracehub.reference.ReferenceData;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import com.vibotaj.tracehub.shipments.ShipmentPaperwork;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Gathers the inputs of an evaluation, computes it, stores it, and keeps the shipment's paperwork
 * status in step. {@link #inputs} and {@link #recompute} run in the caller's transaction and scope;
 * {@link #recomputeAsOwner} opens its own transaction as the shipment's owner (system work, like
 * tracking's polling), so a buyer's or supplier's action can refresh the owner's stored evaluation.
 */
@Service
public class EvaluationService {

    private final ShipmentFacts facts;
    private final ShipmentDocuments documents;
    private final EudrAssessments eudr;
    private final OrganizationSettings settings;
    private final ReferenceData reference;
    private final RuleSetRepository ruleSets;
    private final EvaluationStore store;
    private final OverrideRepository overrides;
    private final ShipmentPaperwork paperwork;
    private final ApplicationEventPublisher events;
    private final ScopedTransactions tx;
    private final Clock clock;

    EvaluationService(
            ShipmentFacts facts,
            ShipmentDocuments documents,
            EudrAssessments eudr,
            OrganizationSettings settings,
            ReferenceData reference,
            RuleSetRepository ruleSets,
            EvaluationStore store,
            OverrideRepository overrides,
            ShipmentPaperwork paperwork,
            ApplicationEventPublisher events,
            ScopedTransactions tx,
            Clock clock) {
        this.facts = facts;
        this.documents = documents;
        this.eudr = eudr;
        this.settings = settings;
        this.reference = reference;
        this.ruleSets = ruleSets;
        this.store = store;
        this.overrides = overrides;
        this.paperwork = paperwork;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    public RuleSet currentRuleSet() {
        return ruleSets.current(today());
    }

    /** Everything the evaluation of a visible shipment depends on; empty when it is not visible. */
    public Optional<Evaluator.Inputs> inputs(UUID shipmentId) {
        return facts.find(shipmentId).map(shipment -> {
            RuleSet ruleSet = currentRuleSet();
            String destination = shipment.destinationCountry();
            boolean inEu = destination != null
                    && reference.countries().stream()
                            .filter(c -> c.code().equals(destination))
                            .anyMatch(Country::euMember);
            EudrAssessment assessment =
                    ruleSet.regimes(shipment.productType()).contains(Evaluator.EUDR) ? eudr.assess(shipmentId) : null;
            return new Evaluator.Inputs(
                    ruleSet,
                    shipment,
                    inEu,
                    documents.forShipment(shipmentId),
                    assessment,
                    settings.tracesNumber(shipment.organizationId()).orElse(null),
                    overrides.forShipment(shipmentId).stream()
                            .filter(OverrideRepository.Override::active)
                            .map(o -> new Evaluator.ActiveOverride(o.id(), o.ruleId(), o.documentId(), o.reason()))
                            .toList(),
                    today(),
                    clock.instant());
        });
    }

    /**
     * Evaluates, stores and publishes; must run in the owner's scope (only the owner writes the stored
     * evaluation and moves the shipment's status).
     */
    public Optional<ComplianceEvaluation> recompute(UUID shipmentId) {
        return inputs(shipmentId).map(in -> {
            Evaluator.Result result = Evaluator.evaluate(in);
            ComplianceEvaluation evaluation = result.evaluation();
            UUID owner = in.shipment().organizationId();
            ShipmentStatus status = in.shipment().status();
            // Finished shipments need no expiry warnings: leave them out of the monitor's candidates.
            boolean finished = status == ShipmentStatus.DELIVERED || status == ShipmentStatus.ARCHIVED;
            Optional<ComplianceEvaluation.Overall> previous =
                    store.save(owner, evaluation, finished ? null : result.nextExpiry());
            if (previous.isEmpty() || previous.get() != evaluation.overall()) {
                events.publishEvent(new ComplianceEvaluated(
                        shipmentId, owner, previous.orElse(null), evaluation.overall(), evaluation.ruleSetVersion()));
            }
            // Forward whenever compliant; back only when compliance was just lost, so a user who moved a
            // shipment on by hand is not overruled by an evaluation that did not change.
            boolean compliant = evaluation.overall() == ComplianceEvaluation.Overall.COMPLIANT;
            boolean lost =
                    previous.isPresent() && previous.get() == ComplianceEvaluation.Overall.COMPLIANT && !compliant;
            if (compliant || lost) {
                paperwork.keepInStep(
                        shipmentId,
                        compliant,
                        "Compliance evaluation: " + evaluation.overall().value().replace('_', ' ') + " (rule set "
                                + evaluation.ruleSetVersion() + ")");
            }
            return evaluation;
        });
    }

    /**
     * Re-evaluates a shipment that {@code caller} can see, as its owner. Must run outside any
     * transaction (the scope is chosen when a transaction begins).
     */
    public Optional<ComplianceEvaluation> recomputeAsOwner(TenantScope caller, UUID shipmentId) {
        Optional<UUID> owner = tx.read(caller, () -> facts.find(shipmentId).map(ShipmentFacts.Facts::organizationId));
        return owner.flatMap(o -> tx.write(TenantScope.organization(o), () -> recompute(shipmentId)));
    }

    /** The stored evaluation in the caller's scope, computed and stored (as the owner) when missing or outdated. */
    public Optional<ComplianceEvaluation> current(TenantScope caller, UUID shipmentId) {
        String version = tx.read(caller, () -> currentRuleSet().version());
        Optional<Optional<ComplianceEvaluation>> stored =
                tx.read(caller, () -> facts.find(shipmentId).map(f -> store.find(shipmentId)));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<ComplianceEvaluation> found = stored.get();
        if (found.isPresent() && found.get().ruleSetVersion().equals(version)) {
            return found;
        }
        return recomputeAsOwner(caller, shipmentId);
    }

    /** Inside a caller's transaction no scope switch is possible: the stored one, else computed and not stored. */
    public Optional<ComplianceEvaluation> currentInTransaction(UUID shipmentId) {
        if (facts.find(shipmentId).isEmpty()) {
            return Optional.empty();
        }
        return store.find(shipmentId)
                .or(() -> inputs(shipmentId).map(in -> Evaluator.evaluate(in).evaluation()));
    }
}
