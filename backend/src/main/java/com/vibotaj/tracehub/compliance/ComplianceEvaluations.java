package com.vibotaj.tracehub.compliance;

import com.vibotaj.tracehub.compliance.internal.EvaluationService;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.platform.TenantContext;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The door other modules (audit pack, analytics) and the web layer use into compliance: the one
 * evaluation of a shipment, in the caller's tenant scope (invisible or unknown → 404).
 */
@Service
public class ComplianceEvaluations {

    private final EvaluationService service;

    ComplianceEvaluations(EvaluationService service) {
        this.service = service;
    }

    /**
     * The stored evaluation; computed (and stored as the owner) when missing or produced by an older rule
     * set. Called inside a transaction it cannot act as the owner, so it then answers the stored one, or
     * computes one without storing it.
     */
    public ComplianceEvaluation current(UUID shipmentId) {
        return (TransactionSynchronizationManager.isActualTransactionActive()
                        ? service.currentInTransaction(shipmentId)
                        : service.current(TenantContext.current(), shipmentId))
                .orElseThrow(() -> NotFoundException.of("Shipment", shipmentId));
    }
}
