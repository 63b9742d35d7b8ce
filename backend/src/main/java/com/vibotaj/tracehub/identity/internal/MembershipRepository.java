package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
