package com.vibotaj.tracehub.notifications.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox sender and the daily digest on one instance at a time (ShedLock). Tests call
 * {@link OutboxSender#sendDue()} and {@link DigestJob#run()} directly.
 */
@Component
@ConditionalOnProperty(
        prefix = "tracehub.notifications.sender",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
class NotificationScheduler {

    private final OutboxSender sender;
    private final DigestJob digest;
    private final NotificationProperties properties;

    NotificationScheduler(OutboxSender sender, DigestJob digest, NotificationProperties properties) {
        this.sender = sender;
        this.digest = digest;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${tracehub.notifications.sender.interval:30s}",
            initialDelayString = "${tracehub.notifications.sender.interval:30s}")
    @SchedulerLock(name = "notifications-mail-sender", lockAtMostFor = "PT10M")
    public void send() {
        sender.sendDue();
    }

    @Scheduled(cron = "${tracehub.notifications.digest.cron:0 0 6 * * *}", zone = "UTC")
    @SchedulerLock(name = "notifications-digest", lockAtMostFor = "PT30M")
    public void daily() {
        if (properties.digest().enabled()) {
            digest.run();
            sender.sendDue();
        }
    }
}
