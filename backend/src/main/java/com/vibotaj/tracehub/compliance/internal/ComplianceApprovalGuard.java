package com.vibotaj.tracehub.compliance.internal;

import com.vibotaj.tracehub.documents.ApprovalGuard;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Approval is refused while the candidate has an open (not overridden) blocking finding: the rules run
 * as if the candidate were the deciding version of its type. Runs inside the approving transaction.
 */
@Component
class ComplianceApprovalGuard implements ApprovalGuard {

    private final EvaluationService service;

    ComplianceApprovalGuard(EvaluationService service) {
        this.service = service;
    }

    @Override
    public List<String> blockingFindings(ShipmentDocument candidate) {
        return service.inputs(candidate.shipmentId())
                .map(in -> Evaluator.blockingFor(candidate, in).stream()
                        .map(f -> f.ruleId() + ": " + f.message())
                        .toList())
                .orElse(List.of());
    }
}
