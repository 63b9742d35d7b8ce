package com.vibotaj.tracehub.shipments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vibotaj.tracehub.platform.ConflictException;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.TrackingMilestone;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every allowed and every refused move of the aggregate's status machine (product spec §2). */
class ShipmentStatusMachineTests {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final UUID ACTOR = UUID.randomUUID();

    static final Map<ShipmentStatus, Set<ShipmentStatus>> ALLOWED = Map.of(
            ShipmentStatus.DRAFT, EnumSet.of(ShipmentStatus.DOCS_PENDING),
            ShipmentStatus.DOCS_PENDING, EnumSet.of(ShipmentStatus.DOCS_COMPLETE, ShipmentStatus.IN_TRANSIT),
            ShipmentStatus.DOCS_COMPLETE, EnumSet.of(ShipmentStatus.DOCS_PENDING, ShipmentStatus.IN_TRANSIT),
            ShipmentStatus.IN_TRANSIT, EnumSet.of(ShipmentStatus.ARRIVED),
            ShipmentStatus.ARRIVED, EnumSet.of(ShipmentStatus.CUSTOMS),
            ShipmentStatus.CUSTOMS, EnumSet.of(ShipmentStatus.ARRIVED, ShipmentStatus.DELIVERED),
            ShipmentStatus.DELIVERED, EnumSet.noneOf(ShipmentStatus.class),
            ShipmentStatus.ARCHIVED, EnumSet.noneOf(ShipmentStatus.class));

    static Shipment at(ShipmentStatus status) {
        ShipmentFields fields = new ShipmentFields(
                "T-1",
                "cocoa_beans",
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "NGAPP",
                "DEHAM",
                null,
                null,
                null,
                OffsetDateTime.parse("2026-12-24T08:00:00Z"),
                null,
                null,
                null,
                List.of(),
                List.of());
        return new Shipment(UUID.randomUUID(), UUID.randomUUID(), fields, status, List.of(), null, 0);
    }

    @Test
    void everyPairOfStatusesIsEitherAllowedOrRefusedForUsersAndEveryMoveIsRecorded() {
        for (ShipmentStatus from : ShipmentStatus.values()) {
            for (ShipmentStatus to : ShipmentStatus.values()) {
                if (to == ShipmentStatus.ARCHIVED) {
                    continue; // archiving has its own rule, below
                }
                Shipment s = at(from);
                if (ALLOWED.get(from).contains(to)) {
                    s.moveTo(to, "why", ACTOR, NOW);
                    assertThat(s.status()).as(from + "→" + to).isEqualTo(to);
                    assertThat(s.recordedChanges()).singleElement().satisfies(c -> {
                        assertThat(c.from()).isEqualTo(from);
                        assertThat(c.to()).isEqualTo(to);
                        assertThat(c.source()).isEqualTo(StatusChange.Source.USER);
                        assertThat(c.actorUserId()).isEqualTo(ACTOR);
                        assertThat(c.reason()).isEqualTo("why");
                    });
                } else {
                    assertThatThrownBy(() -> s.moveTo(to, null, ACTOR, NOW))
                            .as(from + "→" + to)
                            .isInstanceOf(ConflictException.class);
                    assertThat(s.status()).isEqualTo(from);
                    assertThat(s.recordedChanges()).isEmpty();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = "ARCHIVED", mode = EnumSource.Mode.EXCLUDE)
    void archivingIsAllowedFromEveryStatusWithAReasonAndWithoutOneOnlyWhenDelivered(ShipmentStatus from) {
        Shipment withoutReason = at(from);
        if (from == ShipmentStatus.DELIVERED) {
            withoutReason.archive(null, ACTOR, NOW);
            assertThat(withoutReason.status()).isEqualTo(ShipmentStatus.ARCHIVED);
        } else {
            assertThatThrownBy(() -> withoutReason.archive(" ", ACTOR, NOW)).isInstanceOf(ConflictException.class);
        }
        Shipment withReason = at(from);
        withReason.archive("cancelled", ACTOR, NOW);
        assertThat(withReason.status()).isEqualTo(ShipmentStatus.ARCHIVED);
    }

    @Test
    void archivedIsTerminalForUsersAndTracking() {
        Shipment s = at(ShipmentStatus.ARCHIVED);
        assertThatThrownBy(() -> s.archive("again", ACTOR, NOW)).isInstanceOf(ConflictException.class);
        for (TrackingMilestone m : TrackingMilestone.values()) {
            assertThat(s.applyMilestone(m, NOW, "event", NOW)).isFalse();
        }
        assertThat(s.status()).isEqualTo(ShipmentStatus.ARCHIVED);
        assertThat(s.recordedChanges()).isEmpty();
    }

    @Test
    void trackingMovesOnlyForwardAndRecordsItselfAsTheSource() {
        for (ShipmentStatus from : ShipmentStatus.values()) {
            if (from == ShipmentStatus.ARCHIVED) {
                continue;
            }
            for (TrackingMilestone m : TrackingMilestone.values()) {
                Shipment s = at(from);
                boolean moved = s.applyMilestone(m, NOW, "event", NOW);
                boolean forward = from.isBefore(m.target());
                assertThat(moved).as(from + " + " + m).isEqualTo(forward);
                assertThat(s.status()).isEqualTo(forward ? m.target() : from);
                if (forward) {
                    assertThat(s.recordedChanges().get(0).source()).isEqualTo(StatusChange.Source.TRACKING);
                    assertThat(s.recordedChanges().get(0).actorUserId()).isNull();
                }
            }
        }
    }

    @Test
    void aCustomsHoldNeedsAttentionUntilReleasedAndAnEtaSlipBeyondADayIsFlagged() {
        Shipment s = at(ShipmentStatus.ARRIVED);
        s.applyMilestone(TrackingMilestone.CUSTOMS_HOLD, NOW, "held", NOW);
        assertThat(s.attention()).contains(Shipment.ATTENTION_CUSTOMS_HOLD);
        s.releaseCustomsHold();
        assertThat(s.attention()).doesNotContain(Shipment.ATTENTION_CUSTOMS_HOLD);

        Shipment late = at(ShipmentStatus.IN_TRANSIT);
        assertThat(late.reviseEta(OffsetDateTime.parse("2026-12-24T20:00:00Z"))).isEmpty(); // 12 h: no slip
        assertThat(late.attention()).doesNotContain(Shipment.ATTENTION_ETA_SLIPPED);
        assertThat(late.reviseEta(OffsetDateTime.parse("2026-12-27T08:00:00Z")))
                .contains(OffsetDateTime.parse("2026-12-24T20:00:00Z"));
        assertThat(late.attention()).contains(Shipment.ATTENTION_ETA_SLIPPED);
    }
}
