package com.vibotaj.tracehub.compliance;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A shipment's overall compliance changed (published after the evaluation was stored, in the owner's
 * scope). {@code previousOverall} is null for a shipment's first evaluation.
 */
public record ComplianceEvaluated(
        UUID shipmentId,
        UUID organizationId,
        ComplianceEvaluation.@Nullable Overall previousOverall,
        ComplianceEvaluation.Overall overall,
        String ruleSetVersion) {}
