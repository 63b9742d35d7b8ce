package com.vibotaj.tracehub.eudr.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for plots, their line links and the DDS ledger; row-level security decides what is visible. */
@Repository
public class EudrStore {

    private final JdbcClient jdbc;

    EudrStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A saved plot. {@code feature} is the RFC 7946 Feature as saved (JSON text). */
    public record StoredOrigin(
            UUID id,
            UUID shipmentId,
            UUID organizationId,
            UUID createdBy,
            UUID createdByOrganizationId,
            @Nullable String producerName,
            @Nullable String producerCountry,
            @Nullable String productionPlace,
            @Nullable BigDecimal areaHa,
            BigDecimal computedAreaHa,
            int featureIndex,
            String geometryType,
            String feature,
            @Nullable LocalDate productionStart,
            @Nullable LocalDate productionEnd,
            List<String> repairsApplied,
            Instant createdAt,
            List<Integer> linePositions) {}

    public record StoredDds(
            UUID id,
            UUID shipmentId,
            UUID organizationId,
            @Nullable UUID buyerOrganizationId,
            String referenceNumber,
            String verificationNumber,
            Instant filedAt,
            UUID recordedBy,
            UUID recordedByOrganizationId,
            Instant recordedAt,
            @Nullable Instant amendedAt) {}

    public List<String> annexIHeadings() {
        return jdbc.sql("SELECT hs_prefix FROM eudr_annex_i_heading ORDER BY hs_prefix")
                .query(String.class)
                .list();
    }

    public LocalDate regulationDate(String code) {
        return jdbc.sql("SELECT date FROM eudr_regulation_date WHERE code = :code")
                .param("code", code)
                .query(LocalDate.class)
                .single();
    }

    public void insertOrigin(StoredOrigin o) {
        jdbc.sql("INSERT INTO eudr_origin (id, shipment_id, organization_id, created_by, created_by_organization_id,"
                        + " producer_name, producer_country, production_place, area_ha, computed_area_ha, feature_index, geometry_type,"
                        + " geometry, production_start, production_end, repairs_applied, created_at)"
                        + " VALUES (:id, :shipment, :org, :by, :byOrg, :name, :country, :place, :area, :computed, :index, :type,"
                        + " CAST(:geometry AS jsonb), :start, :end, :repairs, :at)")
                .param("id", o.id())
                .param("shipment", o.shipmentId())
                .param("org", o.organizationId())
                .param("by", o.createdBy())
                .param("byOrg", o.createdByOrganizationId())
                .param("name", o.producerName())
                .param("country", o.producerCountry())
                .param("place", o.productionPlace())
                .param("area", o.areaHa())
                .param("computed", o.computedAreaHa())
                .param("index", o.featureIndex())
                .param("type", o.geometryType())
                .param("geometry", o.feature())
                .param("start", o.productionStart())
                .param("end", o.productionEnd())
                .param("repairs", o.repairsApplied().toArray(String[]::new))
                .param("at", Timestamp.from(o.createdAt()))
                .update();
        for (int position : o.linePositions()) {
            jdbc.sql("INSERT INTO eudr_origin_line (origin_id, shipment_id, organization_id, line_position)"
                            + " VALUES (:origin, :shipment, :org, :position)")
                    .param("origin", o.id())
                    .param("shipment", o.shipmentId())
                    .param("org", o.organizationId())
                    .param("position", position)
                    .update();
        }
    }

    public List<StoredOrigin> origins(UUID shipmentId) {
        Map<UUID, List<Integer>> lines = new HashMap<>();
        jdbc.sql("SELECT l.origin_id, l.line_position FROM eudr_origin_line l WHERE l.shipment_id = :id"
                        + " ORDER BY l.line_position")
                .param("id", shipmentId)
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getInt(2));
                });
        return jdbc.sql(
                        "SELECT * FROM eudr_origin WHERE shipment_id = :id AND removed_at IS NULL ORDER BY created_at, feature_index, id")
                .param("id", shipmentId)
                .query((rs, n) -> origin(rs, lines.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    public Optional<StoredOrigin> origin(UUID shipmentId, UUID originId) {
        return origins(shipmentId).stream().filter(o -> o.id().equals(originId)).findFirst();
    }

    /** Marks a plot removed; false when the database refused (row-level security) or it was gone. */
    public boolean remove(UUID originId, UUID by, Instant at, @Nullable String reason) {
        return jdbc.sql("UPDATE eudr_origin SET removed_at = :at, removed_by = :by, removed_reason = :reason"
                                + " WHERE id = :id AND removed_at IS NULL")
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", originId)
                        .update()
                == 1;
    }

    private static StoredOrigin origin(ResultSet rs, List<Integer> lines) throws SQLException {
        Array repairs = rs.getArray("repairs_applied");
        return new StoredOrigin(
                rs.getObject("id", UUID.class),
                rs.getObject("shipment_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_by_organization_id", UUID.class),
                rs.getString("producer_name"),
                rs.getString("producer_country"),
                rs.getString("production_place"),
                rs.getBigDecimal("area_ha"),
                rs.getBigDecimal("computed_area_ha"),
                rs.getInt("feature_index"),
                rs.getString("geometry_type"),
                rs.getString("geometry"),
                rs.getObject("production_start", LocalDate.class),
                rs.getObject("production_end", LocalDate.class),
                repairs == null ? List.of() : Arrays.asList((String[]) repairs.getArray()),
                rs.getTimestamp("created_at").toInstant(),
                List.copyOf(lines));
    }

    public void insertDds(StoredDds d) {
        jdbc.sql("INSERT INTO eudr_dds_reference (id, shipment_id, organization_id, buyer_organization_id,"
                        + " reference_number, verification_number, filed_at, recorded_by, recorded_by_organization_id,"
                        + " recorded_at) VALUES (:id, :shipment, :org, :buyer, :ref, :ver, :filed, :by, :byOrg, :at)")
                .param("id", d.id())
                .param("shipment", d.shipmentId())
                .param("org", d.organizationId())
                .param("buyer", d.buyerOrganizationId())
                .param("ref", d.referenceNumber())
                .param("ver", d.verificationNumber())
                .param("filed", Timestamp.from(d.filedAt()))
                .param("by", d.recordedBy())
                .param("byOrg", d.recordedByOrganizationId())
                .param("at", Timestamp.from(d.recordedAt()))
                .update();
    }

    /** Keeps the previous values in the amendment ledger, then amends. */
    public void amendDds(
            StoredDds before, String reference, String verification, Instant filedAt, UUID by, Instant at) {
        jdbc.sql(
                        "INSERT INTO eudr_dds_amendment (dds_reference_id, shipment_id, organization_id, buyer_organization_id,"
                                + " previous_reference_number, previous_verification_number, previous_filed_at, amended_by, amended_at)"
                                + " VALUES (:id, :shipment, :org, :buyer, :ref, :ver, :filed, :by, :at)")
                .param("id", before.id())
                .param("shipment", before.shipmentId())
                .param("org", before.organizationId())
                .param("buyer", before.buyerOrganizationId())
                .param("ref", before.referenceNumber())
                .param("ver", before.verificationNumber())
                .param("filed", Timestamp.from(before.filedAt()))
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("UPDATE eudr_dds_reference SET reference_number = :ref, verification_number = :ver, filed_at = :filed,"
                        + " amended_at = :at, amended_by = :by WHERE id = :id")
                .param("ref", reference)
                .param("ver", verification)
                .param("filed", Timestamp.from(filedAt))
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("id", before.id())
                .update();
    }

    public List<StoredDds> ddsReferences(UUID shipmentId) {
        return jdbc.sql("SELECT * FROM eudr_dds_reference WHERE shipment_id = :id ORDER BY filed_at, id")
                .param("id", shipmentId)
                .query((rs, n) -> new StoredDds(
                        rs.getObject("id", UUID.class),
                        rs.getObject("shipment_id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("buyer_organization_id", UUID.class),
                        rs.getString("reference_number"),
                        rs.getString("verification_number"),
                        rs.getTimestamp("filed_at").toInstant(),
                        rs.getObject("recorded_by", UUID.class),
                        rs.getObject("recorded_by_organization_id", UUID.class),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getTimestamp("amended_at") == null
                                ? null
                                : rs.getTimestamp("amended_at").toInstant()))
                .list();
    }
}
