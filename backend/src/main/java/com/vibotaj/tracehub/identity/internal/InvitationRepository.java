package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invitation rows. An organisation sees its own; a caller presenting a token sees only the row with that
 * token's hash (row-level security). The token itself is never stored.
 */
@Repository
class InvitationRepository {

    /** An invitation as stored; {@code status} is the stored one (pending, accepted, revoked). */
    record StoredInvitation(
            UUID id,
            UUID organizationId,
            String email,
            Role role,
            String status,
            String tokenHash,
            Instant expiresAt,
            Instant createdAt,
            @Nullable String invitedByName) {

        boolean pending() {
            return "pending".equals(status);
        }
    }

    // The inviter's name is visible only within the organisation; through a token lookup it is null.
    private static final String SELECT = """
            SELECT i.id, i.organization_id, i.email, i.role, i.status, i.token_hash, i.expires_at, i.created_at,
                   u.full_name AS invited_by_name
              FROM invitation i LEFT JOIN app_user u ON u.id = i.invited_by
            """;

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredInvitation> findByTokenHash(String hash) {
        return jdbc.sql(SELECT + " WHERE i.token_hash = :hash OR i.mail_token_hash = :hash")
                .param("hash", hash)
                .query(InvitationRepository::map)
                .optional();
    }

    Optional<StoredInvitation> find(UUID organizationId, UUID id) {
        return byId(organizationId, id, "");
    }

    /** Reads and locks the invitation, so concurrent accept, resend and revoke take turns. */
    Optional<StoredInvitation> lock(UUID organizationId, UUID id) {
        return byId(organizationId, id, " FOR UPDATE OF i");
    }

    /** One page of the organisation's invitations, newest first. */
    List<StoredInvitation> findPage(UUID organizationId, int limit, long offset) {
        return jdbc.sql(SELECT + " WHERE i.organization_id = :org ORDER BY i.created_at DESC, i.id"
                        + " LIMIT :limit OFFSET :offset")
                .param("org", organizationId)
                .param("limit", limit)
                .param("offset", offset)
                .query(InvitationRepository::map)
                .list();
    }

    long count(UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM invitation WHERE organization_id = :org")
                .param("org", organizationId)
                .query(Long.class)
                .single();
    }

    void insert(UUID id, UUID organizationId, String email, Role role, String tokenHash, Instant expiresAt, UUID by) {
        jdbc.sql("INSERT INTO invitation (id, organization_id, email, role, token_hash, expires_at, invited_by)"
                        + " VALUES (:id, :org, :email, :role, :hash, :expires, :by)")
                .param("id", id)
                .param("org", organizationId)
                .param("email", email)
                .param("role", role.value())
                .param("hash", tokenHash)
                .param("expires", at(expiresAt))
                .param("by", by)
                .update();
    }

    /** Revokes the pending invitation of this e-mail, if any: only one may be pending at a time. */
    int revokePending(UUID organizationId, String email, Instant now) {
        return jdbc.sql("UPDATE invitation SET status = 'revoked', revoked_at = :now"
                        + " WHERE organization_id = :org AND email = :email AND status = 'pending'")
                .param("now", at(now))
                .param("org", organizationId)
                .param("email", email)
                .update();
    }

    int revoke(UUID id, Instant now) {
        return jdbc.sql("UPDATE invitation SET status = 'revoked', revoked_at = :now WHERE id = :id")
                .param("now", at(now))
                .param("id", id)
                .update();
    }

    /**
     * Replaces the token (the old link, and the e-mailed one, stop working) and restarts the validity
     * period.
     */
    int renew(UUID id, String tokenHash, Instant expiresAt) {
        return jdbc.sql("UPDATE invitation SET token_hash = :hash, mail_token_hash = NULL, expires_at = :expires"
                        + " WHERE id = :id")
                .param("hash", tokenHash)
                .param("expires", at(expiresAt))
                .param("id", id)
                .update();
    }

    /** The link of the invitation e-mail: a second token beside the one shown to the administrator. */
    int setMailToken(UUID id, String tokenHash) {
        return jdbc.sql("UPDATE invitation SET mail_token_hash = :hash WHERE id = :id")
                .param("hash", tokenHash)
                .param("id", id)
                .update();
    }

    /** Who issued the invitation (null when the inviter is unknown). */
    Optional<UUID> invitedBy(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT invited_by FROM invitation WHERE organization_id = :org AND id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .optional()
                .flatMap(o -> o);
    }

    int markAccepted(UUID id, UUID userId, Instant now) {
        return jdbc.sql("UPDATE invitation SET status = 'accepted', accepted_user_id = :user, accepted_at = :now"
                        + " WHERE id = :id")
                .param("user", userId)
                .param("now", at(now))
                .param("id", id)
                .update();
    }

    private Optional<StoredInvitation> byId(UUID organizationId, UUID id, String lock) {
        return jdbc.sql(SELECT + " WHERE i.organization_id = :org AND i.id = :id" + lock)
                .param("org", organizationId)
                .param("id", id)
                .query(InvitationRepository::map)
                .optional();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static StoredInvitation map(ResultSet rs, int row) throws SQLException {
        return new StoredInvitation(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("email"),
                Role.of(rs.getString("role")),
                rs.getString("status"),
                rs.getString("token_hash"),
                UserRepository.instant(rs, "expires_at"),
                UserRepository.instant(rs, "created_at"),
                rs.getString("invited_by_name"));
    }
}
