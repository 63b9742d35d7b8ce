package com.vibotaj.tracehub.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of one document of a shipment, as other modules see it.
 *
 * @param organizationId the shipment's owner organisation
 * @param uploadedByOrganizationId the organisation of the uploader (the owner or a supplier party)
 */
public record ShipmentDocument(
        UUID id,
        UUID shipmentId,
        UUID organizationId,
        String type,
        int version,
        DocumentStatus status,
        DocumentMetadata metadata,
        String sha256,
        long sizeBytes,
        String contentType,
        String originalName,
        UUID uploadedBy,
        UUID uploadedByOrganizationId,
        Instant uploadedAt,
        Instant statusChangedAt) {}
