package com.vibotaj.tracehub.shipments.internal;

import com.vibotaj.tracehub.shipments.ShipmentFields.ContainerLine;
import com.vibotaj.tracehub.shipments.ShipmentFields.ProductLine;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the API shows of shipments. */
public final class ShipmentViews {

    private ShipmentViews() {}

    /** An organisation named on a shipment; the name is null when the caller may not see it. */
    public record Party(
            @Schema(example = "0d3b1a10-0000-4000-8000-000000000002")
            UUID id,

            @Schema(example = "Elbufer Rohstoffhandel GmbH") @Nullable
            String name) {}

    public record Summary(
            UUID id,
            @Schema(example = "VIBO-2026-014") String reference,
            @Schema(example = "in_transit") ShipmentStatus status,
            @Schema(example = "cocoa_beans") String productType,
            @Nullable Party buyer,
            @Schema(example = "[\"CSQU3054383\"]") List<String> containerNumbers,
            @Schema(example = "MAEU241234567") @Nullable String billOfLading,
            @Schema(example = "MAEU") @Nullable String carrierScac,
            @Schema(example = "MAERSK BENUE") @Nullable String vesselName,
            @Schema(example = "612N") @Nullable String voyage,
            @Schema(example = "NGAPP") @Nullable String portOfLoading,
            @Schema(example = "DEHAM") @Nullable String portOfDischarge,

            @Schema(example = "2026-12-01T08:00:00Z") @Nullable
            OffsetDateTime etd,

            @Schema(example = "2026-12-24T08:00:00Z") @Nullable
            OffsetDateTime eta,

            @Nullable OffsetDateTime atd,
            @Nullable OffsetDateTime ata,

            @Schema(
                    description = "Why it needs attention: eta_slipped, customs_hold, unknown_port",
                    example = "[\"eta_slipped\"]")
            List<String> attention,

            OffsetDateTime updatedAt) {}

    public record Page(List<Summary> items, int page, int size, long totalItems, int totalPages) {}

    public record Detail(
            UUID id,
            int version,
            String reference,
            ShipmentStatus status,
            String productType,
            UUID ownerOrganizationId,
            @Nullable Party buyer,
            List<Party> suppliers,
            List<Party> forwarders,
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
            @Nullable OffsetDateTime etaOriginal,
            @Nullable OffsetDateTime atd,
            @Nullable OffsetDateTime ata,
            @Nullable String notes,
            List<Container> containers,
            List<ProductLine> productLines,
            List<String> attention,
            boolean editable,
            List<ShipmentStatus> allowedTransitions,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    /** A container with the last tracking code reported for it. */
    public record Container(
            String number,
            @Nullable String isoType,
            @Nullable String sealNumber,
            java.math.@Nullable BigDecimal grossWeightKg,
            @Nullable String trackingStatus) {

        static Container of(ContainerLine line, @Nullable String trackingStatus) {
            return new Container(
                    line.number(), line.isoType(), line.sealNumber(), line.grossWeightKg(), trackingStatus);
        }
    }

    public record StatusChangeView(
            @Schema(example = "docs_complete") @Nullable ShipmentStatus from,
            @Schema(example = "in_transit") ShipmentStatus to,

            @Schema(example = "Container CSQU3054383 departed the port of loading") @Nullable
            String reason,

            @Schema(description = "user, tracking, import or system", example = "tracking")
            String source,

            @Nullable String actorName,
            OffsetDateTime occurredAt) {}
}
