package com.vibotaj.tracehub.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's trading partners (its buyers, suppliers and forwarders): the organisations it may
 * name on a shipment. Runs in the caller's transaction and tenant scope.
 */
@Service
public class Partners {

    private final JdbcClient jdbc;

    Partners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A partner organisation as other modules and the UI need it. */
    public record Partner(UUID id, String name, OrganizationType type) {}

    @Transactional(readOnly = true)
    public List<Partner> list(UUID organizationId) {
        return jdbc.sql("""
                        SELECT o.id, o.name, o.type FROM organization_partner p JOIN organization o ON o.id = p.partner_id
                        WHERE p.organization_id = :org ORDER BY o.name""")
                .param("org", organizationId)
                .query((rs, n) -> new Partner(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        OrganizationType.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT))))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Partner> find(UUID organizationId, UUID partnerId) {
        return jdbc.sql("""
                        SELECT o.id, o.name, o.type FROM organization_partner p JOIN organization o ON o.id = p.partner_id
                        WHERE p.organization_id = :org AND p.partner_id = :partner""")
                .param("org", organizationId)
                .param("partner", partnerId)
                .query((rs, n) -> new Partner(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        OrganizationType.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT))))
                .optional();
    }

    /** The type of the caller's own organisation, which decides what it may own. */
    @Transactional(readOnly = true)
    public Optional<OrganizationType> typeOf(UUID organizationId) {
        return jdbc.sql("SELECT type FROM organization WHERE id = :id")
                .param("id", organizationId)
                .query((rs, n) -> OrganizationType.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)))
                .optional();
    }
}
