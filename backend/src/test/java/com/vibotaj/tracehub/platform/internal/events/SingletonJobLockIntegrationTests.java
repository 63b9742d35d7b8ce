package com.vibotaj.tracehub.platform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.support.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ShedLock keeps a singleton job's lock for a minimum time after a fast run, so the same cron firing
 * arriving a moment later on another instance is skipped instead of running the job again (found by
 * ops/test/scaleout.bats with three instances). The event-publication cleanup stands for every
 * {@code @SchedulerLock} job: the minimum is the application-wide default.
 */
@IntegrationTest
class SingletonJobLockIntegrationTests {

    private static final String JOB = "event-publication-cleanup";

    @Autowired
    EventRedelivery redelivery;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noLockHeld() {
        jdbc.sql("UPDATE shedlock SET lock_until = now() - interval '1 second' WHERE name = :name")
                .param("name", JOB)
                .update();
    }

    @Test
    void aFastRunHoldsItsLockForTenSecondsSoALateFiringOfTheSameScheduleIsSkipped() {
        redelivery.deleteOldCompleted();
        OffsetDateTime firstRun = lockedAt();
        assertThat(Duration.between(firstRun, lockUntil())).isGreaterThanOrEqualTo(Duration.ofSeconds(10));

        // The same firing on another instance, moments later: skipped, the lock is still the first run's.
        redelivery.deleteOldCompleted();

        assertThat(lockedAt()).isEqualTo(firstRun);
    }

    @Test
    void onceTheLockHasRunOutTheNextFiringRuns() {
        redelivery.deleteOldCompleted();
        OffsetDateTime firstRun = lockedAt();
        // Time passes beyond the minimum: the lock ran out as it would after ten seconds.
        jdbc.sql("UPDATE shedlock SET locked_at = locked_at - interval '1 minute',"
                        + " lock_until = now() - interval '1 second' WHERE name = :name")
                .param("name", JOB)
                .update();

        redelivery.deleteOldCompleted();

        assertThat(lockedAt()).isAfterOrEqualTo(firstRun);
    }

    private OffsetDateTime lockedAt() {
        return jdbc.sql("SELECT locked_at FROM shedlock WHERE name = :name")
                .param("name", JOB)
                .query(OffsetDateTime.class)
                .single();
    }

    private OffsetDateTime lockUntil() {
        return jdbc.sql("SELECT lock_until FROM shedlock WHERE name = :name")
                .param("name", JOB)
                .query(OffsetDateTime.class)
                .single();
    }
}
