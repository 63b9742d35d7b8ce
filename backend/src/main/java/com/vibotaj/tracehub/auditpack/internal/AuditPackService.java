package com.vibotaj.tracehub.auditpack.internal;

import com.vibotaj.tracehub.auditpack.internal.PackSource.PackDocument;
import com.vibotaj.tracehub.compliance.ComplianceEvaluations;
import com.vibotaj.tracehub.documents.DocumentContent;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.documents.ShipmentDocuments;
import com.vibotaj.tracehub.eudr.EudrAssessments;
import com.vibotaj.tracehub.eudr.EudrEvidence;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantContext;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.tracking.TrackingHistory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reads what a pack is built from, in the caller's tenant scope: whoever can see the shipment (owner,
 * buyer, parties) gets its pack; an invisible shipment is a 404. Must be called outside a transaction,
 * because the compliance evaluation may first have to be computed and stored as the owner.
 */
@Service
public class AuditPackService {

    private static final Logger log = LoggerFactory.getLogger(AuditPackService.class);

    private final ShipmentFacts shipments;
    private final ShipmentDocuments documents;
    private final ComplianceEvaluations compliance;
    private final EudrAssessments eudr;
    private final TrackingHistory tracking;
    private final ScopedTransactions tx;
    private final Counter missingDocuments;

    AuditPackService(
            ShipmentFacts shipments,
            ShipmentDocuments documents,
            ComplianceEvaluations compliance,
            EudrAssessments eudr,
            TrackingHistory tracking,
            ScopedTransactions tx,
            MeterRegistry meters) {
        this.shipments = shipments;
        this.documents = documents;
        this.compliance = compliance;
        this.eudr = eudr;
        this.tracking = tracking;
        this.tx = tx;
        this.missingDocuments = Counter.builder("tracehub_audit_pack_missing_documents")
                .description("Current documents whose bytes were missing from storage when a pack was built")
                .register(meters);
    }

    public PackSource prepare(UUID shipmentId) {
        TenantScope scope = TenantContext.current();
        if (tx.read(scope, () -> shipments.find(shipmentId)).isEmpty()) {
            throw NotFoundException.of("Shipment", shipmentId);
        }
        // Outside a transaction: a missing or outdated evaluation is computed and stored as the owner, so
        // the snapshot below reads the stored one and two packs of unchanged data carry the same evaluation.
        compliance.current(shipmentId);
        PackSource source = tx.read(scope, () -> snapshot(shipmentId));
        if (source.missingCount() > 0) {
            missingDocuments.increment(source.missingCount());
        }
        return source;
    }

    private PackSource snapshot(UUID shipmentId) {
        ShipmentFacts.Facts facts =
                shipments.find(shipmentId).orElseThrow(() -> NotFoundException.of("Shipment", shipmentId));
        ShipmentFields fields =
                shipments.fields(shipmentId).orElseThrow(() -> NotFoundException.of("Shipment", shipmentId));
        List<ShipmentDocument> current = documents.current(shipmentId);
        Set<UUID> currentIds = current.stream().map(ShipmentDocument::id).collect(Collectors.toSet());
        List<ShipmentDocument> others = documents.forShipment(shipmentId).stream()
                .filter(d -> !currentIds.contains(d.id()))
                .toList();
        List<PackDocument> packed = new ArrayList<>();
        for (ShipmentDocument d : current) {
            DocumentContent content =
                    documents.content(d.id()).orElseThrow(() -> NotFoundException.of("Document", d.id()));
            packed.add(new PackDocument(d, stored(d, content) ? content : null));
        }
        EudrEvidence evidence = eudr.evidence(shipmentId);
        return new PackSource(
                facts,
                fields,
                compliance.current(shipmentId),
                compliance.overrides(shipmentId),
                packed,
                others,
                tracking.events(shipmentId),
                evidence.assessment().applicable() ? evidence : null);
    }

    /** Whether storage still has the bytes; a lost object is reported in the pack, never silently skipped. */
    private static boolean stored(ShipmentDocument d, DocumentContent content) {
        try {
            if (content.exists()) {
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the document store for document " + d.id(), e);
        }
        log.error(
                "Audit pack of shipment {}: the bytes of document {} ({} v{}, sha256 {}) are missing from storage",
                d.shipmentId(),
                d.id(),
                d.type(),
                d.version(),
                d.sha256());
        return false;
    }
}
