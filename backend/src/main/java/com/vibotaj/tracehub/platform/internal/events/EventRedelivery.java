package com.vibotaj.tracehub.platform.internal.events;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again what a listener failed to handle, and what an instance never delivered because it
 * stopped between commit and delivery (the registry's staleness monitor marks those failed). One instance
 * at a time (ShedLock), so a publication is never redelivered twice in parallel; republishing at start-up
 * is off for the same reason, and this job covers restarts instead.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final EventProperties properties;
    private final RedeliveryBackoff backoff;
    private final Clock clock;

    EventRedelivery(
            FailedEventPublications failed,
            CompletedEventPublications completed,
            EventProperties properties,
            Clock clock) {
        this.failed = failed;
        this.completed = completed;
        this.properties = properties;
        this.backoff = new RedeliveryBackoff(
                properties.redelivery().backoffBase(), properties.redelivery().backoffMax());
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${tracehub.events.redelivery.interval}",
            fixedDelayString = "${tracehub.events.redelivery.interval}")
    @SchedulerLock(name = "event-redelivery", lockAtMostFor = "PT10M")
    void redeliverFailed() {
        redeliverDue();
    }

    /** Resubmits every failed publication whose back-off has elapsed; the listeners run again. */
    void redeliverDue() {
        var now = clock.instant();
        failed.resubmit(ResubmissionOptions.defaults().withFilter(publication -> due(publication, now)));
    }

    private boolean due(EventPublication publication, java.time.Instant now) {
        boolean due = backoff.isDue(
                publication.getPublicationDate(),
                publication.getLastResubmissionDate(),
                publication.getCompletionAttempts(),
                now);
        if (due) {
            log.info(
                    "Redelivering event {} ({}), attempt {}",
                    publication.getIdentifier(),
                    publication.getEvent().getClass().getSimpleName(),
                    publication.getCompletionAttempts() + 1);
        }
        return due;
    }

    @Scheduled(cron = "0 17 3 * * *", zone = "UTC")
    @SchedulerLock(name = "event-publication-cleanup", lockAtMostFor = "PT30M")
    void deleteOldCompleted() {
        completed.deletePublicationsOlderThan(properties.completedRetention());
    }
}
