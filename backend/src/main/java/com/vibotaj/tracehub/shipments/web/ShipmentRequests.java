package com.vibotaj.tracehub.shipments.web;

import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentFields.ContainerLine;
import com.vibotaj.tracehub.shipments.ShipmentFields.ProductLine;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request bodies of the shipments API: format rules here, meaning in the shipments module. */
final class ShipmentRequests {

    private ShipmentRequests() {}

    @Schema(name = "ShipmentRequest")
    record ShipmentRequest(
            @Schema(description = "Required on update: the version you loaded; a stale one answers 409 stale-version")
            @Nullable
            Integer version,

            @NotBlank(message = "is required")
            @Pattern(
                    regexp = ShipmentFields.REFERENCE_PATTERN,
                    message = "must be 2–40 letters, digits or / _ . - (e.g. VIBO-2026-014)")
            @Schema(example = "VIBO-2026-014")
            String reference,

            @NotBlank(message = "is required") @Schema(example = "cocoa_beans")
            String productType,

            @Nullable UUID buyerOrganizationId,
            @Nullable @Size(max = 20) List<UUID> supplierOrganizationIds,
            @Nullable @Size(max = 20) List<UUID> logisticsOrganizationIds,
            @Nullable @Size(max = 200) String exporterName,
            @Nullable @Size(max = 500) String exporterAddress,
            @Nullable @Size(max = 200) String importerName,
            @Nullable @Size(max = 500) String importerAddress,

            @Nullable @Size(max = 40) @Schema(example = "MAEU241234567")
            String billOfLading,

            @Nullable @Size(max = 40) String bookingReference,

            @Nullable @Size(max = 4) @Schema(example = "MAEU")
            String carrierScac,

            @Nullable @Size(max = 100) String carrierName,

            @Nullable @Size(max = 100) @Schema(example = "MAERSK GUAYAQUIL")
            String vesselName,

            @Nullable @Size(max = 20) String voyage,

            @Nullable @Size(max = 5) @Schema(example = "NGAPP")
            String portOfLoading,

            @Nullable @Size(max = 5) @Schema(example = "DEHAM")
            String portOfDischarge,

            @Nullable @Size(max = 200) String finalDestination,

            @Nullable @Size(max = 3) @Schema(example = "FOB")
            String incoterms,

            @Nullable OffsetDateTime etd,
            @Nullable OffsetDateTime eta,
            @Nullable OffsetDateTime atd,
            @Nullable OffsetDateTime ata,
            @Nullable @Size(max = 4000) String notes,
            @Nullable @Size(max = 200) List<@Valid ContainerRequest> containers,
            @Nullable @Size(max = 200) List<@Valid ProductLineRequest> productLines) {

        ShipmentFields toFields() {
            return new ShipmentFields(
                    reference,
                    productType,
                    buyerOrganizationId,
                    orEmpty(supplierOrganizationIds),
                    orEmpty(logisticsOrganizationIds),
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
                    atd,
                    ata,
                    notes,
                    orEmpty(containers).stream().map(ContainerRequest::toLine).toList(),
                    orEmpty(productLines).stream()
                            .map(ProductLineRequest::toLine)
                            .toList());
        }
    }

    @Schema(name = "ContainerRequest")
    record ContainerRequest(
            @NotBlank(message = "is required") @Size(max = 20) @Schema(example = "CSQU3054383")
            String number,

            @Nullable @Size(max = 4) @Schema(example = "22G1")
            String isoType,

            @Nullable @Size(max = 40) String sealNumber,

            @Nullable @DecimalMin(value = "0.01", message = "must be positive")
            BigDecimal grossWeightKg) {

        ContainerLine toLine() {
            return new ContainerLine(number, isoType, sealNumber, grossWeightKg);
        }
    }

    @Schema(name = "ProductLineRequest")
    record ProductLineRequest(
            @NotBlank(message = "is required") @Size(max = 14) @Schema(example = "180100")
            String hsCode,

            @NotBlank(message = "is required") @Size(max = 500)
            String description,

            @Nullable @DecimalMin(value = "0.01", message = "must be positive")
            BigDecimal netWeightKg,

            @Nullable @DecimalMin(value = "0.01", message = "must be positive")
            BigDecimal grossWeightKg,

            @Nullable @Min(value = 1, message = "must be positive")
            Integer packages,

            @Nullable @Size(max = 60) String packagingType,
            @Nullable @Size(max = 500) String batchNumbers,
            @Nullable @Size(max = 60) String qualityGrade,
            @Nullable @DecimalMin("0") @DecimalMax("100") BigDecimal moisturePercent,
            @Nullable @Size(max = 20) String containerNumber) {

        ProductLine toLine() {
            return new ProductLine(
                    hsCode,
                    description,
                    netWeightKg,
                    grossWeightKg,
                    packages,
                    packagingType,
                    batchNumbers,
                    qualityGrade,
                    moisturePercent,
                    containerNumber);
        }
    }

    @Schema(name = "StatusChangeRequest")
    record StatusChangeRequest(
            @NotNull(message = "is required") ShipmentStatus status,
            @Nullable @Size(max = 1000) String reason) {}

    @Schema(name = "ContainersRequest")
    record ContainersRequest(
            @NotNull(message = "is required") Integer version,

            @NotNull(message = "is required") @Size(max = 200)
            List<@Valid ContainerRequest> containers) {}

    static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
