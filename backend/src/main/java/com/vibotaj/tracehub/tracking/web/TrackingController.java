package com.vibotaj.tracehub.tracking.web;

import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantContext;
import com.vibotaj.tracehub.tracking.internal.Subscription;
import com.vibotaj.tracehub.tracking.internal.TrackingPoller;
import com.vibotaj.tracehub.tracking.internal.TrackingStore;
import com.vibotaj.tracehub.tracking.internal.TrackingViews;
import com.vibotaj.tracehub.tracking.internal.TrackingViews.View;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tracking")
@RestController
class TrackingController {

    private final TrackingViews views;
    private final TrackingStore store;
    private final TrackingPoller poller;
    private final ScopedTransactions tx;

    TrackingController(TrackingViews views, TrackingStore store, TrackingPoller poller, ScopedTransactions tx) {
        this.views = views;
        this.store = store;
        this.poller = poller;
        this.tx = tx;
    }

    @Operation(
            operationId = "getShipmentTracking",
            summary = "Tracking of a shipment: containers with last/next check, DCSA events, route",
            description = "Events are in the DCSA model: dcsaCode is null when the provider's code is unknown"
                    + " (providerCode keeps it raw); classifier ACT/EST/PLN; derived marks events inferred from a"
                    + " provider's status snapshot.")
    @GetMapping("/api/shipments/{id}/tracking")
    @PreAuthorize("hasAuthority('shipments:read')")
    View get(@PathVariable UUID id) {
        return views.view(id);
    }

    @Operation(
            operationId = "refreshShipmentTracking",
            summary = "Ask the provider now for every container of the shipment",
            description = "Only the owner organisation refreshes; a provider failure is recorded on the container"
                    + " (lastError) and retried with back-off, the request still answers 200.")
    @PostMapping("/api/shipments/{id}/tracking/refresh")
    @PreAuthorize("hasAuthority('tracking:refresh')")
    View refresh(@PathVariable UUID id) {
        CurrentActor actor = CurrentActor.require();
        List<Subscription> subscriptions = tx.read(TenantContext.current(), () -> store.subscriptions(id));
        if (subscriptions.isEmpty()) {
            // Either no containers yet or not visible: the view answers 404 for the latter.
            return views.view(id);
        }
        for (Subscription s : subscriptions) {
            if (!s.organizationId().equals(actor.organizationId())) {
                throw NotFoundException.of("Shipment", id);
            }
            if ("active".equals(s.state())) {
                poller.poll(s.id(), s.organizationId());
            }
        }
        return views.view(id);
    }
}
