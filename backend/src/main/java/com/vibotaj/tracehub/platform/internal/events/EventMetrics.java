package com.vibotaj.tracehub.platform.internal.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as operators see it: how many publications wait for delivery, and how many of them
 * failed at least once. A growing backlog means a listener (or what it calls) is down.
 */
@Component
class EventMetrics {

    // The partial index on outstanding publications keeps both counts cheap.
    private static final String OUTSTANDING = "SELECT count(*) FROM event_publication WHERE completion_date IS NULL";
    private static final String FAILED =
            "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND status = 'FAILED'";

    EventMetrics(MeterRegistry registry, JdbcClient jdbc) {
        Gauge.builder("tracehub.events.outstanding", () -> count(jdbc, OUTSTANDING))
                .description("Event publications not yet handled by their listener")
                .register(registry);
        Gauge.builder("tracehub.events.failed", () -> count(jdbc, FAILED))
                .description("Event publications whose listener failed and that wait for redelivery")
                .register(registry);
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
