package com.vibotaj.tracehub.compliance;

import com.vibotaj.tracehub.compliance.internal.EvaluationService;
import com.vibotaj.tracehub.compliance.internal.OverrideRepository;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.platform.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The door other modules (audit pack, analytics) and the web layer use into compliance: the one
 * evaluation of a shipment, in the caller's tenant scope (invisible or unknown → 404).
 */
@Service
public class ComplianceEvaluations {

    private final EvaluationService service;
    private final OverrideRepository overrides;

    ComplianceEvaluations(EvaluationService service, OverrideRepository overrides) {
        this.service = service;
        this.overrides = overrides;
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

    /**
     * Every override of the shipment's findings, revoked ones included, oldest first; empty when the
     * shipment is invisible. Runs in the caller's transaction and scope.
     */
    @Transactional(readOnly = true)
    public List<ComplianceOverride> overrides(UUID shipmentId) {
        return overrides.forShipment(shipmentId).stream()
                .map(o -> new ComplianceOverride(
                        o.id(),
                        o.ruleId(),
                        o.documentId(),
                        o.reason(),
                        o.createdBy(),
                        o.createdAt(),
                        o.revokedAt(),
                        o.revokedBy()))
                .toList();
    }
}
