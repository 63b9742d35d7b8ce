package com.vibotaj.tracehub.shipments;

import com.vibotaj.tracehub.shipments.internal.ShipmentRepository;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What documents, compliance and EUDR need to know about a shipment, read in the caller's tenant scope:
 * an unknown or invisible shipment is empty (the caller answers 404), so row-level security decides
 * visibility here exactly as it does for the shipment API.
 */
@Service
public class ShipmentFacts {

    private final ShipmentRepository repository;

    ShipmentFacts(ShipmentRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Optional<Facts> find(UUID shipmentId) {
        return repository.load(shipmentId, false).map(s -> {
            ShipmentFields f = s.fields();
            List<ProductLineFact> lines = IntStream.range(0, f.productLines().size())
                    .mapToObj(i -> ProductLineFact.of(i + 1, f.productLines().get(i)))
                    .toList();
            return new Facts(
                    s.id(),
                    s.organizationId(),
                    f.buyerOrganizationId(),
                    f.supplierOrganizationIds(),
                    f.logisticsOrganizationIds(),
                    f.reference(),
                    f.productType(),
                    s.status(),
                    f.portOfLoading(),
                    f.portOfDischarge(),
                    f.etd(),
                    f.atd(),
                    f.eta(),
                    f.exporterName(),
                    f.importerName(),
                    f.containers().stream()
                            .map(ShipmentFields.ContainerLine::number)
                            .toList(),
                    lines);
        });
    }

    /**
     * Every editable field of the shipment (vessel, B/L, incoterms, parties' trade names, containers, product
     * lines), for read-only reports such as the audit pack; empty when unknown or invisible.
     */
    @Transactional(readOnly = true)
    public Optional<ShipmentFields> fields(UUID shipmentId) {
        return repository.load(shipmentId, false).map(s -> s.fields());
    }

    /**
     * A shipment's facts.
     *
     * @param organizationId the owner (the exporter)
     * @param portOfDischarge UN/LOCODE; its first two letters are the destination country
     */
    public record Facts(
            UUID id,
            UUID organizationId,
            @Nullable UUID buyerOrganizationId,
            List<UUID> supplierOrganizationIds,
            List<UUID> logisticsOrganizationIds,
            String reference,
            String productType,
            ShipmentStatus status,
            @Nullable String portOfLoading,
            @Nullable String portOfDischarge,
            @Nullable OffsetDateTime etd,
            @Nullable OffsetDateTime atd,
            @Nullable OffsetDateTime eta,
            @Nullable String exporterName,
            @Nullable String importerName,
            List<String> containerNumbers,
            List<ProductLineFact> productLines) {

        /** ISO 3166 alpha-2 of the port of discharge, if one is set. */
        public @Nullable String destinationCountry() {
            return portOfDischarge == null ? null : portOfDischarge.substring(0, 2);
        }

        /** ISO 3166 alpha-2 of the port of loading (the export country), if one is set. */
        public @Nullable String exportCountry() {
            return portOfLoading == null ? null : portOfLoading.substring(0, 2);
        }

        /** Whether the organisation may change the shipment (it owns it). */
        public boolean ownedBy(UUID org) {
            return organizationId.equals(org);
        }

        /** Whether the organisation is a supplier or forwarder party of the shipment. */
        public boolean partyOf(UUID org) {
            return supplierOrganizationIds.contains(org) || logisticsOrganizationIds.contains(org);
        }

        /** Whether the organisation is the shipment's buyer. */
        public boolean boughtBy(UUID org) {
            return org.equals(buyerOrganizationId);
        }
    }

    /**
     * One product line, identified by its 1-based position in the shipment (line ids are not stable
     * across edits; positions are what users see and what EUDR origins link to).
     */
    public record ProductLineFact(
            int position,
            String hsCode,
            String description,
            @Nullable BigDecimal netWeightKg,
            @Nullable BigDecimal grossWeightKg,
            @Nullable BigDecimal moisturePercent,
            @Nullable String containerNumber) {

        static ProductLineFact of(int position, ShipmentFields.ProductLine l) {
            return new ProductLineFact(
                    position,
                    l.hsCode(),
                    l.description(),
                    l.netWeightKg(),
                    l.grossWeightKg(),
                    l.moisturePercent(),
                    l.containerNumber());
        }
    }
}
