package com.vibotaj.tracehub.shipments;

import com.vibotaj.tracehub.shipments.internal.ShipmentCommands;
import com.vibotaj.tracehub.shipments.internal.ShipmentRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door tracking uses into shipments: read what a provider needs, and report milestones and ETAs.
 * The aggregate decides what they change (forward only, never out of archived). Runs in the caller's
 * tenant scope: tracking acts as the shipment's owner organisation.
 */
@Service
public class ShipmentTracking {

    private final ShipmentRepository repository;
    private final ShipmentCommands commands;

    ShipmentTracking(ShipmentRepository repository, ShipmentCommands commands) {
        this.repository = repository;
        this.commands = commands;
    }

    @Transactional(readOnly = true)
    public Optional<TrackedShipment> find(UUID shipmentId) {
        return read(shipmentId, false);
    }

    /**
     * Reads the shipment and locks its row for the rest of the transaction. Tracking takes this lock
     * before writing events, so concurrent updates for containers of one shipment queue up instead of
     * deadlocking (event rows take a key-share lock on the shipment that a later update would wait on).
     */
    @Transactional
    public Optional<TrackedShipment> lock(UUID shipmentId) {
        return read(shipmentId, true);
    }

    private Optional<TrackedShipment> read(UUID shipmentId, boolean forUpdate) {
        return repository.load(shipmentId, forUpdate).map(s -> {
            ShipmentFields f = s.fields();
            return new TrackedShipment(
                    s.id(),
                    s.organizationId(),
                    f.reference(),
                    s.status(),
                    f.carrierScac(),
                    f.billOfLading(),
                    f.portOfLoading(),
                    f.portOfDischarge(),
                    f.etd(),
                    f.eta(),
                    s.etaOriginal(),
                    f.containers().stream()
                            .map(ShipmentFields.ContainerLine::number)
                            .toList());
        });
    }

    /** @return true when the shipment's status moved */
    @Transactional
    public boolean milestone(UUID shipmentId, TrackingMilestone milestone, Instant occurredAt, String note) {
        return commands.applyMilestone(shipmentId, milestone, occurredAt, note);
    }

    @Transactional
    public void customsReleased(UUID shipmentId) {
        commands.releaseCustomsHold(shipmentId);
    }

    @Transactional
    public void estimatedArrival(UUID shipmentId, OffsetDateTime eta) {
        commands.reviseEta(shipmentId, eta);
    }

    /** Records the latest tracking code of a container for lists and the detail page. */
    @Transactional
    public void containerStatus(UUID shipmentId, String containerNumber, String dcsaCode) {
        repository.updateContainerTrackingStatus(shipmentId, containerNumber, dcsaCode);
    }
}
