package com.vibotaj.tracehub.auditpack.internal;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation;
import com.vibotaj.tracehub.compliance.ComplianceOverride;
import com.vibotaj.tracehub.documents.DocumentContent;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.eudr.EudrEvidence;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.tracking.TrackingHistory;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a pack is built from, read in one transaction (one consistent snapshot) in the caller's
 * scope. Building needs no database afterwards: document bytes are opened through their handles.
 *
 * @param otherVersions versions that are not current (listed in metadata.json, their bytes not included)
 * @param eudr present only where EUDR applies to the shipment
 */
public record PackSource(
        ShipmentFacts.Facts facts,
        ShipmentFields fields,
        ComplianceEvaluation evaluation,
        List<ComplianceOverride> overrides,
        List<PackDocument> documents,
        List<ShipmentDocument> otherVersions,
        List<TrackingHistory.Event> events,
        @Nullable EudrEvidence eudr) {

    public PackSource {
        overrides = List.copyOf(overrides);
        documents = List.copyOf(documents);
        otherVersions = List.copyOf(otherVersions);
        events = List.copyOf(events);
    }

    /**
     * A current document and where its bytes are.
     *
     * @param content null when the storage no longer holds the bytes: the pack then carries a
     *     {@code .MISSING.txt} entry in its place and says so in the index and the metadata
     */
    public record PackDocument(
            ShipmentDocument document, @Nullable DocumentContent content) {

        public boolean missing() {
            return content == null;
        }

        /** The entry name: {@code documents/<type>-v<version>-<first 8 of id>.<ext>} (or {@code .MISSING.txt}). */
        public String entryName() {
            String base = "documents/" + document.type() + "-v" + document.version() + "-"
                    + document.id().toString().substring(0, 8);
            return missing() ? base + ".MISSING.txt" : base + "." + extension(document.contentType());
        }

        static String extension(String contentType) {
            return switch (contentType) {
                case "application/pdf" -> "pdf";
                case "image/jpeg" -> "jpg";
                case "image/png" -> "png";
                case "image/tiff" -> "tif";
                case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "docx";
                case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "xlsx";
                default -> "bin";
            };
        }
    }

    public int missingCount() {
        return (int) documents.stream().filter(PackDocument::missing).count();
    }
}
