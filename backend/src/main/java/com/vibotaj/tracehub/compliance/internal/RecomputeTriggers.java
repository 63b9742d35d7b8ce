package com.vibotaj.tracehub.compliance.internal;

import com.vibotaj.tracehub.documents.DocumentChanged;
import com.vibotaj.tracehub.eudr.DdsReferenceRecorded;
import com.vibotaj.tracehub.eudr.EudrOriginsChanged;
import com.vibotaj.tracehub.identity.OrganizationSettingsChanged;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantContext;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.ShipmentContainersChanged;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.ShipmentStatusChanged;
import com.vibotaj.tracehub.shipments.ShipmentUpdated;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Re-evaluates a shipment after anything it depends on changed. It runs after the change committed
 * (the evaluation must see it, and a failed evaluation must not undo the user's change), in the
 * owner's scope: the change may come from a supplier or a buyer, who cannot write the owner's
 * evaluation or status.
 *
 * <p>After commit the finished transaction is still bound to the thread until cleanup, so no new tenant
 * scope may be chosen on it; the work runs on a fresh thread that the caller waits for. Waiting
 * keeps the result visible as soon as the request returns (the UI reloads the evaluation right away).
 */
@Component
class RecomputeTriggers {

    private static final Logger log = LoggerFactory.getLogger(RecomputeTriggers.class);

    private final EvaluationService service;
    private final EvaluationStore store;
    private final ScopedTransactions tx;

    RecomputeTriggers(EvaluationService service, EvaluationStore store, ScopedTransactions tx) {
        this.service = service;
        this.store = store;
        this.tx = tx;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DocumentChanged event) {
        recompute(event.shipmentId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ShipmentStatusChanged event) {
        boolean ours = "system".equals(event.source())
                && (event.to() == ShipmentStatus.DOCS_COMPLETE || event.to() == ShipmentStatus.DOCS_PENDING);
        if (!ours) {
            // Our own paperwork moves follow from an evaluation that is already stored.
            recompute(event.shipmentId());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ShipmentContainersChanged event) {
        recompute(event.shipmentId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ShipmentUpdated event) {
        recompute(event.shipmentId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EudrOriginsChanged event) {
        recompute(event.shipmentId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DdsReferenceRecorded event) {
        recompute(event.shipmentId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OverridesChanged event) {
        recompute(event.shipmentId());
    }

    /** The TRACES number decides the veterinary regime: refresh every evaluated shipment of the organisation. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(OrganizationSettingsChanged event) {
        detached(() -> {
            TenantScope owner = TenantScope.organization(event.organizationId());
            for (UUID shipmentId : tx.read(owner, () -> store.evaluatedShipments(event.organizationId()))) {
                recomputeLogged(owner, shipmentId);
            }
        });
    }

    private void recompute(UUID shipmentId) {
        TenantScope caller = TenantContext.current();
        detached(() -> recomputeLogged(caller, shipmentId));
    }

    private void recomputeLogged(TenantScope caller, UUID shipmentId) {
        try {
            service.recomputeAsOwner(caller, shipmentId);
        } catch (RuntimeException e) {
            // The change itself is committed; the stored evaluation is refreshed by the next change,
            // the nightly expiry run, or on read when missing.
            log.error("Re-evaluating compliance of shipment {} failed", shipmentId, e);
        }
    }

    private static void detached(Runnable work) {
        Thread worker = new Thread(work, "compliance-recompute");
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
