package com.vibotaj.tracehub.tracking.web;

import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantContext;
import com.vibotaj.tracehub.tracking.internal.WebhookInbox;
import com.vibotaj.tracehub.tracking.internal.WebhookInbox.Delivery;
import com.vibotaj.tracehub.tracking.internal.WebhookReceiver;
import com.vibotaj.tracehub.tracking.internal.WebhookReceiver.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tracking webhooks")
@RestController
@RequestMapping("/api/tracking/webhook-deliveries")
@PreAuthorize("hasAuthority('settings:manage')")
class WebhookDeliveryController {

    private final WebhookInbox inbox;
    private final WebhookReceiver receiver;
    private final ScopedTransactions tx;

    WebhookDeliveryController(WebhookInbox inbox, WebhookReceiver receiver, ScopedTransactions tx) {
        this.inbox = inbox;
        this.receiver = receiver;
        this.tx = tx;
    }

    record DeliveryPage(List<Delivery> items, int page, int size, long totalItems) {}

    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The delivery log of the organisation's webhook endpoint, newest first (admins)")
    @GetMapping
    DeliveryPage list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return tx.read(
                TenantContext.current(), () -> new DeliveryPage(inbox.list(page, size), page, size, inbox.count()));
    }

    @Operation(
            operationId = "replayWebhookDelivery",
            summary = "Process a stored, correctly signed delivery again",
            description = "Idempotent: events already recorded are not recorded twice. Rejected deliveries"
                    + " (bad signature) cannot be replayed: 404.")
    @PostMapping("/{id}/replay")
    Outcome replay(@PathVariable UUID id) {
        return receiver.replay(CurrentActor.require().organizationId(), id);
    }
}
