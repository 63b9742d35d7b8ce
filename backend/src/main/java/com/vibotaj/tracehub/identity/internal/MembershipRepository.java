package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Memberships with their organisation; visibility is decided by row-level security. */
@Repository
class MembershipRepository {

    private static final String SELECT = """
            SELECT m.id, m.user_id, m.organization_id, o.name AS organization_name, o.type AS organization_type,
                   m.role, m.status, m.is_primary
              FROM membership m JOIN organization o ON o.id = m.organization_id
            """;

    private final JdbcClient jdbc;

    MembershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's memberships, primary first, then by organisation name. */
    List<MembershipRecord> findByUser(UUID userId) {
        return jdbc.sql(SELECT + " WHERE m.user_id = :user ORDER BY m.is_primary DESC, o.name")
                .param("user", userId)
                .query(MembershipRepository::map)
                .list();
    }

    Optional<MembershipRecord> find(UUID userId, UUID organizationId) {
        return jdbc.sql(SELECT + " WHERE m.user_id = :user AND m.organization_id = :org")
                .param("user", userId)
                .param("org", organizationId)
                .query(MembershipRepository::map)
                .optional();
    }

    /** Locks the organisation's active admin memberships, so two concurrent demotions cannot both pass. */
    int lockActiveAdmins(UUID organizationId) {
        return jdbc.sql("SELECT id FROM membership WHERE organization_id = :org AND role = 'admin'"
                        + " AND status = 'active' FOR UPDATE")
                .param("org", organizationId)
                .query(UUID.class)
                .list()
                .size();
    }

    void insert(UUID userId, UUID organizationId, Role role, boolean primary) {
        jdbc.sql("INSERT INTO membership (id, user_id, organization_id, role, is_primary)"
                        + " VALUES (:id, :user, :org, :role, :primary)")
                .param("id", UUID.randomUUID())
                .param("user", userId)
                .param("org", organizationId)
                .param("role", role.value())
                .param("primary", primary)
                .update();
    }

    int updateRole(UUID userId, UUID organizationId, Role role) {
        return jdbc.sql("UPDATE membership SET role = :role, updated_at = now()"
                        + " WHERE user_id = :user AND organization_id = :org")
                .param("role", role.value())
                .param("user", userId)
                .param("org", organizationId)
                .update();
    }

    int updateStatus(UUID userId, UUID organizationId, boolean active) {
        return jdbc.sql("UPDATE membership SET status = :status, updated_at = now()"
                        + " WHERE user_id = :user AND organization_id = :org")
                .param("status", active ? "active" : "deactivated")
                .param("user", userId)
                .param("org", organizationId)
                .update();
    }

    /** A member of one organisation as its administrators see it; {@code joinedAt} is the membership's start. */
    record Member(
            UUID userId,
            String email,
            String fullName,
            Role role,
            boolean active,
            Instant joinedAt,
            @Nullable Instant lastLoginAt) {}

    // The organisation filter is explicit: RLS also shows the acting user's own memberships elsewhere.
    private static final String MEMBERS = """
            SELECT u.id AS user_id, u.email, u.full_name, u.last_login_at, m.role, m.status, m.created_at
              FROM membership m JOIN app_user u ON u.id = m.user_id
             WHERE m.organization_id = :org
            """;

    /** One page of the organisation's members, by name. */
    List<Member> findMembers(UUID organizationId, int limit, long offset) {
        return jdbc.sql(MEMBERS + " ORDER BY lower(u.full_name), u.email, u.id LIMIT :limit OFFSET :offset")
                .param("org", organizationId)
                .param("limit", limit)
                .param("offset", offset)
                .query(MembershipRepository::mapMember)
                .list();
    }

    long countMembers(UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM membership WHERE organization_id = :org")
                .param("org", organizationId)
                .query(Long.class)
                .single();
    }

    Optional<Member> findMember(UUID organizationId, UUID userId) {
        return member(organizationId, userId, "");
    }

    /** Reads the member and locks the membership row until the transaction ends. */
    Optional<Member> lockMember(UUID organizationId, UUID userId) {
        return member(organizationId, userId, " FOR UPDATE OF m");
    }

    boolean isActiveMember(UUID organizationId, String email) {
        return jdbc.sql(MEMBERS + " AND u.email = :email AND m.status = 'active'")
                .param("org", organizationId)
                .param("email", email)
                .query(MembershipRepository::mapMember)
                .optional()
                .isPresent();
    }

    private Optional<Member> member(UUID organizationId, UUID userId, String lock) {
        return jdbc.sql(MEMBERS + " AND m.user_id = :user" + lock)
                .param("org", organizationId)
                .param("user", userId)
                .query(MembershipRepository::mapMember)
                .optional();
    }

    private static Member mapMember(ResultSet rs, int row) throws SQLException {
        return new Member(
                rs.getObject("user_id", UUID.class),
                rs.getString("email"),
                rs.getString("full_name"),
                Role.of(rs.getString("role")),
                "active".equals(rs.getString("status")),
                UserRepository.instant(rs, "created_at"),
                UserRepository.instant(rs, "last_login_at"));
    }

    static MembershipRecord map(ResultSet rs, int row) throws SQLException {
        return new MembershipRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("organization_name"),
                OrganizationType.of(rs.getString("organization_type")),
                Role.of(rs.getString("role")),
                "active".equals(rs.getString("status")),
                rs.getBoolean("is_primary"));
    }
}
