package com.vibotaj.tracehub.shipments.internal;

import com.vibotaj.tracehub.platform.ConflictException;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.TrackingMilestone;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The shipment aggregate: owns its status machine and the reasons it needs attention. Every status
 * move goes through this class and is recorded; the repository persists the recorded moves with the
 * state in one transaction.
 */
public final class Shipment {

    /** An ETA later than the first one by more than this is a slip worth telling people about. */
    public static final Duration ETA_SLIP_THRESHOLD = Duration.ofHours(24);

    public static final String ATTENTION_ETA_SLIPPED = "eta_slipped";
    public static final String ATTENTION_CUSTOMS_HOLD = "customs_hold";
    public static final String ATTENTION_UNKNOWN_PORT = "unknown_port";

    private final UUID id;
    private final UUID organizationId;
    private ShipmentFields fields;
    private ShipmentStatus status;
    private final SortedSet<String> attention;
    private @Nullable OffsetDateTime etaOriginal;
    private final int version;
    private final List<StatusChange> recorded = new ArrayList<>();

    Shipment(
            UUID id,
            UUID organizationId,
            ShipmentFields fields,
            ShipmentStatus status,
            List<String> attention,
            @Nullable OffsetDateTime etaOriginal,
            int version) {
        this.id = id;
        this.organizationId = organizationId;
        this.fields = fields;
        this.status = status;
        this.attention = new TreeSet<>(attention);
        this.etaOriginal = etaOriginal;
        this.version = version;
    }

    /** A new shipment starts as a draft, or in the status an import states for historical data. */
    static Shipment create(
            UUID organizationId,
            ShipmentFields fields,
            ShipmentStatus initial,
            StatusChange.Source source,
            @Nullable UUID actor,
            Instant now) {
        Shipment shipment =
                new Shipment(UUID.randomUUID(), organizationId, fields, initial, List.of(), fields.eta(), 0);
        shipment.recorded.add(new StatusChange(null, initial, null, source, actor, now));
        return shipment;
    }

    void update(ShipmentFields newFields) {
        if (status == ShipmentStatus.ARCHIVED) {
            throw new ConflictException(
                    "shipment-archived", "Shipment archived", "An archived shipment can no longer be changed.");
        }
        if (etaOriginal == null) {
            etaOriginal = newFields.eta();
        }
        this.fields = newFields;
        refreshEtaSlip();
    }

    /** A move a user asked for: only the moves of the status machine, each with an optional reason. */
    void moveTo(ShipmentStatus target, @Nullable String reason, UUID actor, Instant now) {
        if (target == ShipmentStatus.ARCHIVED) {
            archive(reason, actor, now);
            return;
        }
        if (!status.userMoves().contains(target)) {
            throw new ConflictException(
                    "invalid-status-transition",
                    "Status change not allowed",
                    "A shipment cannot move from " + status.value() + " to " + target.value() + ". Allowed: "
                            + (status.userMoves().isEmpty()
                                    ? "none"
                                    : String.join(
                                            ", ",
                                            status.userMoves().stream()
                                                    .map(ShipmentStatus::value)
                                                    .sorted()
                                                    .toList()))
                            + ".");
        }
        record(target, reason, StatusChange.Source.USER, actor, now);
    }

    /**
     * Archiving ends the life cycle. From anything but delivered it needs a reason, because it takes a
     * live shipment out of every working list.
     */
    void archive(@Nullable String reason, UUID actor, Instant now) {
        if (status == ShipmentStatus.ARCHIVED) {
            throw new ConflictException("shipment-archived", "Shipment archived", "The shipment is already archived.");
        }
        if (status != ShipmentStatus.DELIVERED && (reason == null || reason.isBlank())) {
            throw new ConflictException(
                    "reason-required", "Reason required", "Archiving a shipment that is not delivered needs a reason.");
        }
        record(ShipmentStatus.ARCHIVED, reason, StatusChange.Source.USER, actor, now);
    }

    /**
     * A milestone reported by tracking. It moves the shipment only forward and never out of archived;
     * anything else is ignored (the event itself is still kept by tracking).
     *
     * @return true when the status moved
     */
    boolean applyMilestone(TrackingMilestone milestone, Instant occurredAt, String note, Instant now) {
        if (milestone == TrackingMilestone.CUSTOMS_HOLD) {
            attention.add(ATTENTION_CUSTOMS_HOLD);
        }
        if (milestone == TrackingMilestone.DELIVERED) {
            attention.remove(ATTENTION_CUSTOMS_HOLD);
        }
        if (milestone == TrackingMilestone.DEPARTED && fields.atd() == null) {
            fields = fields.withActuals(utc(occurredAt), fields.ata());
        }
        if (milestone == TrackingMilestone.ARRIVED && fields.ata() == null) {
            fields = fields.withActuals(fields.atd(), utc(occurredAt));
        }
        ShipmentStatus target = milestone.target();
        if (status == ShipmentStatus.ARCHIVED || !status.isBefore(target)) {
            return false;
        }
        record(target, note, StatusChange.Source.TRACKING, null, now);
        return true;
    }

    /**
     * Compliance keeps the paperwork statuses in step: docs_pending moves to docs_complete when the
     * shipment is compliant and back when it no longer is. Only those two moves of the status machine;
     * any other status is left alone (a shipment at sea stays at sea whatever its documents say).
     *
     * @return true when the status moved
     */
    boolean settlePaperwork(boolean complete, String reason, Instant now) {
        ShipmentStatus target;
        if (complete && status == ShipmentStatus.DOCS_PENDING) {
            target = ShipmentStatus.DOCS_COMPLETE;
        } else if (!complete && status == ShipmentStatus.DOCS_COMPLETE) {
            target = ShipmentStatus.DOCS_PENDING;
        } else {
            return false;
        }
        if (!status.userMoves().contains(target)) {
            return false;
        }
        record(target, reason, StatusChange.Source.SYSTEM, null, now);
        return true;
    }

    /** Customs released the hold: the shipment no longer needs attention for it. */
    void releaseCustomsHold() {
        attention.remove(ATTENTION_CUSTOMS_HOLD);
    }

    /**
     * A new estimated arrival from tracking.
     *
     * @return the previous ETA when the change exceeds the threshold, so listeners can notify
     */
    Optional<OffsetDateTime> reviseEta(OffsetDateTime newEta) {
        OffsetDateTime previous = fields.eta();
        if (etaOriginal == null) {
            etaOriginal = previous == null ? newEta : previous;
        }
        fields = fields.withEta(newEta);
        refreshEtaSlip();
        if (previous != null && Duration.between(previous, newEta).abs().compareTo(ETA_SLIP_THRESHOLD) > 0) {
            return Optional.of(previous);
        }
        return Optional.empty();
    }

    void flagUnknownPorts(boolean unknown) {
        if (unknown) {
            attention.add(ATTENTION_UNKNOWN_PORT);
        } else {
            attention.remove(ATTENTION_UNKNOWN_PORT);
        }
    }

    boolean isDeletable() {
        return status == ShipmentStatus.DRAFT;
    }

    private void refreshEtaSlip() {
        OffsetDateTime eta = fields.eta();
        if (etaOriginal != null
                && eta != null
                && Duration.between(etaOriginal, eta).compareTo(ETA_SLIP_THRESHOLD) > 0) {
            attention.add(ATTENTION_ETA_SLIPPED);
        } else {
            attention.remove(ATTENTION_ETA_SLIPPED);
        }
    }

    private void record(
            ShipmentStatus target,
            @Nullable String reason,
            StatusChange.Source source,
            @Nullable UUID actor,
            Instant now) {
        recorded.add(new StatusChange(status, target, blankToNull(reason), source, actor, now));
        status = target;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public ShipmentFields fields() {
        return fields;
    }

    public ShipmentStatus status() {
        return status;
    }

    public List<String> attention() {
        return List.copyOf(attention);
    }

    public @Nullable OffsetDateTime etaOriginal() {
        return etaOriginal;
    }

    public int version() {
        return version;
    }

    /** Moves recorded since the aggregate was loaded, oldest first. */
    public List<StatusChange> recordedChanges() {
        return List.copyOf(recorded);
    }
}
