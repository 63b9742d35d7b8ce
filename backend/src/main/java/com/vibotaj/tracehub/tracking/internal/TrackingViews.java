package com.vibotaj.tracehub.tracking.internal;

import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.reference.Location;
import com.vibotaj.tracehub.reference.ReferenceData;
import com.vibotaj.tracehub.shipments.ShipmentTracking;
import com.vibotaj.tracehub.shipments.TrackedShipment;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProviders;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tracking page of a shipment: containers with freshness, the event timeline and the route. */
@Service
public class TrackingViews {

    private final TrackingStore store;
    private final ShipmentTracking shipments;
    private final ReferenceData reference;
    private final TrackingProviders providers;

    TrackingViews(
            TrackingStore store, ShipmentTracking shipments, ReferenceData reference, TrackingProviders providers) {
        this.store = store;
        this.shipments = shipments;
        this.reference = reference;
        this.providers = providers;
    }

    public record ContainerTracking(
            @Schema(example = "CSQU3054383") String containerNumber,

            @Schema(description = "Latest actual DCSA code", example = "DEPA") @Nullable
            String status,

            @Nullable Instant lastCheckedAt,
            @Nullable Instant nextCheckAt,
            @Nullable String lastError) {}

    public record Event(
            UUID id,
            @Schema(example = "CSQU3054383") String containerNumber,

            @Schema(description = "DCSA code; null when the provider's code is unknown", example = "DEPA") @Nullable
            String dcsaCode,

            @Schema(description = "The provider's own code, always kept", example = "Vessel departure")
            String providerCode,

            @Schema(example = "transport") String family,

            @Schema(description = "ACT actual, EST estimated, PLN planned", example = "ACT")
            String classifier,

            @Schema(example = "2026-12-02T14:00:00Z") Instant eventTime,
            @Schema(example = "NGAPP") @Nullable String unlocode,
            @Schema(example = "Apapa") @Nullable String locationName,
            @Schema(example = "MAERSK BENUE") @Nullable String vesselName,
            @Schema(example = "612N") @Nullable String voyage,
            boolean derived,
            boolean retracted,
            String provider) {}

    public record Stop(
            @Schema(example = "MAPTM") String unlocode,
            @Schema(example = "Tanger Med") String name,
            @Schema(example = "35.8883") BigDecimal latitude,
            @Schema(example = "-5.5039") BigDecimal longitude,

            @Schema(description = "loading, transshipment or discharge", example = "transshipment")
            String role) {}

    public record LastKnown(
            @Nullable String unlocode,
            @Nullable String name,
            BigDecimal latitude,
            BigDecimal longitude,
            Instant eventTime,
            @Nullable String dcsaCode) {}

    public record Route(List<Stop> stops, @Nullable LastKnown lastKnown) {}

    public record View(
            UUID shipmentId,

            @Schema(description = "vizion, jsoncargo or simulator", example = "simulator")
            String provider,

            @Nullable OffsetDateTime eta,
            @Nullable OffsetDateTime etaOriginal,
            List<ContainerTracking> containers,
            List<Event> events,
            Route route) {}

    @Transactional(readOnly = true)
    public View view(UUID shipmentId) {
        TrackedShipment shipment =
                shipments.find(shipmentId).orElseThrow(() -> NotFoundException.of("Shipment", shipmentId));
        List<Subscription> subscriptions = store.subscriptions(shipmentId);
        List<StoredEvent> events = store.events(shipmentId, null);
        Map<String, String> lastCode = new LinkedHashMap<>();
        events.stream()
                .filter(StoredEvent::isActual)
                .filter(e -> e.dcsaCode() != null)
                .forEach(e -> lastCode.put(e.containerNumber(), e.dcsaCode()));
        List<ContainerTracking> containers = subscriptions.stream()
                .filter(s -> !"stopped".equals(s.state()))
                .map(s -> new ContainerTracking(
                        s.containerNumber(),
                        lastCode.get(s.containerNumber()),
                        s.lastCheckedAt(),
                        "active".equals(s.state()) ? s.nextCheckAt() : null,
                        s.lastError()))
                .toList();
        String provider = subscriptions.isEmpty()
                ? providers.active().id()
                : subscriptions.get(0).provider();
        return new View(
                shipmentId,
                provider,
                shipment.eta(),
                shipment.etaOriginal(),
                containers,
                events.stream().map(TrackingViews::event).toList(),
                route(shipment, events));
    }

    private Route route(TrackedShipment shipment, List<StoredEvent> events) {
        List<Stop> stops = new ArrayList<>();
        location(shipment.portOfLoading()).ifPresent(l -> stops.add(stop(l, "loading")));
        events.stream()
                .filter(e -> !e.retracted() && e.unlocode() != null)
                .filter(e -> e.is("DISC") || e.is("LOAD") || e.is("ARRI") || e.is("DEPA"))
                .map(StoredEvent::unlocode)
                .distinct()
                .filter(u -> !u.equals(shipment.portOfLoading()) && !u.equals(shipment.portOfDischarge()))
                .forEach(u -> location(u).ifPresent(l -> stops.add(stop(l, "transshipment"))));
        location(shipment.portOfDischarge()).ifPresent(l -> stops.add(stop(l, "discharge")));
        LastKnown lastKnown = events.stream()
                .filter(StoredEvent::isActual)
                .filter(e -> e.unlocode() != null)
                .max(Comparator.comparing(StoredEvent::eventTime))
                .flatMap(e -> location(e.unlocode())
                        .map(l -> new LastKnown(
                                l.unlocode(), l.name(), l.latitude(), l.longitude(), e.eventTime(), e.dcsaCode())))
                .orElse(null);
        return new Route(stops, lastKnown);
    }

    private Optional<Location> location(@Nullable String unlocode) {
        return unlocode == null ? Optional.empty() : reference.location(unlocode);
    }

    private static Stop stop(Location l, String role) {
        return new Stop(l.unlocode(), l.name(), l.latitude(), l.longitude(), role);
    }

    private static Event event(StoredEvent e) {
        return new Event(
                e.id(),
                e.containerNumber(),
                e.dcsaCode(),
                e.providerCode(),
                e.family(),
                e.classifier(),
                e.eventTime(),
                e.unlocode(),
                e.locationName(),
                e.vesselName(),
                e.voyage(),
                e.derived(),
                e.retracted(),
                e.provider());
    }
}
