package com.vibotaj.tracehub.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefreshTokenRepository {

    /** A stored refresh token: only the hash of the secret is kept. */
    record StoredToken(
            UUID id,
            UUID familyId,
            UUID userId,
            UUID organizationId,
            Instant expiresAt,
            @Nullable Instant usedAt,
            @Nullable Instant revokedAt) {}

    private static final String COLUMNS = "id, family_id, user_id, organization_id, expires_at, used_at, revoked_at";

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredToken> findByHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refresh_token WHERE token_hash = :hash")
                .param("hash", hash)
                .query(RefreshTokenRepository::map)
                .optional();
    }

    Optional<StoredToken> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refresh_token WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(RefreshTokenRepository::map)
                .optional();
    }

    void insert(UUID familyId, UUID userId, UUID organizationId, String hash, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_token (id, family_id, user_id, organization_id, token_hash, expires_at)"
                        + " VALUES (:id, :family, :user, :org, :hash, :expires)")
                .param("id", UUID.randomUUID())
                .param("family", familyId)
                .param("user", userId)
                .param("org", organizationId)
                .param("hash", hash)
                .param("expires", java.sql.Timestamp.from(expiresAt))
                .update();
    }

    void markUsed(UUID id) {
        jdbc.sql("UPDATE refresh_token SET used_at = now() WHERE id = :id")
                .param("id", id)
                .update();
    }

    int revokeFamily(UUID familyId) {
        return jdbc.sql("UPDATE refresh_token SET revoked_at = now() WHERE family_id = :family AND revoked_at IS NULL")
                .param("family", familyId)
                .update();
    }

    /** Ends every session of the user in one organisation (after deactivation or a role change). */
    int revokeForMembership(UUID userId, UUID organizationId) {
        return jdbc.sql("UPDATE refresh_token SET revoked_at = now()"
                        + " WHERE user_id = :user AND organization_id = :org AND revoked_at IS NULL")
                .param("user", userId)
                .param("org", organizationId)
                .update();
    }

    private static StoredToken map(ResultSet rs, int row) throws SQLException {
        return new StoredToken(
                rs.getObject("id", UUID.class),
                rs.getObject("family_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                UserRepository.instant(rs, "expires_at"),
                UserRepository.instant(rs, "used_at"),
                UserRepository.instant(rs, "revoked_at"));
    }
}
