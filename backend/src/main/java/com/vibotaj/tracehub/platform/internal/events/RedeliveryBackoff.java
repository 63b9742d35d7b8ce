package com.vibotaj.tracehub.platform.internal.events;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a failed event publication is due again: base × 2^(attempts − 1) after its last attempt, capped,
 * so a listener whose dependency is down (an SMTP server, say) is not hammered, yet a passing glitch is
 * retried within seconds.
 */
record RedeliveryBackoff(Duration base, Duration max) {

    boolean isDue(Instant publishedAt, @Nullable Instant lastResubmittedAt, int attempts, Instant now) {
        Instant lastAttempt = lastResubmittedAt != null ? lastResubmittedAt : publishedAt;
        return !now.isBefore(lastAttempt.plus(delayAfter(attempts)));
    }

    Duration delayAfter(int attempts) {
        if (attempts <= 0) {
            return Duration.ZERO; // never tried: its instance stopped before delivering it
        }
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
