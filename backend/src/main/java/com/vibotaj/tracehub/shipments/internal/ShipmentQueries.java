package com.vibotaj.tracehub.shipments.internal;

import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Partners;
import com.vibotaj.tracehub.identity.Permission;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.internal.ShipmentViews.Container;
import com.vibotaj.tracehub.shipments.internal.ShipmentViews.Detail;
import com.vibotaj.tracehub.shipments.internal.ShipmentViews.Page;
import com.vibotaj.tracehub.shipments.internal.ShipmentViews.Party;
import com.vibotaj.tracehub.shipments.internal.ShipmentViews.StatusChangeView;
import com.vibotaj.tracehub.shipments.internal.ShipmentViews.Summary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads shipments for the API. Each query names the caller's relation to the shipments it wants
 * (owner, buyer or party) so PostgreSQL can use the matching index; row-level security applies on top
 * and would hide anything a wrong predicate let through.
 */
@Service
public class ShipmentQueries {

    private final JdbcClient jdbc;
    private final ShipmentRepository repository;
    private final Partners partners;

    ShipmentQueries(JdbcClient jdbc, ShipmentRepository repository, Partners partners) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.partners = partners;
    }

    @Transactional(readOnly = true)
    public Page list(CurrentActor actor, ShipmentFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(actor, filter, params);
        long total = jdbc.sql("SELECT count(*) FROM shipment s WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Summary> items = jdbc.sql(
                        """
                        SELECT s.id, s.reference, s.status, s.product_type, s.buyer_organization_id, b.name AS buyer_name,
                          ARRAY(SELECT c.container_number::text FROM shipment_container c
                                WHERE c.shipment_id = s.id ORDER BY c.position) AS containers,
                          s.bill_of_lading, s.carrier_scac, s.vessel_name, s.voyage, s.port_of_loading, s.port_of_discharge,
                          s.etd, s.eta, s.atd, s.ata, s.attention, s.updated_at
                        FROM shipment s LEFT JOIN organization b ON b.id = s.buyer_organization_id
                        WHERE """ + " " + where + " ORDER BY " + filter.sort().sql + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> summary(rs))
                .list();
        return new Page(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** The SQL condition for the filter; values only ever travel as bind parameters. */
    String where(CurrentActor actor, ShipmentFilter f, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        params.put("org", actor.organizationId());
        clauses.add(
                switch (partners.typeOf(actor.organizationId()).orElse(OrganizationType.EXPORTER)) {
                    case EXPORTER -> "s.organization_id = :org";
                    case BUYER -> "s.buyer_organization_id = :org";
                    case SUPPLIER, LOGISTICS ->
                        "s.id IN (SELECT p.shipment_id FROM shipment_party p WHERE p.party_organization_id = :org)";
                });
        if (f.text() != null && !f.text().isBlank()) {
            params.put("text", "%" + escapeLike(f.text().strip().toLowerCase(Locale.ROOT)) + "%");
            // Through the search function: under RLS a plain LIKE cannot use the trigram index (see the
            // shipments-005 migration); RLS still applies to the rows it names. As an array (computed once)
            // the matches are fetched by primary key: as "IN (SELECT …)" the planner chose a hash join over
            // the tenant's whole list at 100,000 shipments (0.3 s instead of 3 ms).
            clauses.add("s.id = ANY (ARRAY(SELECT shipment_text_search(:text)))");
        }
        if (!f.statuses().isEmpty()) {
            params.put(
                    "statuses", f.statuses().stream().map(ShipmentStatus::value).toList());
            clauses.add("s.status IN (:statuses)");
        } else {
            // Archived shipments leave the working list unless asked for explicitly.
            clauses.add("s.status <> 'archived'");
        }
        if (f.buyerOrganizationId() != null) {
            params.put("buyer", f.buyerOrganizationId());
            clauses.add("s.buyer_organization_id = :buyer");
        }
        if (f.productType() != null) {
            params.put("productType", f.productType());
            clauses.add("s.product_type = :productType");
        }
        if (f.portOfLoading() != null) {
            params.put("pol", f.portOfLoading().toUpperCase(Locale.ROOT));
            clauses.add("s.port_of_loading = :pol");
        }
        if (f.portOfDischarge() != null) {
            params.put("pod", f.portOfDischarge().toUpperCase(Locale.ROOT));
            clauses.add("s.port_of_discharge = :pod");
        }
        if (f.etaFrom() != null) {
            params.put("etaFrom", f.etaFrom());
            clauses.add("s.eta >= :etaFrom");
        }
        if (f.etaTo() != null) {
            params.put("etaTo", f.etaTo());
            clauses.add("s.eta < :etaTo");
        }
        if (f.needsAttention() != null) {
            clauses.add(f.needsAttention() ? "s.needs_attention" : "NOT s.needs_attention");
        }
        facts(f.facts(), clauses, params);
        return String.join(" AND ", clauses);
    }

    /**
     * The analytics criteria. Compliance and documents are other modules' tables, read here by SQL only
     * (shipments does not depend on those modules in code): the analytics figures link to this list, and
     * the analytics consistency test checks that both count the same rows. Row-level security applies to
     * the sub-selects as well.
     */
    private static void facts(ShipmentFilter.Facts x, List<String> clauses, Map<String, Object> params) {
        range(clauses, params, "s.created_at", "createdFrom", x.createdFrom(), "createdTo", x.createdTo());
        range(clauses, params, "s.atd", "atdFrom", x.atdFrom(), "atdTo", x.atdTo());
        range(clauses, params, "s.ata", "ataFrom", x.ataFrom(), "ataTo", x.ataTo());
        if (x.attention() != null) {
            params.put("attention", x.attention());
            clauses.add("CAST(:attention AS text) = ANY (s.attention)");
        }
        if (x.onTime() != null) {
            // One day of grace, the same threshold as an ETA slip.
            clauses.add("s.ata IS NOT NULL AND s.eta_original IS NOT NULL AND s.ata "
                    + (x.onTime() ? "<=" : ">")
                    + " s.eta_original + interval '1 day'");
        }
        if (x.compliance() != null) {
            if (x.compliance().equals("not_evaluated")) {
                clauses.add("NOT EXISTS (SELECT 1 FROM compliance_evaluation ce WHERE ce.shipment_id = s.id)");
            } else {
                params.put("compliance", x.compliance());
                clauses.add("EXISTS (SELECT 1 FROM compliance_evaluation ce"
                        + " WHERE ce.shipment_id = s.id AND ce.overall = :compliance)");
            }
        }
        if (x.documentsAwaitingReview() != null) {
            clauses.add((x.documentsAwaitingReview() ? "" : "NOT ")
                    + "EXISTS (SELECT 1 FROM document d WHERE d.shipment_id = s.id"
                    + " AND d.status IN ('uploaded', 'under_review'))");
        }
        if (x.expiryFrom() != null || x.expiryTo() != null) {
            StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM document d WHERE d.shipment_id = s.id"
                    + " AND d.status IN ('uploaded', 'under_review', 'approved') AND d.expiry_date IS NOT NULL");
            if (x.expiryFrom() != null) {
                params.put("expiryFrom", x.expiryFrom());
                sql.append(" AND d.expiry_date >= :expiryFrom");
            }
            if (x.expiryTo() != null) {
                params.put("expiryTo", x.expiryTo());
                sql.append(" AND d.expiry_date < :expiryTo");
            }
            clauses.add(sql.append(')').toString());
        }
    }

    private static void range(
            List<String> clauses,
            Map<String, Object> params,
            String column,
            String fromName,
            @Nullable OffsetDateTime from,
            String toName,
            @Nullable OffsetDateTime to) {
        if (from != null) {
            params.put(fromName, from);
            clauses.add(column + " >= :" + fromName);
        }
        if (to != null) {
            params.put(toName, to);
            clauses.add(column + " < :" + toName);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Transactional(readOnly = true)
    public Detail detail(CurrentActor actor, UUID id) {
        Shipment s = repository.load(id, false).orElseThrow(() -> NotFoundException.of("Shipment", id));
        ShipmentFields f = s.fields();
        Map<UUID, String> names = organizationNames();
        // Containers' tracking codes and the audit times in one statement.
        Map<String, String> trackingStatus = new HashMap<>();
        OffsetDateTime[] audit = new OffsetDateTime[2];
        jdbc.sql("""
                        SELECT c.container_number, c.tracking_status, s.created_at, s.updated_at
                        FROM shipment s LEFT JOIN shipment_container c ON c.shipment_id = s.id WHERE s.id = :id""").param("id", id).query((ResultSet rs) -> {
            audit[0] = ShipmentRepository.time(rs, "created_at");
            audit[1] = ShipmentRepository.time(rs, "updated_at");
            String number = rs.getString(1);
            if (number != null) {
                trackingStatus.put(number.trim(), rs.getString(2));
            }
        });
        boolean owner = s.organizationId().equals(actor.organizationId());
        boolean canWrite = owner && Role.of(actor.role()).permissions().contains(Permission.SHIPMENTS_WRITE);
        boolean editable = canWrite && s.status() != ShipmentStatus.ARCHIVED;
        List<ShipmentStatus> moves = new ArrayList<>();
        if (editable) {
            Set<ShipmentStatus> allowed = EnumSet.copyOf(
                    s.status().userMoves().isEmpty()
                            ? EnumSet.noneOf(ShipmentStatus.class)
                            : s.status().userMoves());
            allowed.add(ShipmentStatus.ARCHIVED);
            moves.addAll(allowed);
        }
        return new Detail(
                s.id(),
                s.version(),
                f.reference(),
                s.status(),
                f.productType(),
                s.organizationId(),
                f.buyerOrganizationId() == null
                        ? null
                        : new Party(f.buyerOrganizationId(), names.get(f.buyerOrganizationId())),
                f.supplierOrganizationIds().stream()
                        .map(o -> new Party(o, names.get(o)))
                        .toList(),
                f.logisticsOrganizationIds().stream()
                        .map(o -> new Party(o, names.get(o)))
                        .toList(),
                f.exporterName(),
                f.exporterAddress(),
                f.importerName(),
                f.importerAddress(),
                f.billOfLading(),
                f.bookingReference(),
                f.carrierScac(),
                f.carrierName(),
                f.vesselName(),
                f.voyage(),
                f.portOfLoading(),
                f.portOfDischarge(),
                f.finalDestination(),
                f.incoterms(),
                f.etd(),
                f.eta(),
                s.etaOriginal(),
                f.atd(),
                f.ata(),
                f.notes(),
                f.containers().stream()
                        .map(c -> Container.of(c, trackingStatus.get(c.number())))
                        .toList(),
                f.productLines(),
                s.attention(),
                editable,
                moves,
                audit[0],
                audit[1]);
    }

    @Transactional(readOnly = true)
    public List<StatusChangeView> history(UUID id) {
        // Existence under RLS only: loading the whole aggregate here cost five queries.
        if (jdbc.sql("SELECT count(*) FROM shipment WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                == 0) {
            throw NotFoundException.of("Shipment", id);
        }
        return jdbc.sql("""
                        SELECT h.from_status, h.to_status, h.reason, h.source, u.full_name, h.occurred_at
                        FROM shipment_status_change h LEFT JOIN app_user u ON u.id = h.actor_user_id
                        WHERE h.shipment_id = :id ORDER BY h.id""")
                .param("id", id)
                .query((rs, n) -> new StatusChangeView(
                        rs.getString(1) == null ? null : ShipmentStatus.of(rs.getString(1)),
                        ShipmentStatus.of(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        ShipmentRepository.time(rs, "occurred_at")))
                .list();
    }

    /** Names of every organisation the caller may see (its own, its partners'): a handful of rows. */
    private Map<UUID, String> organizationNames() {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM organization").query((ResultSet rs) -> {
            names.put(rs.getObject(1, UUID.class), rs.getString(2));
        });
        return names;
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        UUID buyer = rs.getObject("buyer_organization_id", UUID.class);
        return new Summary(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                ShipmentStatus.of(rs.getString("status")),
                rs.getString("product_type"),
                buyer == null ? null : new Party(buyer, rs.getString("buyer_name")),
                ShipmentRepository.textArray(rs, "containers"),
                rs.getString("bill_of_lading"),
                trim(rs.getString("carrier_scac")),
                rs.getString("vessel_name"),
                rs.getString("voyage"),
                trim(rs.getString("port_of_loading")),
                trim(rs.getString("port_of_discharge")),
                ShipmentRepository.time(rs, "etd"),
                ShipmentRepository.time(rs, "eta"),
                ShipmentRepository.time(rs, "atd"),
                ShipmentRepository.time(rs, "ata"),
                ShipmentRepository.textArray(rs, "attention"),
                ShipmentRepository.time(rs, "updated_at"));
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null ? null : s.trim();
    }
}
