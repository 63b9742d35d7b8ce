package com.vibotaj.tracehub.compliance;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An override of a finding as recorded: who set it, when, why, and whether (by whom, when) it was revoked.
 *
 * @param documentId the document version it concerns, or null for the shipment as a whole
 */
public record ComplianceOverride(
        UUID id,
        String ruleId,
        @Nullable UUID documentId,
        String reason,
        UUID createdBy,
        Instant createdAt,
        @Nullable Instant revokedAt,
        @Nullable UUID revokedBy) {}
