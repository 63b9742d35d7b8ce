package com.vibotaj.tracehub.shipments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The editable facts of a shipment, validated for format by the caller and for meaning by the
 * shipments module (known product type, partner organisations, container check digits).
 */
public record ShipmentFields(
        String reference,
        String productType,
        @Nullable UUID buyerOrganizationId,
        List<UUID> supplierOrganizationIds,
        List<UUID> logisticsOrganizationIds,
        @Nullable String exporterName,
        @Nullable String exporterAddress,
        @Nullable String importerName,
        @Nullable String importerAddress,
        @Nullable String billOfLading,
        @Nullable String bookingReference,
        @Nullable String carrierScac,
        @Nullable String carrierName,
        @Nullable String vesselName,
        @Nullable String voyage,
        @Nullable String portOfLoading,
        @Nullable String portOfDischarge,
        @Nullable String finalDestination,
        @Nullable String incoterms,
        @Nullable OffsetDateTime etd,
        @Nullable OffsetDateTime eta,
        @Nullable OffsetDateTime atd,
        @Nullable OffsetDateTime ata,
        @Nullable String notes,
        List<ContainerLine> containers,
        List<ProductLine> productLines) {

    /** The format of a reference, shared by the API, the CSV import and the database check. */
    public static final String REFERENCE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9/_.-]{1,39}$";

    public ShipmentFields {
        supplierOrganizationIds = List.copyOf(supplierOrganizationIds);
        logisticsOrganizationIds = List.copyOf(logisticsOrganizationIds);
        containers = List.copyOf(containers);
        productLines = List.copyOf(productLines);
    }

    /** The same fields with another estimated arrival (tracking revises it). */
    public ShipmentFields withEta(@Nullable OffsetDateTime newEta) {
        return new ShipmentFields(
                reference,
                productType,
                buyerOrganizationId,
                supplierOrganizationIds,
                logisticsOrganizationIds,
                exporterName,
                exporterAddress,
                importerName,
                importerAddress,
                billOfLading,
                bookingReference,
                carrierScac,
                carrierName,
                vesselName,
                voyage,
                portOfLoading,
                portOfDischarge,
                finalDestination,
                incoterms,
                etd,
                newEta,
                atd,
                ata,
                notes,
                containers,
                productLines);
    }

    /** The same fields with other actual departure and arrival times (tracking reports them). */
    public ShipmentFields withActuals(@Nullable OffsetDateTime newAtd, @Nullable OffsetDateTime newAta) {
        return new ShipmentFields(
                reference,
                productType,
                buyerOrganizationId,
                supplierOrganizationIds,
                logisticsOrganizationIds,
                exporterName,
                exporterAddress,
                importerName,
                importerAddress,
                billOfLading,
                bookingReference,
                carrierScac,
                carrierName,
                vesselName,
                voyage,
                portOfLoading,
                portOfDischarge,
                finalDestination,
                incoterms,
                etd,
                eta,
                newAtd,
                newAta,
                notes,
                containers,
                productLines);
    }

    /** One container as entered: the number is raw input until the aggregate validates it. */
    public record ContainerLine(
            String number,
            @Nullable String isoType,
            @Nullable String sealNumber,
            java.math.@Nullable BigDecimal grossWeightKg) {}

    /** One product line; {@code containerNumber} names the container it is stowed in, if known. */
    public record ProductLine(
            String hsCode,
            String description,
            java.math.@Nullable BigDecimal netWeightKg,
            java.math.@Nullable BigDecimal grossWeightKg,
            @Nullable Integer packages,
            @Nullable String packagingType,
            @Nullable String batchNumbers,
            @Nullable String qualityGrade,
            java.math.@Nullable BigDecimal moisturePercent,
            @Nullable String containerNumber) {}
}
