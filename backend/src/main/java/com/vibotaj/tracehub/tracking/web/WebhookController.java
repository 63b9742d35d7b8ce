package com.vibotaj.tracehub.tracking.web;

import com.vibotaj.tracehub.tracking.internal.WebhookReceiver;
import com.vibotaj.tracehub.tracking.internal.WebhookReceiver.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tracking webhooks")
@RestController
class WebhookController {

    static final String SIGNATURE_HEADER = "X-Webhook-Signature";

    private final WebhookReceiver receiver;

    WebhookController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @Operation(
            operationId = "receiveTrackingWebhook",
            summary = "Push endpoint for a tracking provider (Vizion), one URL per organisation",
            description = "The raw body is stored first. The X-Webhook-Signature header (hex HMAC-SHA256 of the"
                    + " raw body with the provider's shared secret, optionally prefixed sha256=) is required:"
                    + " missing or wrong answers 401 invalid-signature and the delivery is kept as rejected."
                    + " Processing is idempotent by the provider's event id.")
    @PostMapping(path = "/api/public/webhooks/{provider}/{organizationId}")
    ResponseEntity<Outcome> receive(
            @PathVariable String provider,
            @PathVariable UUID organizationId,
            @Parameter(description = "hex HMAC-SHA256 of the raw body")
                    @RequestHeader(name = SIGNATURE_HEADER, required = false)
                    @Nullable
                    String signature,
            @RequestBody byte[] body) {
        return ResponseEntity.accepted().body(receiver.receive(provider, organizationId, body, signature));
    }
}
