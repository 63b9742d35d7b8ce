package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.Recipients.Recipient;
import com.vibotaj.tracehub.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Active members of an organisation, read in the caller's transaction and scope. */
@Repository
public class RecipientQuery {

    private static final String SELECT = """
            SELECT u.id, m.organization_id, u.email, u.full_name, m.role
              FROM membership m JOIN app_user u ON u.id = m.user_id
             WHERE m.organization_id = :org AND m.status = 'active'
            """;

    private final JdbcClient jdbc;

    RecipientQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Recipient> activeMembers(UUID organizationId) {
        return jdbc.sql(SELECT + " ORDER BY u.full_name, u.id")
                .param("org", organizationId)
                .query(RecipientQuery::map)
                .list();
    }

    public Optional<Recipient> activeMember(UUID organizationId, UUID userId) {
        return jdbc.sql(SELECT + " AND m.user_id = :user")
                .param("org", organizationId)
                .param("user", userId)
                .query(RecipientQuery::map)
                .optional();
    }

    private static Recipient map(ResultSet rs, int row) throws SQLException {
        return new Recipient(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                Role.of(rs.getString(5)));
    }
}
