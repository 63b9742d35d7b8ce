package com.vibotaj.tracehub.tracking.internal.demo;

import com.vibotaj.tracehub.shipments.DemoShipmentsReady;
import com.vibotaj.tracehub.shipments.ShipmentTracking;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProviderProperties;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProviders;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingRequest;
import com.vibotaj.tracehub.tracking.internal.provider.simulator.SimulatorProvider;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dates the simulated voyages of demo shipments: back-dated for voyages under way, so the next poll
 * reports what a provider would have reported by now; postponed for shipments not yet sailing.
 */
@Component
class DemoTracking {

    private final ShipmentTracking shipments;
    private final SimulatorProvider simulator;
    private final JdbcClient jdbc;
    private final Duration speed;
    private final Clock clock;

    DemoTracking(
            JdbcClient jdbc,
            TrackingProviderProperties properties,
            ShipmentTracking shipments,
            TrackingProviders providers,
            Clock clock) {
        this.shipments = shipments;
        this.simulator = providers
                .byId(SimulatorProvider.ID)
                .map(SimulatorProvider.class::cast)
                .orElseThrow();
        this.jdbc = jdbc;
        this.speed = properties.simulator().speed();
        this.clock = clock;
    }

    /** Real time that plays a simulated duration. */
    private Duration scaled(Duration simulated) {
        return Duration.ofMillis(
                simulated.toMillis() * speed.toMillis() / Duration.ofDays(1).toMillis());
    }

    /**
     * The demo promises a customs hold on screen. The simulator decides which containers are held, so
     * pick the first single-container shipment under way whose voyage has a hold and date it to half a
     * day into the hold. (The ETA slip comes from the demo shipments: a planned ETA already passed.)
     */
    private Map<UUID, Duration> showcase(DemoShipmentsReady ready, Instant now) {
        Map<UUID, Duration> chosen = new java.util.HashMap<>();
        List<UUID> underWay = ready.daysUnderWay().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        for (UUID id : underWay) {
            shipments.find(id).filter(s -> s.containerNumbers().size() == 1).ifPresent(s -> {
                TrackingRequest request = new TrackingRequest(
                        s.containerNumbers().get(0),
                        s.carrierScac(),
                        s.billOfLading(),
                        null,
                        s.portOfLoading(),
                        s.portOfDischarge(),
                        null,
                        null,
                        now);
                if (chosen.isEmpty()) {
                    simulator.customsHoldMoment(request).ifPresent(played -> chosen.put(id, played));
                }
            });
        }
        return chosen;
    }

    /**
     * A voyage under way started N × speed ago (it has played N simulated days). One not yet sailing
     * starts N real days from now, two days before its ETD, so it stays quiet during a demo.
     */
    private Instant started(Instant now, int days) {
        return days >= 0 ? now.minus(speed.multipliedBy(days)) : now.plus(Duration.ofDays(-days));
    }

    /** Runs inside the demo loader's transaction (and its tenant scope), before anything is committed. */
    @EventListener
    void on(DemoShipmentsReady ready) {
        Instant now = clock.instant();
        Map<UUID, Duration> showcase = showcase(ready, now);
        for (Map.Entry<UUID, Integer> entry : ready.daysUnderWay().entrySet()) {
            jdbc.sql("UPDATE tracking_subscription SET started_at = :started, next_check_at = :now"
                            + " WHERE shipment_id = :id AND provider = 'simulator'")
                    .param(
                            "started",
                            Timestamp.from(
                                    showcase.containsKey(entry.getKey())
                                            ? now.minus(scaled(showcase.get(entry.getKey())))
                                            : started(now, entry.getValue())))
                    .param("now", Timestamp.from(now))
                    .param("id", entry.getKey())
                    .update();
        }
    }
}
