package com.vibotaj.tracehub.tracking.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProviderRateLimiterTests {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void allowsABurstOfATenthOfTheMinuteThenRefusesUntilATokenRefills() {
        ProviderRateLimiter limiter = new ProviderRateLimiter(60, nanos::get);

        for (int i = 0; i < 6; i++) {
            assertThat(limiter.tryAcquire()).as("permit %d", i).isTrue();
        }
        assertThat(limiter.tryAcquire()).isFalse();
        assertThat(limiter.timeUntilNextPermit()).isEqualTo(Duration.ofSeconds(1));

        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(limiter.tryAcquire()).isFalse();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void neverExceedsTheConfiguredRateOverAMinute() {
        ProviderRateLimiter limiter = new ProviderRateLimiter(30, nanos::get);
        int granted = 0;
        // Poll every 100 ms for one minute, as a busy scheduler would.
        for (int tick = 0; tick < 600; tick++) {
            while (limiter.tryAcquire()) {
                granted++;
            }
            nanos.addAndGet(Duration.ofMillis(100).toNanos());
        }

        // 30 per minute plus the initial burst of 3.
        assertThat(granted).isBetween(30, 33);
    }

    @Test
    void doesNotSaveUpUnusedPermitsBeyondTheBurst() {
        ProviderRateLimiter limiter = new ProviderRateLimiter(60, nanos::get);
        nanos.addAndGet(Duration.ofHours(1).toNanos());

        int granted = 0;
        while (limiter.tryAcquire()) {
            granted++;
        }

        assertThat(granted).isEqualTo(6);
    }

    @Test
    void acquireWaitsForTheNextPermitWithTheSleeper() throws InterruptedException {
        ProviderRateLimiter limiter = new ProviderRateLimiter(1, nanos::get);
        limiter.acquire(d -> nanos.addAndGet(d.toNanos()));
        long before = nanos.get();

        limiter.acquire(d -> nanos.addAndGet(d.toNanos()));

        assertThat(Duration.ofNanos(nanos.get() - before)).isEqualTo(Duration.ofMinutes(1));
    }
}
