package com.vibotaj.tracehub.notifications.internal;

import com.vibotaj.tracehub.compliance.ComplianceEvaluated;
import com.vibotaj.tracehub.compliance.DocumentExpiring;
import com.vibotaj.tracehub.documents.DocumentChanged;
import com.vibotaj.tracehub.identity.InvitationAccepted;
import com.vibotaj.tracehub.identity.InvitationCreated;
import com.vibotaj.tracehub.shipments.ShipmentEtaChanged;
import com.vibotaj.tracehub.shipments.ShipmentStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The events notifications listen to. Each runs asynchronously after the publishing transaction
 * committed, so a slow or failing notification never delays or fails the user's action, and without a
 * transaction of its own ({@code NOT_SUPPORTED}): the {@link Notifier} chooses a tenant scope per step,
 * which is only possible outside a transaction.
 */
@Component
class NotificationListeners {

    private final Notifier notifier;

    NotificationListeners(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ShipmentStatusChanged event) {
        notifier.on(event);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ShipmentEtaChanged event) {
        notifier.on(event);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DocumentChanged event) {
        notifier.on(event);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ComplianceEvaluated event) {
        notifier.on(event);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DocumentExpiring event) {
        notifier.on(event);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(InvitationCreated event) {
        notifier.on(event);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(InvitationAccepted event) {
        notifier.on(event);
    }
}
