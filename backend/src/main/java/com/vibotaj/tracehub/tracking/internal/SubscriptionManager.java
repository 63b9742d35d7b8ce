package com.vibotaj.tracehub.tracking.internal;

import com.vibotaj.tracehub.shipments.ShipmentContainersChanged;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProviders;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows exactly the containers a shipment has: a new container is subscribed with the active
 * provider in the same transaction as the change, a removed one stops being polled.
 */
@Component
class SubscriptionManager {

    private final TrackingStore store;
    private final TrackingProviders providers;
    private final Clock clock;

    SubscriptionManager(TrackingStore store, TrackingProviders providers, Clock clock) {
        this.store = store;
        this.providers = providers;
        this.clock = clock;
    }

    @EventListener
    void on(ShipmentContainersChanged event) {
        if (event.status() == ShipmentStatus.DELIVERED || event.status() == ShipmentStatus.ARCHIVED) {
            // Historical shipments (imports) have nothing left to track.
            store.stopOthers(event.shipmentId(), java.util.List.of());
            return;
        }
        String provider = providers.active().id();
        for (String container : event.containerNumbers()) {
            store.subscribe(event.organizationId(), event.shipmentId(), container, provider, clock.instant());
        }
        store.stopOthers(event.shipmentId(), event.containerNumbers());
    }
}
