package com.vibotaj.tracehub.platform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RedeliveryBackoffTests {

    private final RedeliveryBackoff backoff = new RedeliveryBackoff(Duration.ofSeconds(30), Duration.ofHours(1));
    private final Instant published = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void the_wait_doubles_with_every_failed_attempt_up_to_the_cap() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.delayAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_publication_is_due_once_its_wait_after_the_last_attempt_has_passed() {
        assertThat(backoff.isDue(published, null, 1, published.plusSeconds(29))).isFalse();
        assertThat(backoff.isDue(published, null, 1, published.plusSeconds(30))).isTrue();

        Instant resubmitted = published.plusSeconds(40);
        assertThat(backoff.isDue(published, resubmitted, 2, resubmitted.plusSeconds(59)))
                .isFalse();
        assertThat(backoff.isDue(published, resubmitted, 2, resubmitted.plusSeconds(60)))
                .isTrue();
    }

    @Test
    void a_publication_never_attempted_is_due_at_once() {
        assertThat(backoff.isDue(published, null, 0, published)).isTrue();
    }
}
