package com.vibotaj.tracehub.tracking.internal.demo;

import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.DemoShipmentsReady;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProviderProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private final ScopedTransactions tx;
    private final JdbcClient jdbc;
    private final Duration speed;
    private final Clock clock;

    DemoTracking(ScopedTransactions tx, JdbcClient jdbc, TrackingProviderProperties properties, Clock clock) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.speed = properties.simulator().speed();
        this.clock = clock;
    }

    /**
     * A voyage under way started N × speed ago (it has played N simulated days). One not yet sailing
     * starts N real days from now, two days before its ETD, so it stays quiet during a demo.
     */
    private Instant started(Instant now, int days) {
        return days >= 0 ? now.minus(speed.multipliedBy(days)) : now.plus(Duration.ofDays(-days));
    }

    @EventListener
    void on(DemoShipmentsReady ready) {
        Instant now = clock.instant();
        tx.write(TenantScope.organization(ready.organizationId()), () -> {
            for (Map.Entry<UUID, Integer> entry : ready.daysUnderWay().entrySet()) {
                jdbc.sql("UPDATE tracking_subscription SET started_at = :started, next_check_at = :now"
                                + " WHERE shipment_id = :id AND provider = 'simulator'")
                        .param("started", Timestamp.from(started(now, entry.getValue())))
                        .param("now", Timestamp.from(now))
                        .param("id", entry.getKey())
                        .update();
            }
            return null;
        });
    }
}
