package com.vibotaj.tracehub.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.vibotaj.tracehub.identity.IdentityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in a sliding window and refuses further
 * attempts once a limit is reached, until the oldest failure leaves the window. Checked before the
 * password is verified, so a locked account cannot be probed. Per instance (docs/adr/0003-token-design.md).
 */
@Component
class LoginThrottle {

    private final IdentityProperties.Login limits;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> failures;

    LoginThrottle(IdentityProperties properties, Clock clock) {
        this.limits = properties.login();
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .expireAfterAccess(limits.window())
                .maximumSize(100_000)
                .ticker(Ticker.systemTicker())
                .build();
    }

    /** How long the caller must wait, if a limit is reached. */
    Optional<Duration> retryAfter(String account, String address) {
        Instant now = clock.instant();
        return latest(
                wait("account:" + account, limits.maxFailuresPerAccount(), now),
                wait("address:" + address, limits.maxFailuresPerAddress(), now));
    }

    void recordFailure(String account, String address) {
        Instant now = clock.instant();
        record("account:" + account, now);
        record("address:" + address, now);
    }

    void recordSuccess(String account) {
        failures.invalidate("account:" + account);
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Deque<Instant> window = failures.getIfPresent(key);
        if (window == null) {
            return Optional.empty();
        }
        synchronized (window) {
            prune(window, now);
            if (window.size() < limit) {
                return Optional.empty();
            }
            // Free again when enough failures have aged out to fall below the limit.
            Instant oldestCounted =
                    window.stream().skip(window.size() - limit).findFirst().orElse(now);
            Duration wait = Duration.between(now, oldestCounted.plus(limits.window()));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> window = failures.get(key, k -> new ArrayDeque<>());
        synchronized (window) {
            prune(window, now);
            window.addLast(now);
        }
    }

    private void prune(Deque<Instant> window, Instant now) {
        Instant cutoff = now.minus(limits.window());
        while (!window.isEmpty() && !window.peekFirst().isAfter(cutoff)) {
            window.removeFirst();
        }
    }

    private static Optional<Duration> latest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }
}
