package com.vibotaj.tracehub.compliance.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Overrides of findings: inserted, later revoked, never deleted. Caller's tenant scope. */
@Repository
public class OverrideRepository {

    private final JdbcClient jdbc;

    OverrideRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One override as recorded. */
    public record Override(
            UUID id,
            UUID shipmentId,
            String ruleId,
            @Nullable UUID documentId,
            String reason,
            UUID createdBy,
            Instant createdAt,
            @Nullable Instant revokedAt,
            @Nullable UUID revokedBy) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    private static final String COLUMNS =
            "id, shipment_id, rule_id, document_id, reason, created_by, created_at, revoked_at, revoked_by";

    public List<Override> forShipment(UUID shipmentId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM compliance_override WHERE shipment_id = :id ORDER BY created_at, id")
                .param("id", shipmentId)
                .query((rs, n) -> new Override(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                        rs.getObject(9, UUID.class)))
                .list();
    }

    public Optional<Override> find(UUID shipmentId, UUID overrideId) {
        return forShipment(shipmentId).stream()
                .filter(o -> o.id().equals(overrideId))
                .findFirst();
    }

    public void insert(Override o, UUID organizationId) {
        jdbc.sql("""
                        INSERT INTO compliance_override
                          (id, shipment_id, organization_id, rule_id, document_id, reason, created_by, created_at)
                        VALUES (:id, :shipment, :org, :rule, :doc, :reason, :by, :at)""")
                .param("id", o.id())
                .param("shipment", o.shipmentId())
                .param("org", organizationId)
                .param("rule", o.ruleId())
                .param("doc", o.documentId())
                .param("reason", o.reason())
                .param("by", o.createdBy())
                .param("at", Timestamp.from(o.createdAt()))
                .update();
    }

    /** @return false when it was already revoked (or is not visible for writing) */
    public boolean revoke(UUID overrideId, UUID actor, Instant at) {
        return jdbc.sql("UPDATE compliance_override SET revoked_at = :at, revoked_by = :by"
                                + " WHERE id = :id AND revoked_at IS NULL")
                        .param("at", Timestamp.from(at))
                        .param("by", actor)
                        .param("id", overrideId)
                        .update()
                > 0;
    }
}
