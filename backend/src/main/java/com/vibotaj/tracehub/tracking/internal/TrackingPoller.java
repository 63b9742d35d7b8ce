package com.vibotaj.tracehub.tracking.internal;

import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.ShipmentTracking;
import com.vibotaj.tracehub.shipments.TrackedShipment;
import com.vibotaj.tracehub.tracking.internal.provider.Capability;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderException;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderRateLimitedException;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProvider;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProviders;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingRequest;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls one subscription: read it (owner's scope), ask the provider with no transaction open (a slow
 * provider must not hold a connection or a lock), then record the outcome in a new transaction.
 * Every poll is counted in {@code tracehub_tracking_polls_total{provider,outcome}} (ok, failed,
 * rate_limited), registered at zero for every configured provider so that alerts on its rate work
 * from the first failure (ops/monitoring/alert-rules.yml).
 */
@Component
public class TrackingPoller {

    private static final Logger log = LoggerFactory.getLogger(TrackingPoller.class);

    private final ScopedTransactions tx;
    private final TrackingStore store;
    private final ShipmentTracking shipments;
    private final TrackingProviders providers;
    private final TrackingRecorder recorder;
    private final Clock clock;
    private final MeterRegistry meters;

    static final String POLLS = "tracehub.tracking.polls";
    static final List<String> OUTCOMES = List.of("ok", "failed", "rate_limited");

    TrackingPoller(
            ScopedTransactions tx,
            TrackingStore store,
            ShipmentTracking shipments,
            TrackingProviders providers,
            TrackingRecorder recorder,
            Clock clock,
            MeterRegistry meters) {
        this.tx = tx;
        this.store = store;
        this.shipments = shipments;
        this.providers = providers;
        this.recorder = recorder;
        this.clock = clock;
        this.meters = meters;
        for (TrackingProvider provider : providers.all()) {
            OUTCOMES.forEach(outcome -> polls(provider.id(), outcome));
        }
    }

    private Counter polls(String provider, String outcome) {
        return Counter.builder(POLLS)
                .description("Tracking polls by provider and outcome (ok, failed, rate_limited)")
                .tag("provider", provider)
                .tag("outcome", outcome)
                .register(meters);
    }

    private record Work(Subscription subscription, TrackedShipment shipment) {}

    /** @return new events recorded, or -1 when the poll failed */
    public int poll(UUID subscriptionId, UUID organizationId) {
        TenantScope scope = TenantScope.organization(organizationId);
        Optional<Work> work = tx.read(
                scope,
                () -> store.subscription(subscriptionId)
                        .flatMap(s -> shipments.find(s.shipmentId()).map(sh -> new Work(s, sh))));
        if (work.isEmpty()) {
            return 0;
        }
        Subscription s = work.get().subscription();
        TrackedShipment shipment = work.get().shipment();
        if (shipment.status() == ShipmentStatus.ARCHIVED) {
            tx.write(scope, () -> {
                store.complete(s.id());
                return null;
            });
            return 0;
        }
        TrackingProvider provider = providers.byId(s.provider()).orElseGet(providers::active);
        try {
            String reference = s.providerReference();
            TrackingRequest request = request(s, shipment, reference);
            if (reference == null && provider.capabilities().contains(Capability.SUBSCRIBE)) {
                reference = provider.subscribe(request);
                String stored = reference;
                tx.write(scope, () -> {
                    store.providerReference(s.id(), stored);
                    return null;
                });
                request = request(s, shipment, reference);
            }
            TrackingSnapshot snapshot = provider.fetch(request);
            int recorded = tx.write(scope, () -> recorder.record(s, snapshot.events(), snapshot.estimatedArrival()));
            polls(provider.id(), "ok").increment();
            return recorded;
        } catch (ProviderRateLimitedException e) {
            polls(provider.id(), "rate_limited").increment();
            log.info(
                    "Tracking provider {} rate-limited container {}; retry after {}",
                    provider.id(),
                    s.containerNumber(),
                    e.retryAfter());
            tx.write(scope, () -> {
                recorder.failed(
                        s, "Rate limited by " + provider.id(), clock.instant().plus(e.retryAfter()));
                return null;
            });
        } catch (ProviderException e) {
            polls(provider.id(), "failed").increment();
            log.warn(
                    "Tracking poll of container {} via {} failed: {}",
                    s.containerNumber(),
                    provider.id(),
                    e.getMessage());
            tx.write(scope, () -> {
                recorder.failed(s, e.getMessage(), null);
                return null;
            });
        }
        return -1;
    }

    private TrackingRequest request(Subscription s, TrackedShipment shipment, String reference) {
        return new TrackingRequest(
                s.containerNumber(),
                shipment.carrierScac(),
                shipment.billOfLading(),
                reference,
                shipment.portOfLoading(),
                shipment.portOfDischarge(),
                shipment.etd() == null ? null : shipment.etd().toInstant(),
                shipment.etaOriginal() != null
                        ? shipment.etaOriginal().toInstant()
                        : (shipment.eta() == null ? null : shipment.eta().toInstant()),
                s.startedAt(),
                s.organizationId());
    }
}
