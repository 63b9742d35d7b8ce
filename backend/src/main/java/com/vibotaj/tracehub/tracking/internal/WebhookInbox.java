package com.vibotaj.tracehub.tracking.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every webhook delivery, stored before anything else happens to it: the delivery log admins see. */
@Repository
public class WebhookInbox {

    private final JdbcClient jdbc;

    WebhookInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Delivery(
            UUID id,
            String provider,
            Instant receivedAt,
            boolean signatureValid,
            String status,
            int eventsRecorded,
            int attempts,
            @Nullable String lastError,
            @Nullable Instant processedAt,
            String payloadSha256) {}

    public UUID store(UUID organizationId, String provider, byte[] body, boolean signatureValid, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO webhook_inbox (id, organization_id, provider, received_at, signature_valid, status,
                          payload, payload_sha256)
                        VALUES (:id, :org, :provider, :now, :valid, :status, :payload, :sha)""")
                .param("id", id)
                .param("org", organizationId)
                .param("provider", provider)
                .param("now", Timestamp.from(now))
                .param("valid", signatureValid)
                .param("status", signatureValid ? "received" : "rejected")
                .param("payload", new String(body, StandardCharsets.UTF_8))
                .param("sha", sha256(body))
                .update();
        return id;
    }

    public Optional<String> payload(UUID id) {
        return jdbc.sql("SELECT payload FROM webhook_inbox WHERE id = :id AND signature_valid")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    public void outcome(UUID id, String status, int events, @Nullable String error, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_inbox SET status = :status, events_recorded = :events, last_error = :error,
                          attempts = attempts + 1, processed_at = :now
                        WHERE id = :id""")
                .param("status", status)
                .param("events", events)
                .param("error", error)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    public Optional<Delivery> find(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_inbox WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> delivery(rs))
                .optional();
    }

    public List<Delivery> list(int page, int size) {
        return jdbc.sql("SELECT * FROM webhook_inbox ORDER BY received_at DESC, id LIMIT :limit OFFSET :offset")
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> delivery(rs))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM webhook_inbox").query(Long.class).single();
    }

    private static Delivery delivery(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getString("provider"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getBoolean("signature_valid"),
                rs.getString("status"),
                rs.getInt("events_recorded"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                TrackingStore.instant(rs, "processed_at"),
                rs.getString("payload_sha256"));
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
