package com.vibotaj.tracehub.tracking.internal;

import java.lang.management.ManagementFactory;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The polling loop of one instance. Work is claimed through the database with FOR UPDATE SKIP
 * LOCKED and a lease, so any number of instances share it without polling a container twice; the
 * nightly reconcile is a ShedLock singleton.
 */
@Component
@ConditionalOnProperty(prefix = "tracehub.tracking.polling", name = "enabled", havingValue = "true")
public class TrackingScheduler {

    private static final Logger log = LoggerFactory.getLogger(TrackingScheduler.class);

    private final TrackingStore store;
    private final TrackingPoller poller;
    private final PollingProperties properties;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    TrackingScheduler(TrackingStore store, TrackingPoller poller, PollingProperties properties) {
        this.store = store;
        this.poller = poller;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${tracehub.tracking.polling.tick}",
            initialDelayString = "${tracehub.tracking.polling.tick}")
    public void tick() {
        for (TrackingStore.Claim claim : claim()) {
            try {
                poller.poll(claim.subscriptionId(), claim.organizationId());
            } catch (RuntimeException e) {
                // One broken subscription must not stop the others; its lease expires and it is retried.
                log.error("Polling subscription {} failed unexpectedly", claim.subscriptionId(), e);
            }
        }
    }

    /** One statement in autocommit: the lease is committed before any provider is called. */
    List<TrackingStore.Claim> claim() {
        return store.claimDue(properties.batch(), properties.lease().toSeconds(), instance);
    }

    @Scheduled(cron = "${tracehub.tracking.polling.reconcile-cron}")
    @SchedulerLock(name = "tracking-reconcile", lockAtMostFor = "PT30M")
    @Transactional
    public void reconcile() {
        int due = store.reconcileStale(properties.reconcileAfter().toSeconds());
        log.info("Nightly tracking reconcile: {} subscriptions due for a pull", due);
    }
}
