package com.vibotaj.tracehub.compliance.internal;

import com.vibotaj.tracehub.compliance.internal.rules.RuleCatalogue;
import com.vibotaj.tracehub.documents.ShipmentDocuments;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A compliance user of the shipment's owner overrides a finding with a written reason, or revokes an
 * override; both are recorded with actor and time and the shipment is re-evaluated. Overridden findings
 * stay visible in the evaluation with the override's reason.
 */
@Service
public class Overrides {

    public static final int MIN_REASON = 10;

    private final ShipmentFacts facts;
    private final ShipmentDocuments documents;
    private final OverrideRepository repository;
    private final RuleSetRepository ruleSets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Overrides(
            ShipmentFacts facts,
            ShipmentDocuments documents,
            OverrideRepository repository,
            RuleSetRepository ruleSets,
            ApplicationEventPublisher events,
            Clock clock) {
        this.facts = facts;
        this.documents = documents;
        this.repository = repository;
        this.ruleSets = ruleSets;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public OverrideRepository.Override create(
            CurrentActor actor, UUID shipmentId, String ruleId, @Nullable UUID documentId, String reason) {
        ShipmentFacts.Facts shipment = ownedShipment(actor, shipmentId);
        RuleSet ruleSet = ruleSets.current(java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)));
        if (RuleCatalogue.find(ruleId).isEmpty() || !ruleSet.ruleDocumentTypes().containsKey(ruleId)) {
            throw new ComplianceProblems.UnknownRule(ruleId, ruleSet.version());
        }
        if (documentId != null
                && documents
                        .find(documentId)
                        .filter(d -> d.shipmentId().equals(shipmentId))
                        .isEmpty()) {
            throw new ComplianceProblems.DocumentNotOnShipment(documentId);
        }
        OverrideRepository.Override created = new OverrideRepository.Override(
                UUID.randomUUID(),
                shipmentId,
                ruleId,
                documentId,
                reason.strip(),
                actor.userId(),
                clock.instant(),
                null,
                null);
        repository.insert(created, shipment.organizationId());
        events.publishEvent(new OverridesChanged(shipmentId, shipment.organizationId()));
        return created;
    }

    @Transactional
    public void revoke(CurrentActor actor, UUID shipmentId, UUID overrideId) {
        var shipment = ownedShipment(actor, shipmentId);
        OverrideRepository.Override existing =
                repository.find(shipmentId, overrideId).orElseThrow(() -> NotFoundException.of("Override", overrideId));
        if (!existing.active() || !repository.revoke(overrideId, actor.userId(), clock.instant())) {
            throw new ComplianceProblems.AlreadyRevoked();
        }
        events.publishEvent(new OverridesChanged(shipmentId, shipment.organizationId()));
    }

    @Transactional(readOnly = true)
    public List<OverrideRepository.Override> list(UUID shipmentId) {
        if (facts.find(shipmentId).isEmpty()) {
            throw NotFoundException.of("Shipment", shipmentId);
        }
        return repository.forShipment(shipmentId);
    }

    private ShipmentFacts.Facts ownedShipment(CurrentActor actor, UUID shipmentId) {
        ShipmentFacts.Facts shipment =
                facts.find(shipmentId).orElseThrow(() -> NotFoundException.of("Shipment", shipmentId));
        if (!shipment.ownedBy(actor.organizationId())) {
            throw new ComplianceProblems.NotOwner();
        }
        return shipment;
    }
}
