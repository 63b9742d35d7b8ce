package com.vibotaj.tracehub.notifications.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The e-mail outbox and its attempt log. Mails are queued in the recipient organisation's scope in the
 * same transaction as the in-app notification; the sender claims due ones across organisations through
 * {@code notification_mail_claim} and then works in each mail's own scope.
 */
@Repository
public class MailOutbox {

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A queued mail. {@code status} is pending, held (for the digest), digested, sent, failed or cancelled. */
    public record QueuedMail(
            UUID id,
            UUID organizationId,
            @Nullable UUID userId,
            NotificationKind kind,
            String to,
            String subject,
            String text,
            String html,
            @Nullable UUID referenceId,
            String status,
            int attempts) {}

    public record Claimed(UUID id, UUID organizationId) {}

    void queue(
            UUID organizationId,
            @Nullable UUID userId,
            NotificationKind kind,
            String to,
            MailTemplates.Mail mail,
            @Nullable UUID referenceId,
            boolean held) {
        jdbc.sql("INSERT INTO mail_outbox (id, organization_id, user_id, kind, to_address, subject, text_body,"
                        + " html_body, reference_id, status) VALUES (:id, :org, :user, :kind, :to, :subject, :text,"
                        + " :html, :ref, :status)")
                .param("id", UUID.randomUUID())
                .param("org", organizationId)
                .param("user", userId)
                .param("kind", kind.key())
                .param("to", to)
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("html", mail.html())
                .param("ref", referenceId)
                .param("status", held ? "held" : "pending")
                .update();
    }

    /** Leases up to {@code limit} due mails (any organisation); runs in a transaction of its own. */
    List<Claimed> claim(int limit, long leaseSeconds) {
        return jdbc.sql("SELECT outbox_id, organization_id FROM notification_mail_claim(:limit, :lease)")
                .param("limit", limit)
                .param("lease", (int) leaseSeconds)
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Organisation and user pairs with mail held for their digest (any organisation). */
    List<Claimed> digestDue() {
        return jdbc.sql("SELECT organization_id, user_id FROM notification_digest_due()")
                .query((rs, n) -> new Claimed(rs.getObject(2, UUID.class), rs.getObject(1, UUID.class)))
                .list();
    }

    Optional<QueuedMail> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(MailOutbox::map)
                .optional();
    }

    /** A user's held mails, oldest first, locked so two digest runs cannot both send them. */
    List<QueuedMail> held(UUID organizationId, UUID userId) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org AND user_id = :user AND status = 'held'"
                        + " ORDER BY created_at, id FOR UPDATE SKIP LOCKED")
                .param("org", organizationId)
                .param("user", userId)
                .query(MailOutbox::map)
                .list();
    }

    void markDigested(List<UUID> ids) {
        jdbc.sql("UPDATE mail_outbox SET status = 'digested' WHERE id IN (:ids)")
                .param("ids", ids)
                .update();
    }

    void markSent(UUID id, int attempts) {
        jdbc.sql("UPDATE mail_outbox SET status = 'sent', attempts = :attempts, sent_at = now(), lease_until = NULL,"
                        + " last_error = NULL WHERE id = :id")
                .param("attempts", attempts)
                .param("id", id)
                .update();
    }

    void markRetry(UUID id, int attempts, long delaySeconds, String error) {
        jdbc.sql("UPDATE mail_outbox SET attempts = :attempts, next_attempt_at = now() + make_interval(secs => :delay),"
                        + " lease_until = NULL, last_error = :error WHERE id = :id")
                .param("attempts", attempts)
                .param("delay", (double) delaySeconds)
                .param("error", error)
                .param("id", id)
                .update();
    }

    void markFinal(UUID id, String status, int attempts, @Nullable String error) {
        jdbc.sql("UPDATE mail_outbox SET status = :status, attempts = :attempts, lease_until = NULL,"
                        + " last_error = :error WHERE id = :id")
                .param("status", status)
                .param("attempts", attempts)
                .param("error", error)
                .param("id", id)
                .update();
    }

    void logAttempt(UUID outboxId, UUID organizationId, int attempt, String outcome, @Nullable String error) {
        jdbc.sql("INSERT INTO mail_attempt (id, outbox_id, organization_id, attempt, outcome, error)"
                        + " VALUES (:id, :outbox, :org, :attempt, :outcome, :error)")
                .param("id", UUID.randomUUID())
                .param("outbox", outboxId)
                .param("org", organizationId)
                .param("attempt", attempt)
                .param("outcome", outcome)
                .param("error", error)
                .update();
    }

    private static final String SELECT = "SELECT id, organization_id, user_id, kind, to_address, subject, text_body,"
            + " html_body, reference_id, status, attempts FROM mail_outbox";

    private static QueuedMail map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new QueuedMail(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                NotificationKind.of(rs.getString("kind")).orElseThrow(),
                rs.getString("to_address"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                rs.getObject("reference_id", UUID.class),
                rs.getString("status"),
                rs.getInt("attempts"));
    }
}
