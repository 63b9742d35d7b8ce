package com.vibotaj.tracehub.shipments.internal;

import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentFields.ContainerLine;
import com.vibotaj.tracehub.shipments.ShipmentFields.ProductLine;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores the shipment aggregate: the row, its parties, containers, product lines and the
 * status moves it recorded. Row-level security decides what is visible; a row the caller may not see
 * simply is not found.
 */
@Repository
public class ShipmentRepository {

    private static final String COLUMNS = """
            id, organization_id, reference, product_type, buyer_organization_id, exporter_name, exporter_address,
            importer_name, importer_address, bill_of_lading, booking_reference, carrier_scac, carrier_name,
            vessel_name, voyage, port_of_loading, port_of_discharge, final_destination, incoterms, etd, eta,
            eta_original, atd, ata, status, attention, notes, version""";

    private final JdbcClient jdbc;

    ShipmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the aggregate, locking the row when it is about to change so concurrent moves serialise. */
    public Optional<Shipment> load(UUID id, boolean forUpdate) {
        // The parties come with the row (two statements fewer on every detail call that loads a shipment).
        Optional<RowWithParties> row = jdbc.sql("SELECT " + COLUMNS + ", " + parties("supplier") + " AS suppliers, "
                        + parties("logistics") + " AS forwarders FROM shipment WHERE id = :id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id)
                .query((rs, n) ->
                        new RowWithParties(readRow(rs), uuidArray(rs, "suppliers"), uuidArray(rs, "forwarders")))
                .optional();
        return row.map(r -> r.row().toShipment(r.suppliers(), r.forwarders(), containers(id), productLines(id)));
    }

    public Optional<UUID> findIdByReference(String reference) {
        return jdbc.sql("SELECT id FROM shipment WHERE upper(reference) = upper(:ref)")
                .param("ref", reference)
                .query(UUID.class)
                .optional();
    }

    public void insert(Shipment s, UUID actor) {
        ShipmentFields f = s.fields();
        jdbc.sql("""
                        INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id,
                          exporter_name, exporter_address, importer_name, importer_address, bill_of_lading,
                          booking_reference, carrier_scac, carrier_name, vessel_name, voyage, port_of_loading,
                          port_of_discharge, final_destination, incoterms, etd, eta, eta_original, atd, ata, status,
                          attention, notes, search_text, created_by, updated_by)
                        VALUES (:id, :org, :reference, :productType, :buyer, :exporterName, :exporterAddress,
                          :importerName, :importerAddress, :bl, :booking, :scac, :carrierName, :vessel, :voyage,
                          :pol, :pod, :finalDestination, :incoterms, :etd, :eta, :etaOriginal, :atd, :ata, :status,
                          string_to_array(:attention, ','), :notes, :search, :actor, :actor)""").paramSource(params(s, actor)).update();
        writeChildren(s, false);
    }

    /** Stores a changed aggregate; false when someone else changed it since it was loaded. */
    public boolean update(Shipment s, UUID actor) {
        int rows = jdbc.sql("""
                        UPDATE shipment SET reference = :reference, product_type = :productType,
                          buyer_organization_id = :buyer, exporter_name = :exporterName,
                          exporter_address = :exporterAddress, importer_name = :importerName,
                          importer_address = :importerAddress, bill_of_lading = :bl, booking_reference = :booking,
                          carrier_scac = :scac, carrier_name = :carrierName, vessel_name = :vessel, voyage = :voyage,
                          port_of_loading = :pol, port_of_discharge = :pod, final_destination = :finalDestination,
                          incoterms = :incoterms, etd = :etd, eta = :eta, eta_original = :etaOriginal, atd = :atd,
                          ata = :ata, status = :status, attention = string_to_array(:attention, ','), notes = :notes,
                          search_text = :search, updated_by = :actor, updated_at = now(),
                          archived_at = CASE WHEN :status = 'archived' THEN coalesce(archived_at, now()) END,
                          version = version + 1
                        WHERE id = :id AND version = :version""").paramSource(params(s, actor)).update();
        if (rows == 0) {
            return false;
        }
        writeChildren(s, true);
        return true;
    }

    public void updateContainerTrackingStatus(UUID shipmentId, String containerNumber, String code) {
        jdbc.sql(
                        "UPDATE shipment_container SET tracking_status = :code WHERE shipment_id = :id AND container_number = :number")
                .param("code", code)
                .param("id", shipmentId)
                .param("number", containerNumber)
                .update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM shipment WHERE id = :id").param("id", id).update();
    }

    private void writeChildren(Shipment s, boolean replace) {
        UUID id = s.id();
        if (replace) {
            for (String table : List.of("shipment_party", "shipment_container", "shipment_product_line")) {
                jdbc.sql("DELETE FROM " + table + " WHERE shipment_id = :id")
                        .param("id", id)
                        .update();
            }
        }
        ShipmentFields f = s.fields();
        insertParties(s, f.supplierOrganizationIds(), "supplier");
        insertParties(s, f.logisticsOrganizationIds(), "logistics");
        int position = 0;
        for (ContainerLine c : f.containers()) {
            jdbc.sql("""
                            INSERT INTO shipment_container (id, shipment_id, organization_id, position, container_number,
                              iso_type, seal_number, gross_weight_kg)
                            VALUES (:id, :shipment, :org, :position, :number, :isoType, :seal, :weight)""")
                    .param("id", UUID.randomUUID())
                    .param("shipment", id)
                    .param("org", s.organizationId())
                    .param("position", position++)
                    .param("number", c.number())
                    .param("isoType", c.isoType())
                    .param("seal", c.sealNumber())
                    .param("weight", c.grossWeightKg())
                    .update();
        }
        position = 0;
        for (ProductLine l : f.productLines()) {
            jdbc.sql("""
                            INSERT INTO shipment_product_line (id, shipment_id, organization_id, position, hs_code,
                              description, net_weight_kg, gross_weight_kg, packages, packaging_type, batch_numbers,
                              quality_grade, moisture_percent, container_number)
                            VALUES (:id, :shipment, :org, :position, :hs, :description, :net, :gross, :packages,
                              :packaging, :batches, :grade, :moisture, :container)""")
                    .param("id", UUID.randomUUID())
                    .param("shipment", id)
                    .param("org", s.organizationId())
                    .param("position", position++)
                    .param("hs", l.hsCode())
                    .param("description", l.description())
                    .param("net", l.netWeightKg())
                    .param("gross", l.grossWeightKg())
                    .param("packages", l.packages())
                    .param("packaging", l.packagingType())
                    .param("batches", l.batchNumbers())
                    .param("grade", l.qualityGrade())
                    .param("moisture", l.moisturePercent())
                    .param("container", l.containerNumber())
                    .update();
        }
        for (StatusChange change : s.recordedChanges()) {
            jdbc.sql("""
                            INSERT INTO shipment_status_change (shipment_id, organization_id, from_status, to_status,
                              reason, source, actor_user_id, occurred_at)
                            VALUES (:shipment, :org, :from, :to, :reason, :source, :actor, :at)""")
                    .param("shipment", id)
                    .param("org", s.organizationId())
                    .param("from", change.from() == null ? null : change.from().value())
                    .param("to", change.to().value())
                    .param("reason", change.reason())
                    .param("source", change.source().name().toLowerCase(Locale.ROOT))
                    .param("actor", change.actorUserId())
                    .param("at", Timestamp.from(change.occurredAt()))
                    .update();
        }
    }

    private void insertParties(Shipment s, List<UUID> orgs, String role) {
        for (UUID party : orgs) {
            jdbc.sql("""
                            INSERT INTO shipment_party (shipment_id, organization_id, party_organization_id, role)
                            VALUES (:shipment, :org, :party, :role)""")
                    .param("shipment", s.id())
                    .param("org", s.organizationId())
                    .param("party", party)
                    .param("role", role)
                    .update();
        }
    }

    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Shipment s, UUID actor) {
        ShipmentFields f = s.fields();
        var p = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
        p.addValue("id", s.id());
        p.addValue("org", s.organizationId());
        p.addValue("reference", f.reference());
        p.addValue("productType", f.productType());
        p.addValue("buyer", f.buyerOrganizationId());
        p.addValue("exporterName", f.exporterName());
        p.addValue("exporterAddress", f.exporterAddress());
        p.addValue("importerName", f.importerName());
        p.addValue("importerAddress", f.importerAddress());
        p.addValue("bl", f.billOfLading());
        p.addValue("booking", f.bookingReference());
        p.addValue("scac", f.carrierScac());
        p.addValue("carrierName", f.carrierName());
        p.addValue("vessel", f.vesselName());
        p.addValue("voyage", f.voyage());
        p.addValue("pol", f.portOfLoading());
        p.addValue("pod", f.portOfDischarge());
        p.addValue("finalDestination", f.finalDestination());
        p.addValue("incoterms", f.incoterms());
        p.addValue("etd", f.etd());
        p.addValue("eta", f.eta());
        p.addValue("etaOriginal", s.etaOriginal());
        p.addValue("atd", f.atd());
        p.addValue("ata", f.ata());
        p.addValue("status", s.status().value());
        p.addValue("attention", String.join(",", s.attention()));
        p.addValue("notes", f.notes());
        p.addValue("search", searchText(f));
        p.addValue("actor", actor);
        p.addValue("version", s.version());
        return p;
    }

    /** What free-text search matches: reference, B/L, booking, vessel and every container number. */
    static String searchText(ShipmentFields f) {
        return Stream.concat(
                        Stream.of(f.reference(), f.billOfLading(), f.bookingReference(), f.vesselName(), f.voyage()),
                        f.containers().stream().map(ContainerLine::number))
                .filter(v -> v != null && !v.isBlank())
                .map(v -> v.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }

    private record RowWithParties(Row row, List<UUID> suppliers, List<UUID> forwarders) {}

    /** The shipment's party organisations of one role, in a stable order (a fixed role, never input). */
    private static String parties(String role) {
        return "ARRAY(SELECT p.party_organization_id FROM shipment_party p WHERE p.shipment_id = shipment.id"
                + " AND p.role = '" + role + "' ORDER BY p.party_organization_id)";
    }

    private static List<UUID> uuidArray(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    private List<ContainerLine> containers(UUID id) {
        return jdbc.sql("SELECT container_number, iso_type, seal_number, gross_weight_kg FROM shipment_container"
                        + " WHERE shipment_id = :id ORDER BY position")
                .param("id", id)
                .query((rs, n) -> new ContainerLine(
                        rs.getString(1).trim(), trim(rs.getString(2)), rs.getString(3), rs.getBigDecimal(4)))
                .list();
    }

    private List<ProductLine> productLines(UUID id) {
        return jdbc.sql("""
                        SELECT hs_code, description, net_weight_kg, gross_weight_kg, packages, packaging_type,
                          batch_numbers, quality_grade, moisture_percent, container_number
                        FROM shipment_product_line WHERE shipment_id = :id ORDER BY position""")
                .param("id", id)
                .query((rs, n) -> new ProductLine(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        (Integer) rs.getObject(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBigDecimal(9),
                        trim(rs.getString(10))))
                .list();
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null ? null : s.trim();
    }

    static @Nullable OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }

    static List<String> textArray(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private record Row(
            UUID id,
            UUID organizationId,
            ShipmentFields partial,
            ShipmentStatus status,
            List<String> attention,
            @Nullable OffsetDateTime etaOriginal,
            int version) {

        Shipment toShipment(
                List<UUID> suppliers, List<UUID> logistics, List<ContainerLine> containers, List<ProductLine> lines) {
            ShipmentFields p = partial;
            ShipmentFields full = new ShipmentFields(
                    p.reference(),
                    p.productType(),
                    p.buyerOrganizationId(),
                    suppliers,
                    logistics,
                    p.exporterName(),
                    p.exporterAddress(),
                    p.importerName(),
                    p.importerAddress(),
                    p.billOfLading(),
                    p.bookingReference(),
                    p.carrierScac(),
                    p.carrierName(),
                    p.vesselName(),
                    p.voyage(),
                    p.portOfLoading(),
                    p.portOfDischarge(),
                    p.finalDestination(),
                    p.incoterms(),
                    p.etd(),
                    p.eta(),
                    p.atd(),
                    p.ata(),
                    p.notes(),
                    containers,
                    lines);
            return new Shipment(id, organizationId, full, status, attention, etaOriginal, version);
        }
    }

    private static Row readRow(ResultSet rs) throws SQLException {
        ShipmentFields partial = new ShipmentFields(
                rs.getString("reference"),
                rs.getString("product_type"),
                rs.getObject("buyer_organization_id", UUID.class),
                List.of(),
                List.of(),
                rs.getString("exporter_name"),
                rs.getString("exporter_address"),
                rs.getString("importer_name"),
                rs.getString("importer_address"),
                rs.getString("bill_of_lading"),
                rs.getString("booking_reference"),
                trim(rs.getString("carrier_scac")),
                rs.getString("carrier_name"),
                rs.getString("vessel_name"),
                rs.getString("voyage"),
                trim(rs.getString("port_of_loading")),
                trim(rs.getString("port_of_discharge")),
                rs.getString("final_destination"),
                rs.getString("incoterms"),
                time(rs, "etd"),
                time(rs, "eta"),
                time(rs, "atd"),
                time(rs, "ata"),
                rs.getString("notes"),
                List.of(),
                List.of());
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                partial,
                ShipmentStatus.of(rs.getString("status")),
                textArray(rs, "attention"),
                time(rs, "eta_original"),
                rs.getInt("version"));
    }
}
