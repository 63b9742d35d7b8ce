package com.vibotaj.tracehub.shipments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What tracking needs to know about a shipment to ask a provider and to judge events. */
public record TrackedShipment(
        UUID id,
        UUID organizationId,
        String reference,
        ShipmentStatus status,
        @Nullable String carrierScac,
        @Nullable String billOfLading,
        @Nullable String portOfLoading,
        @Nullable String portOfDischarge,
        @Nullable OffsetDateTime etd,
        @Nullable OffsetDateTime eta,
        @Nullable OffsetDateTime etaOriginal,
        List<String> containerNumbers) {

    public TrackedShipment {
        containerNumbers = List.copyOf(containerNumbers);
    }
}
