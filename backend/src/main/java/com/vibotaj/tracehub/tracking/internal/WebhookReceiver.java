package com.vibotaj.tracehub.tracking.internal;

import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.platform.ProblemException;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderCodeMappings;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderException;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProviderProperties;
import com.vibotaj.tracehub.tracking.internal.provider.WebhookSignatures;
import com.vibotaj.tracehub.tracking.internal.provider.vizion.VizionWebhook;
import com.vibotaj.tracehub.tracking.internal.provider.vizion.VizionWebhookParser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Receives pushed tracking updates. Order matters: store the raw delivery first (even a forged one, as
 * rejected, so the log shows it), refuse it unless its HMAC signature verifies, then process it. The
 * endpoint URL carries the organisation, so processing never leaves that organisation's scope;
 * events are idempotent by provider event id, so a repeated or replayed delivery changes nothing.
 * Outcomes are counted in {@code tracehub_tracking_webhooks_total{provider,outcome}} (processed,
 * unmatched, failed, rejected), registered at zero so that alerts work from the first failure.
 */
@Component
public class WebhookReceiver {

    public static final String PROVIDER_VIZION = "vizion";

    private final ScopedTransactions tx;
    private final WebhookInbox inbox;
    private final TrackingStore store;
    private final TrackingRecorder recorder;
    private final @Nullable WebhookSignatures vizionSignatures;
    private final VizionWebhookParser vizionParser;
    private final Clock clock;
    private final MeterRegistry meters;

    static final String WEBHOOKS = "tracehub.tracking.webhooks";

    WebhookReceiver(
            ScopedTransactions tx,
            WebhookInbox inbox,
            TrackingStore store,
            TrackingRecorder recorder,
            TrackingProviderProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.tx = tx;
        this.inbox = inbox;
        this.store = store;
        this.recorder = recorder;
        String secret = properties.vizion().webhookSecret();
        this.vizionSignatures = secret == null || secret.isBlank() ? null : new WebhookSignatures(secret);
        this.vizionParser = new VizionWebhookParser(ProviderCodeMappings.load(PROVIDER_VIZION));
        this.clock = clock;
        this.meters = meters;
        List.of("processed", "unmatched", "failed", "rejected").forEach(o -> deliveries(PROVIDER_VIZION, o));
    }

    private Counter deliveries(String provider, String outcome) {
        return Counter.builder(WEBHOOKS)
                .description(
                        "Tracking webhook deliveries by provider and outcome (processed, unmatched, failed, rejected)")
                .tag("provider", provider)
                .tag("outcome", outcome)
                .register(meters);
    }

    public record Outcome(UUID deliveryId, String status, int eventsRecorded) {}

    public Outcome receive(String provider, UUID organizationId, byte[] body, @Nullable String signature) {
        if (!PROVIDER_VIZION.equals(provider)) {
            throw NotFoundException.of("Webhook endpoint", provider);
        }
        boolean valid = vizionSignatures != null && vizionSignatures.verify(body, signature);
        TenantScope scope = TenantScope.organization(organizationId);
        UUID id;
        try {
            id = tx.write(scope, () -> inbox.store(organizationId, provider, body, valid, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // No such organisation: nothing to store it under.
            throw NotFoundException.of("Webhook endpoint", organizationId);
        }
        if (!valid) {
            deliveries(provider, "rejected").increment();
            throw new InvalidSignature(signature == null || signature.isBlank());
        }
        return process(scope, id, body);
    }

    /** Processes a stored, signed delivery again (an admin's replay after a fix). */
    public Outcome replay(UUID organizationId, UUID deliveryId) {
        TenantScope scope = TenantScope.organization(organizationId);
        String payload = tx.read(scope, () -> inbox.payload(deliveryId))
                .orElseThrow(() -> NotFoundException.of("Signed webhook delivery", deliveryId));
        return process(scope, deliveryId, payload.getBytes(StandardCharsets.UTF_8));
    }

    private Outcome process(TenantScope scope, UUID id, byte[] body) {
        String status;
        int recorded = 0;
        String error = null;
        try {
            VizionWebhook update = vizionParser.parse(body);
            List<Subscription> subscriptions = tx.read(
                    scope,
                    () -> store.subscriptionsByReference(
                            PROVIDER_VIZION, update.referenceId(), update.containerNumber()));
            for (Subscription s : subscriptions) {
                recorded += tx.write(scope, () -> recorder.record(s, update.events(), update.estimatedArrival()));
            }
            status = subscriptions.isEmpty() ? "unmatched" : "processed";
        } catch (ProviderException e) {
            status = "failed";
            error = e.getMessage();
        }
        deliveries(PROVIDER_VIZION, status).increment();
        String finalStatus = status;
        int finalRecorded = recorded;
        String finalError = error;
        tx.write(scope, () -> {
            inbox.outcome(id, finalStatus, finalRecorded, finalError, clock.instant());
            return null;
        });
        return new Outcome(id, finalStatus, finalRecorded);
    }

    /** 401: the delivery was stored as rejected and will not be processed. */
    static final class InvalidSignature extends ProblemException {
        InvalidSignature(boolean missing) {
            super(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-signature",
                    "Invalid signature",
                    missing
                            ? "The delivery has no signature header; it was stored as rejected."
                            : "The signature does not match the body; the delivery was stored as rejected.");
        }
    }
}
