package com.vibotaj.tracehub.shipments.internal;

import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Partners;
import com.vibotaj.tracehub.platform.ConflictException;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.platform.ProblemException;
import com.vibotaj.tracehub.shipments.ShipmentEtaChanged;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.ShipmentStatusChanged;
import com.vibotaj.tracehub.shipments.ShipmentUpdated;
import com.vibotaj.tracehub.shipments.TrackingMilestone;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a shipment: load the aggregate under a row lock, let it decide, store it with the
 * moves it recorded, publish what happened. Runs in the caller's tenant scope, so row-level security
 * hides other organisations' shipments even from this code.
 */
@Service
public class ShipmentCommands {

    private final ShipmentRepository repository;
    private final ShipmentValidation validation;
    private final Partners partners;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShipmentCommands(
            ShipmentRepository repository,
            ShipmentValidation validation,
            Partners partners,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.validation = validation;
        this.partners = partners;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UUID create(CurrentActor actor, ShipmentFields fields) {
        return create(actor.organizationId(), actor.userId(), fields, ShipmentStatus.DRAFT, StatusChange.Source.USER);
    }

    /** Creates a shipment in a given status: drafts from the UI, historical statuses from an import. */
    @Transactional
    public UUID create(
            UUID organizationId,
            UUID actor,
            ShipmentFields fields,
            ShipmentStatus initial,
            StatusChange.Source source) {
        requireExporter(organizationId);
        ShipmentValidation.Checked checked = validation.check(organizationId, fields);
        if (repository.findIdByReference(checked.fields().reference()).isPresent()) {
            throw duplicateReference(checked.fields().reference());
        }
        Shipment shipment = Shipment.create(organizationId, checked.fields(), initial, source, actor, clock.instant());
        shipment.flagUnknownPorts(checked.unknownPort());
        try {
            repository.insert(shipment, actor);
        } catch (DuplicateKeyException e) {
            // Two creates raced past the lookup above; the unique index decided.
            throw duplicateReference(checked.fields().reference());
        }
        publish(shipment);
        publishContainers(shipment);
        return shipment.id();
    }

    @Transactional
    public void update(CurrentActor actor, UUID id, int expectedVersion, ShipmentFields fields) {
        Shipment shipment = loadForChange(id);
        if (shipment.version() != expectedVersion) {
            throw staleVersion();
        }
        ShipmentValidation.Checked checked = validation.check(actor.organizationId(), fields);
        Optional<UUID> sameReference =
                repository.findIdByReference(checked.fields().reference());
        if (sameReference.isPresent() && !sameReference.get().equals(id)) {
            throw duplicateReference(checked.fields().reference());
        }
        var before = shipment.fields().containers();
        shipment.update(checked.fields());
        shipment.flagUnknownPorts(checked.unknownPort());
        store(shipment, actor.userId());
        events.publishEvent(new ShipmentUpdated(shipment.id(), shipment.organizationId()));
        if (!before.stream()
                .map(c -> c.number())
                .toList()
                .equals(shipment.fields().containers().stream()
                        .map(c -> c.number())
                        .toList())) {
            publishContainers(shipment);
        }
    }

    @Transactional
    public void changeStatus(CurrentActor actor, UUID id, ShipmentStatus target, @Nullable String reason) {
        Shipment shipment = loadForChange(id);
        shipment.moveTo(target, reason, actor.userId(), clock.instant());
        store(shipment, actor.userId());
    }

    @Transactional
    public void delete(CurrentActor actor, UUID id) {
        Shipment shipment = loadForChange(id);
        if (!shipment.isDeletable()) {
            throw new ConflictException(
                    "shipment-not-draft",
                    "Only drafts can be deleted",
                    "This shipment is " + shipment.status().value()
                            + "; archive it instead (POST /api/shipments/{id}/status with status archived and a reason).");
        }
        repository.delete(id);
    }

    /**
     * A milestone from tracking, applied in the owner's scope by the tracking module.
     *
     * @return true when the status moved
     */
    @Transactional
    public boolean applyMilestone(UUID id, TrackingMilestone milestone, Instant occurredAt, String note) {
        Shipment shipment = loadForChange(id);
        boolean moved = shipment.applyMilestone(milestone, occurredAt, note, clock.instant());
        store(shipment, null);
        return moved;
    }

    /**
     * Moves docs_pending to docs_complete (compliant) or back (no longer compliant), recorded with source
     * system and the reason; any other status is left alone. Runs in the owner's scope.
     *
     * @return true when the status moved
     */
    @Transactional
    public boolean settlePaperwork(UUID id, boolean compliant, String reason) {
        Optional<Shipment> locked = repository.load(id, true);
        if (locked.isEmpty()) {
            return false;
        }
        Shipment shipment = locked.get();
        boolean moved = shipment.settlePaperwork(compliant, reason, clock.instant());
        if (moved) {
            store(shipment, null);
        }
        return moved;
    }

    @Transactional
    public void releaseCustomsHold(UUID id) {
        Shipment shipment = loadForChange(id);
        shipment.releaseCustomsHold();
        store(shipment, null);
    }

    /** A new estimated arrival from tracking; a change beyond the threshold is published. */
    @Transactional
    public void reviseEta(UUID id, OffsetDateTime eta) {
        Shipment shipment = loadForChange(id);
        if (shipment.status() == ShipmentStatus.ARCHIVED
                || eta.equals(shipment.fields().eta())) {
            return;
        }
        Optional<OffsetDateTime> previous = shipment.reviseEta(eta);
        store(shipment, null);
        previous.ifPresent(p -> events.publishEvent(new ShipmentEtaChanged(
                shipment.id(), shipment.organizationId(), shipment.fields().reference(), p, eta)));
    }

    private Shipment loadForChange(UUID id) {
        Optional<Shipment> locked = repository.load(id, true);
        if (locked.isPresent()) {
            return locked.get();
        }
        if (repository.load(id, false).isPresent()) {
            throw new ReadOnlyShipment();
        }
        throw NotFoundException.of("Shipment", id);
    }

    private void store(Shipment shipment, @Nullable UUID actor) {
        if (!repository.update(shipment, actor)) {
            throw staleVersion();
        }
        publish(shipment);
    }

    private void publish(Shipment shipment) {
        for (StatusChange change : shipment.recordedChanges()) {
            events.publishEvent(new ShipmentStatusChanged(
                    shipment.id(),
                    shipment.organizationId(),
                    shipment.fields().reference(),
                    change.from(),
                    change.to(),
                    change.source().name().toLowerCase(Locale.ROOT),
                    change.reason(),
                    change.occurredAt()));
        }
    }

    private void publishContainers(Shipment shipment) {
        events.publishEvent(new com.vibotaj.tracehub.shipments.ShipmentContainersChanged(
                shipment.id(),
                shipment.organizationId(),
                shipment.status(),
                shipment.fields().containers().stream().map(c -> c.number()).toList()));
    }

    /** Refuses (403) an organisation that may not own shipments, before a bulk operation starts. */
    public void requireExporter(UUID organizationId) {
        if (partners.typeOf(organizationId).orElse(null) != OrganizationType.EXPORTER) {
            throw new ReadOnlyShipment(
                    "Only an exporter organisation owns shipments; yours can read the ones shared with it.");
        }
    }

    private static ConflictException duplicateReference(String reference) {
        return new ConflictException(
                "duplicate-reference",
                "Reference already used",
                "Your organisation already has a shipment with reference " + reference + ".");
    }

    private static ConflictException staleVersion() {
        return new ConflictException(
                "stale-version",
                "Changed by someone else",
                "The shipment was changed since you loaded it. Reload it and apply your change again.");
    }

    /** The caller may read the shipment but not change it (a buyer, supplier or forwarder). */
    static final class ReadOnlyShipment extends ProblemException {
        ReadOnlyShipment() {
            this("Your organisation can read this shipment but only its owner can change it.");
        }

        ReadOnlyShipment(String detail) {
            super(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
        }
    }
}
