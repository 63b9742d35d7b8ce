package com.vibotaj.tracehub.compliance.internal;

import com.vibotaj.tracehub.documents.DocumentChanged;
import com.vibotaj.tracehub.eudr.DdsReferenceRecorded;
import com.vibotaj.tracehub.eudr.EudrOriginsChanged;
import com.vibotaj.tracehub.identity.OrganizationSettingsChanged;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.ShipmentContainersChanged;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.ShipmentStatusChanged;
import com.vibotaj.tracehub.shipments.ShipmentUpdated;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Re-evaluates a shipment after anything it depends on changed. It runs after the change committed
 * (the evaluation must see it, and a failed evaluation must not undo the user's change), in the
 * owner's scope, which every event names: the change may come from a supplier or a buyer, who cannot
 * write the owner's evaluation or status, and a redelivery runs with no caller at all.
 *
 * <p>Each event is an outbox publication (Spring Modulith's JDBC registry): if re-evaluation fails, the
 * exception leaves the publication incomplete and the redelivery job runs it again, instead of leaving a
 * stale evaluation until the next change. The user's request has already committed and is not failed.
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
        recompute(event.organizationId(), event.shipmentId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ShipmentStatusChanged event) {
        boolean ours = "system".equals(event.source())
                && (event.to() == ShipmentStatus.DOCS_COMPLETE || event.to() == ShipmentStatus.DOCS_PENDING);
        if (!ours) {
            // Our own paperwork moves follow from an evaluation that is already stored.
            recompute(event.organizationId(), event.shipmentId());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ShipmentContainersChanged event) {
        recompute(event.organizationId(), event.shipmentId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ShipmentUpdated event) {
        recompute(event.organizationId(), event.shipmentId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EudrOriginsChanged event) {
        recompute(event.organizationId(), event.shipmentId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DdsReferenceRecorded event) {
        recompute(event.organizationId(), event.shipmentId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OverridesChanged event) {
        recompute(event.organizationId(), event.shipmentId());
    }

    /** The TRACES number decides the veterinary regime: refresh every evaluated shipment of the organisation. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(OrganizationSettingsChanged event) {
        detached(() -> {
            TenantScope owner = TenantScope.organization(event.organizationId());
            for (UUID shipmentId : tx.read(owner, () -> store.evaluatedShipments(event.organizationId()))) {
                service.recomputeAsOwner(owner, shipmentId);
            }
        });
    }

    private void recompute(UUID ownerId, UUID shipmentId) {
        detached(() -> service.recomputeAsOwner(TenantScope.organization(ownerId), shipmentId));
    }

    /** Runs the work on a fresh thread and rethrows its failure here, so the publication stays incomplete. */
    private static void detached(Runnable work) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                },
                "compliance-recompute");
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while re-evaluating compliance", e);
        }
        if (failure.get() != null) {
            log.error("Re-evaluating compliance failed; the event stays outstanding for redelivery", failure.get());
            throw failure.get();
        }
    }
}
