package com.vibotaj.tracehub.shipments.internal;

import com.vibotaj.tracehub.shipments.ShipmentFields.ContainerLine;
import com.vibotaj.tracehub.shipments.ShipmentFields.ProductLine;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the API shows of shipments. */
public final class ShipmentViews {

    private ShipmentViews() {}

    /** An organisation named on a shipment; the name is null when the caller may not see it. */
    public record Party(UUID id, @Nullable String name) {}

    public record Summary(
            UUID id,
            String reference,
            ShipmentStatus status,
            String productType,
            @Nullable Party buyer,
            List<String> containerNumbers,
            @Nullable String billOfLading,
            @Nullable String carrierScac,
            @Nullable String vesselName,
            @Nullable String voyage,
            @Nullable String portOfLoading,
            @Nullable String portOfDischarge,
            @Nullable OffsetDateTime etd,
            @Nullable OffsetDateTime eta,
            @Nullable OffsetDateTime atd,
            @Nullable OffsetDateTime ata,
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
            @Nullable ShipmentStatus from,
            ShipmentStatus to,
            @Nullable String reason,
            String source,
            @Nullable String actorName,
            OffsetDateTime occurredAt) {}
}
