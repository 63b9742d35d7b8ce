package com.vibotaj.tracehub.documents;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A document version was uploaded ({@code from} null), moved in the workflow, or had its metadata edited
 * ({@code from == to}). Compliance re-evaluates on it; notifications tell the uploader of a rejection.
 */
public record DocumentChanged(
        UUID documentId,
        UUID shipmentId,
        UUID organizationId,
        String type,
        @Nullable DocumentStatus from,
        DocumentStatus to,
        @Nullable UUID actorUserId,
        @Nullable String reason,
        UUID uploadedBy) {}
