package com.vibotaj.tracehub.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracehub.notifications.*}. E-mail goes over SMTP only when {@code email.enabled} and
 * {@code spring.mail.host} is set; otherwise each mail is logged (recipient and subject) and marked so.
 * Links in e-mails start with {@code tracehub.public-url}.
 */
@ConfigurationProperties("tracehub.notifications")
public record NotificationProperties(
        @DefaultValue Email email,
        @DefaultValue Sender sender,
        @DefaultValue Digest digest) {

    /**
     * @param enabled send over SMTP when a mail server is configured
     * @param from the From address, e.g. {@code TraceHub <no-reply@example.com>}
     */
    public record Email(
            @DefaultValue("true") boolean enabled,

            @DefaultValue("TraceHub <no-reply@tracehub.invalid>")
            String from) {}

    /**
     * @param enabled run the outbox sender on a schedule (one instance at a time, ShedLock)
     * @param interval pause between sender runs
     * @param batchSize mails claimed per run
     * @param initialBackoff wait after the first failed attempt; doubled after each further failure
     * @param maxBackoff the longest wait between attempts
     * @param maxAttempts attempts before a mail is given up as failed
     * @param lease how long a claimed mail is reserved for the instance sending it
     */
    public record Sender(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") Duration interval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("1m") Duration initialBackoff,
            @DefaultValue("6h") Duration maxBackoff,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("5m") Duration lease) {}

    /**
     * @param enabled run the daily digest on a schedule
     * @param cron when (UTC) the digest is assembled
     */
    public record Digest(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0 0 6 * * *") String cron) {}

    /** The wait before attempt {@code failures + 1}: initial × 2^(failures − 1), at most the maximum. */
    public Duration backoffAfter(int failures) {
        Duration wait = sender.initialBackoff();
        for (int i = 1; i < failures && wait.compareTo(sender.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(sender.maxBackoff()) > 0 ? sender.maxBackoff() : wait;
    }
}
