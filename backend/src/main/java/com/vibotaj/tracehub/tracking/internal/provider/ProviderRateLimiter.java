package com.vibotaj.tracehub.tracking.internal.provider;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Client-side token bucket per provider, so our own polling never exceeds the rate the provider allows.
 * The bucket holds a tenth of a minute's allowance: enough for a short burst, small enough that no minute
 * sees much more than the configured rate. Kept as the time the bucket would be full again (the generic
 * cell rate algorithm), in whole nanoseconds, so the arithmetic is exact.
 */
public final class ProviderRateLimiter {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final long interval;
    private final long burstTolerance;
    private final LongSupplier ticker;
    private long theoreticalArrival;

    /**
     * @param ticker monotonic nanoseconds ({@code System::nanoTime} in production)
     */
    public ProviderRateLimiter(int requestsPerMinute, LongSupplier ticker) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1");
        }
        int burst = Math.max(1, requestsPerMinute / 10);
        this.interval = NANOS_PER_MINUTE / requestsPerMinute;
        this.burstTolerance = (burst - 1) * interval;
        this.ticker = ticker;
        this.theoreticalArrival = ticker.getAsLong();
    }

    /** Takes a permit if one is available now. */
    public synchronized boolean tryAcquire() {
        long now = ticker.getAsLong();
        long arrival = Math.max(theoreticalArrival, now);
        if (arrival - now > burstTolerance) {
            return false;
        }
        theoreticalArrival = arrival + interval;
        return true;
    }

    /** How long until {@link #tryAcquire()} can succeed; zero when a permit is available. */
    public synchronized Duration timeUntilNextPermit() {
        long now = ticker.getAsLong();
        long wait = Math.max(theoreticalArrival, now) - now - burstTolerance;
        return wait > 0 ? Duration.ofNanos(wait) : Duration.ZERO;
    }

    /** Blocks until a permit is taken. */
    public void acquire(Sleeper sleeper) throws InterruptedException {
        while (!tryAcquire()) {
            sleeper.sleep(timeUntilNextPermit());
        }
    }
}
