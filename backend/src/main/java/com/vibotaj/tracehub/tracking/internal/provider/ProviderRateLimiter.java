package com.vibotaj.tracehub.tracking.internal.provider;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Client-side token bucket per provider, so our own polling never exceeds the rate the provider allows.
 * The bucket holds a tenth of a minute's allowance: enough for a short burst, small enough that no
 * minute sees much more than the configured rate.
 */
public final class ProviderRateLimiter {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier ticker;
    private double tokens;
    private long lastRefill;

    /**
     * @param ticker monotonic nanoseconds ({@code System::nanoTime} in production)
     */
    public ProviderRateLimiter(int requestsPerMinute, LongSupplier ticker) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1");
        }
        this.capacity = Math.max(1, requestsPerMinute / 10);
        this.tokensPerNano = (double) requestsPerMinute / NANOS_PER_MINUTE;
        this.ticker = ticker;
        this.tokens = capacity;
        this.lastRefill = ticker.getAsLong();
    }

    /** Takes a permit if one is available now. */
    public synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until {@link #tryAcquire()} can succeed; zero when a permit is available. */
    public synchronized Duration timeUntilNextPermit() {
        refill();
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** Blocks until a permit is taken. */
    public void acquire(Sleeper sleeper) throws InterruptedException {
        while (!tryAcquire()) {
            sleeper.sleep(timeUntilNextPermit());
        }
    }

    private void refill() {
        long now = ticker.getAsLong();
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            lastRefill = now;
        }
    }
}
