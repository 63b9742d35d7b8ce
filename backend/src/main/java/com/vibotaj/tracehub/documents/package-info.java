/**
 * Documents: document types, upload to a {@code DocumentStore} (filesystem or S3), versions, the review
 * workflow, metadata, duplicate detection, and text extraction with suggestions. Knows nothing of the
 * compliance rules: approval asks the {@link com.vibotaj.tracehub.documents.ApprovalGuard} SPI that the
 * compliance module implements.
 */
@ApplicationModule(
        displayName = "Documents",
        allowedDependencies = {"platform", "identity", "reference", "shipments"})
@NullMarked
package com.vibotaj.tracehub.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
