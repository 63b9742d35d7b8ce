package com.vibotaj.tracehub.audit.internal;

import com.vibotaj.tracehub.audit.internal.AuditEntry.ActorKind;
import com.vibotaj.tracehub.compliance.DocumentExpiring;
import com.vibotaj.tracehub.shipments.ShipmentStatusChanged;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Records what the system did without a request: status moves by tracking, imports or jobs, and expiry
 * warnings. Moves made by users are already recorded by their request, so they are skipped here rather
 * than logged twice. Entries carry no IP, user agent or HTTP result (result 0).
 */
@Component
class SystemActions {

    private final AuditWriter writer;
    private final Clock clock;

    SystemActions(AuditWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    // No transaction of the listener's own: AuditWriter opens one with the event's tenant scope, which
    // must be chosen before a transaction begins (TenantContext).
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ShipmentStatusChanged event) {
        if ("user".equals(event.source())) {
            return;
        }
        writer.write(system(
                event.organizationId(),
                "SYSTEM shipment.status-changed",
                "shipment",
                event.shipmentId().toString(),
                "%s: %s → %s (%s)"
                        .formatted(
                                event.reference(),
                                event.from() == null ? "new" : event.from().value(),
                                event.to().value(),
                                event.source()),
                event.occurredAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DocumentExpiring event) {
        writer.write(system(
                event.organizationId(),
                "SYSTEM document.expiring",
                "document",
                event.documentId().toString(),
                event.daysLeft() < 0
                        ? "%s expired on %s".formatted(event.type(), event.expiryDate())
                        : "%s expires on %s (%d days left)"
                                .formatted(event.type(), event.expiryDate(), event.daysLeft()),
                clock.instant()));
    }

    private static AuditEntry system(
            java.util.UUID organizationId,
            String action,
            String objectType,
            String objectId,
            String detail,
            java.time.Instant at) {
        return new AuditEntry(
                at,
                organizationId,
                null,
                null,
                ActorKind.SYSTEM,
                action,
                objectType,
                objectId,
                0,
                detail,
                null,
                null,
                null);
    }
}
