package com.vibotaj.tracehub.platform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The outbox end to end on the real database: publications are stored with the change, delivered after
 * commit, kept when the listener fails, and delivered again — also when the instance that should have
 * delivered them died.
 */
@IntegrationTest
class EventOutboxIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ScopedTransactions tx;

    @Autowired
    OutboxProbeListener listener;

    @Autowired
    EventRedelivery redelivery;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestData data;

    @Test
    void an_event_is_delivered_after_commit_and_its_publication_completed() {
        UUID probe = UUID.randomUUID();

        publish(probe);

        await().atMost(WAIT).until(() -> listener.delivered(probe));
        await().atMost(WAIT).until(() -> publication(probe).get("completion_date") != null);
        assertThat(listener.attempts(probe)).isEqualTo(1);
    }

    @Test
    void an_event_of_a_rolled_back_change_is_neither_stored_nor_delivered() {
        UUID probe = UUID.randomUUID();

        assertThatThrownBy(() -> tx.write(TenantScope.NONE, () -> {
                    events.publishEvent(new OutboxProbe(probe));
                    throw new IllegalStateException("the change fails");
                }))
                .hasMessage("the change fails");
        // A later event's delivery shows the executor has caught up with anything published before it.
        UUID later = UUID.randomUUID();
        publish(later);
        await().atMost(WAIT).until(() -> listener.delivered(later));

        assertThat(listener.attempts(probe)).isZero();
        assertThat(publicationCount(probe)).isZero();
    }

    @Test
    void a_failing_listener_leaves_the_publication_outstanding_until_redelivery_succeeds() {
        UUID probe = UUID.randomUUID();
        listener.failNextTimes(probe, 1);

        publish(probe); // returns normally: the listener's failure never reaches the publisher

        await().atMost(WAIT).until(() -> "FAILED".equals(publication(probe).get("status")));
        assertThat(publication(probe).get("completion_date")).isNull();
        assertThat(meters.get("tracehub.events.failed").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("tracehub.events.outstanding").gauge().value()).isGreaterThanOrEqualTo(1);

        redelivery.redeliverDue(); // the back-off (30 s after the first attempt) has not elapsed yet
        assertThat(publication(probe).get("status")).isEqualTo("FAILED");

        ageOutstanding(probe);
        redelivery.redeliverDue();

        await().atMost(WAIT).until(() -> listener.delivered(probe));
        await().atMost(WAIT).until(() -> publication(probe).get("completion_date") != null);
        assertThat(listener.attempts(probe)).isEqualTo(2);
    }

    @Test
    void a_publication_abandoned_by_a_stopped_instance_is_marked_failed_and_delivered_again() {
        UUID probe = UUID.randomUUID();
        listener.failNextTimes(probe, Integer.MAX_VALUE);
        publish(probe);
        await().atMost(WAIT).until(() -> listener.attempts(probe) == 1);
        await().atMost(WAIT).until(() -> "FAILED".equals(publication(probe).get("status")));
        // As an instance that died between commit and delivery leaves it: published, never attempted.
        data.owner()
                .update(
                        "UPDATE event_publication SET status = 'PUBLISHED', completion_attempts = 0,"
                                + " publication_date = now() - interval '1 hour' WHERE serialized_event LIKE ?",
                        "%" + probe + "%");
        listener.failNextTimes(probe, 0);

        // The staleness monitor (every second in tests, every minute by default) hands it to redelivery.
        await().atMost(WAIT).until(() -> "FAILED".equals(publication(probe).get("status")));
        redelivery.redeliverDue();

        await().atMost(WAIT).until(() -> listener.delivered(probe));
        await().atMost(WAIT).until(() -> publication(probe).get("completion_date") != null);
    }

    private void publish(UUID probe) {
        tx.write(TenantScope.NONE, () -> {
            events.publishEvent(new OutboxProbe(probe));
            return null;
        });
    }

    private Map<String, Object> publication(UUID probe) {
        return data.owner()
                .queryForMap(
                        "SELECT status, completion_date, completion_attempts FROM event_publication"
                                + " WHERE serialized_event LIKE ?",
                        "%" + probe + "%");
    }

    private int publicationCount(UUID probe) {
        Integer count = data.owner()
                .queryForObject(
                        "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?",
                        Integer.class,
                        "%" + probe + "%");
        return count == null ? 0 : count;
    }

    private void ageOutstanding(UUID probe) {
        data.owner()
                .update(
                        "UPDATE event_publication SET publication_date = now() - interval '1 hour',"
                                + " last_resubmission_date = NULL WHERE serialized_event LIKE ?",
                        "%" + probe + "%");
    }
}
