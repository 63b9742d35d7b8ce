package com.vibotaj.tracehub.shipments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Compliance moves only docs_pending ↔ docs_complete, recorded as a system move with its reason. */
class ShipmentPaperworkTests {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void compliantMovesDocsPendingToDocsCompleteAsASystemMoveWithTheReason() {
        Shipment s = ShipmentStatusMachineTests.at(ShipmentStatus.DOCS_PENDING);
        assertThat(s.settlePaperwork(true, "Compliance evaluation: compliant (rule set 2026.1)", NOW))
                .isTrue();
        assertThat(s.status()).isEqualTo(ShipmentStatus.DOCS_COMPLETE);
        StatusChange change = s.recordedChanges().get(0);
        assertThat(change.from()).isEqualTo(ShipmentStatus.DOCS_PENDING);
        assertThat(change.source()).isEqualTo(StatusChange.Source.SYSTEM);
        assertThat(change.actorUserId()).isNull();
        assertThat(change.reason()).contains("compliant");
    }

    @Test
    void noLongerCompliantMovesDocsCompleteBack() {
        Shipment s = ShipmentStatusMachineTests.at(ShipmentStatus.DOCS_COMPLETE);
        assertThat(s.settlePaperwork(false, "Compliance evaluation: non compliant (rule set 2026.1)", NOW))
                .isTrue();
        assertThat(s.status()).isEqualTo(ShipmentStatus.DOCS_PENDING);
    }

    @Test
    void leavesEveryOtherStatusAndTheMatchingOnesAlone() {
        for (ShipmentStatus status : ShipmentStatus.values()) {
            for (boolean compliant : new boolean[] {true, false}) {
                boolean moves = (compliant && status == ShipmentStatus.DOCS_PENDING)
                        || (!compliant && status == ShipmentStatus.DOCS_COMPLETE);
                Shipment s = ShipmentStatusMachineTests.at(status);
                assertThat(s.settlePaperwork(compliant, "reason", NOW))
                        .as("%s, compliant=%s", status, compliant)
                        .isEqualTo(moves);
                if (!moves) {
                    assertThat(s.status()).isEqualTo(status);
                    assertThat(s.recordedChanges()).isEmpty();
                }
            }
        }
    }
}
