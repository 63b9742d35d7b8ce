package com.vibotaj.tracehub.platform.internal.events;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Listens like every side-effect listener of the application does (asynchronously, after commit, in
 * its own transaction). It only reacts to {@link OutboxProbe}, which nothing but the outbox tests publish.
 */
@Component
class OutboxProbeListener {

    private final Map<UUID, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<UUID> delivered = ConcurrentHashMap.newKeySet();

    void failNextTimes(UUID probe, int times) {
        failuresLeft.put(probe, new AtomicInteger(times));
    }

    int attempts(UUID probe) {
        return attempts.getOrDefault(probe, new AtomicInteger()).get();
    }

    boolean delivered(UUID probe) {
        return delivered.contains(probe);
    }

    @ApplicationModuleListener
    void on(OutboxProbe probe) {
        attempts.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet();
        AtomicInteger left = failuresLeft.get(probe.id());
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("probe " + probe.id() + " fails on purpose");
        }
        delivered.add(probe.id());
    }
}
