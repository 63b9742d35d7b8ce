package com.vibotaj.tracehub.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * In-app notifications and preferences, in the caller's transaction. Row-level security shows a user
 * only their own notifications; inserts are allowed only for members of the scoped organisation.
 */
@Repository
public class NotificationStore {

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredNotification(
            UUID id,
            NotificationKind kind,
            String title,
            String body,
            @Nullable String link,
            @Nullable UUID shipmentId,
            Instant createdAt,
            @Nullable Instant readAt) {}

    /** A user's stored choice for one kind; kinds never chosen have no row and use the defaults. */
    public record Choice(boolean inApp, boolean email) {}

    void insert(UUID organizationId, UUID userId, Notice notice) {
        jdbc.sql("INSERT INTO notification (id, organization_id, user_id, kind, title, body, link, shipment_id)"
                        + " VALUES (:id, :org, :user, :kind, :title, :body, :link, :shipment)")
                .param("id", UUID.randomUUID())
                .param("org", organizationId)
                .param("user", userId)
                .param("kind", notice.kind().key())
                .param("title", notice.title())
                .param("body", notice.body())
                .param("link", notice.linkPath())
                .param("shipment", notice.shipmentId())
                .update();
    }

    public List<StoredNotification> page(UUID organizationId, UUID userId, boolean unreadOnly, int limit, long offset) {
        return jdbc.sql("SELECT id, kind, title, body, link, shipment_id, created_at, read_at FROM notification"
                        + " WHERE user_id = :user AND organization_id = :org"
                        + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("user", userId)
                .param("org", organizationId)
                .param("limit", limit)
                .param("offset", offset)
                .query(NotificationStore::map)
                .list();
    }

    public long count(UUID organizationId, UUID userId, boolean unreadOnly) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND organization_id = :org"
                        + (unreadOnly ? " AND read_at IS NULL" : ""))
                .param("user", userId)
                .param("org", organizationId)
                .query(Long.class)
                .single();
    }

    public Optional<StoredNotification> find(UUID organizationId, UUID userId, UUID id) {
        return jdbc.sql("SELECT id, kind, title, body, link, shipment_id, created_at, read_at FROM notification"
                        + " WHERE id = :id AND user_id = :user AND organization_id = :org")
                .param("id", id)
                .param("user", userId)
                .param("org", organizationId)
                .query(NotificationStore::map)
                .optional();
    }

    /** Marks read (keeping the first read time); answers whether the notification is the user's. */
    public boolean markRead(UUID organizationId, UUID userId, UUID id) {
        return jdbc.sql("UPDATE notification SET read_at = coalesce(read_at, now())"
                                + " WHERE id = :id AND user_id = :user AND organization_id = :org")
                        .param("id", id)
                        .param("user", userId)
                        .param("org", organizationId)
                        .update()
                == 1;
    }

    public int markAllRead(UUID organizationId, UUID userId) {
        return jdbc.sql("UPDATE notification SET read_at = now()"
                        + " WHERE user_id = :user AND organization_id = :org AND read_at IS NULL")
                .param("user", userId)
                .param("org", organizationId)
                .update();
    }

    public Map<NotificationKind, Choice> choices(UUID userId) {
        record Row(String kind, boolean inApp, boolean email) {}
        Map<NotificationKind, Choice> choices = new HashMap<>();
        jdbc.sql("SELECT kind, in_app, email FROM notification_preference WHERE user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
                .list()
                .forEach(r ->
                        NotificationKind.of(r.kind()).ifPresent(k -> choices.put(k, new Choice(r.inApp(), r.email()))));
        return choices;
    }

    public boolean digest(UUID userId) {
        return jdbc.sql("SELECT digest FROM notification_setting WHERE user_id = :user")
                .param("user", userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public void saveChoice(UUID userId, NotificationKind kind, Choice choice) {
        jdbc.sql("INSERT INTO notification_preference (user_id, kind, in_app, email) VALUES (:user, :kind, :inApp,"
                        + " :email) ON CONFLICT (user_id, kind) DO UPDATE SET in_app = :inApp, email = :email")
                .param("user", userId)
                .param("kind", kind.key())
                .param("inApp", choice.inApp())
                .param("email", choice.email())
                .update();
    }

    public void saveDigest(UUID userId, boolean digest) {
        jdbc.sql("INSERT INTO notification_setting (user_id, digest) VALUES (:user, :digest)"
                        + " ON CONFLICT (user_id) DO UPDATE SET digest = :digest, updated_at = now()")
                .param("user", userId)
                .param("digest", digest)
                .update();
    }

    private static StoredNotification map(ResultSet rs, int row) throws SQLException {
        java.sql.Timestamp read = rs.getTimestamp("read_at");
        return new StoredNotification(
                rs.getObject("id", UUID.class),
                NotificationKind.of(rs.getString("kind")).orElseThrow(),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getObject("shipment_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
