package com.vibotaj.tracehub.compliance.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the expiry check daily on one instance (ShedLock). Tests call {@link ExpiryMonitor#run()} directly. */
@Component
@ConditionalOnProperty(
        prefix = "tracehub.compliance.expiry",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
class ExpiryScheduler {

    private final ExpiryMonitor monitor;

    ExpiryScheduler(ExpiryMonitor monitor) {
        this.monitor = monitor;
    }

    @Scheduled(cron = "${tracehub.compliance.expiry.cron:0 15 1 * * *}", zone = "UTC")
    @SchedulerLock(name = "compliance-expiry", lockAtMostFor = "PT30M")
    public void daily() {
        monitor.run();
    }
}
