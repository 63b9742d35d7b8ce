package com.vibotaj.tracehub.documents.internal;

import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.DocumentStatus;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.documents.internal.text.Suggestions;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the document tables. Every method runs in the caller's transaction and tenant scope (RLS). */
@Repository
public class DocumentRepository {

    private static final String COLUMNS = "id, shipment_id, organization_id, type, version, status, reference_number,"
            + " issue_date, expiry_date, issuer, fields::text AS fields, storage_key, sha256, size_bytes, content_type,"
            + " original_name, suggestions::text AS suggestions, uploaded_by, uploaded_by_organization_id,"
            + " uploaded_at, status_changed_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DocumentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A document type with its type-specific fields. */
    public record DocumentType(
            String code, String name, @Nullable String typicalIssuer, boolean hasExpiry, List<Field> fields) {}

    /** One type-specific metadata field: its key (a {@link DocumentMetadata} constant), label and kind. */
    public record Field(String key, String label, String kind) {}

    public List<DocumentType> types() {
        return jdbc.sql(
                        "SELECT code, name, typical_issuer, has_expiry, fields::text FROM document_type ORDER BY position")
                .query((rs, n) -> new DocumentType(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        json.readValue(rs.getString(5), new TypeReference<List<Field>>() {})))
                .list();
    }

    /** Serialises the caller's concurrent uploads of one type so that versions stay gap-free and unique. */
    public int nextVersion(UUID shipmentId, String type) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "document:" + shipmentId + ":" + type)
                .query((rs, n) -> 1)
                .list();
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM document WHERE shipment_id = :s AND type = :t")
                .param("s", shipmentId)
                .param("t", type)
                .query(Integer.class)
                .single();
    }

    public void insert(ShipmentDocument d, String storageKey, Suggestions suggestions) {
        jdbc.sql("INSERT INTO document (id, shipment_id, organization_id, type, version, status, reference_number,"
                        + " issue_date, expiry_date, issuer, fields, storage_key, sha256, size_bytes, content_type,"
                        + " original_name, suggestions, uploaded_by, uploaded_by_organization_id, uploaded_at,"
                        + " status_changed_at, updated_at) VALUES (:id, :shipment, :org, :type, :version, :status, :ref,"
                        + " :issue, :expiry, :issuer, CAST(:fields AS jsonb), :key, :sha, :size, :ct, :name,"
                        + " CAST(:suggestions AS jsonb), :by, :byOrg, :at, :at, :at)")
                .param("id", d.id())
                .param("shipment", d.shipmentId())
                .param("org", d.organizationId())
                .param("type", d.type())
                .param("version", d.version())
                .param("status", d.status().value())
                .param("ref", d.metadata().referenceNumber())
                .param("issue", date(d.metadata().issueDate()))
                .param("expiry", date(d.metadata().expiryDate()))
                .param("issuer", d.metadata().issuer())
                .param("fields", json.writeValueAsString(d.metadata().fields()))
                .param("key", storageKey)
                .param("sha", d.sha256())
                .param("size", d.sizeBytes())
                .param("ct", d.contentType())
                .param("name", d.originalName())
                .param("suggestions", json.writeValueAsString(suggestions))
                .param("by", d.uploadedBy())
                .param("byOrg", d.uploadedByOrganizationId())
                .param("at", Timestamp.from(d.uploadedAt()))
                .update();
    }

    public Optional<StoredDocument> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Locks the row for a state change (the caller's transaction holds it until commit). */
    public Optional<StoredDocument> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public List<StoredDocument> forShipment(UUID shipmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE shipment_id = :s ORDER BY type, version")
                .param("s", shipmentId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Other approved versions of the type (the ones a new approval supersedes). */
    public List<UUID> approvedOthers(UUID shipmentId, String type, UUID except) {
        return jdbc.sql("SELECT id FROM document WHERE shipment_id = :s AND type = :t AND status = 'approved'"
                        + " AND id <> :id ORDER BY version FOR UPDATE")
                .param("s", shipmentId)
                .param("t", type)
                .param("id", except)
                .query(UUID.class)
                .list();
    }

    public void updateStatus(UUID id, DocumentStatus to, Instant at) {
        jdbc.sql("UPDATE document SET status = :to, status_changed_at = :at, updated_at = :at WHERE id = :id")
                .param("to", to.value())
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void updateMetadata(UUID id, DocumentMetadata m, Instant at) {
        jdbc.sql("UPDATE document SET reference_number = :ref, issue_date = :issue, expiry_date = :expiry,"
                        + " issuer = :issuer, fields = CAST(:fields AS jsonb), updated_at = :at WHERE id = :id")
                .param("ref", m.referenceNumber())
                .param("issue", date(m.issueDate()))
                .param("expiry", date(m.expiryDate()))
                .param("issuer", m.issuer())
                .param("fields", json.writeValueAsString(m.fields()))
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void recordTransition(
            ShipmentDocument d,
            @Nullable DocumentStatus from,
            DocumentStatus to,
            UUID actorUserId,
            UUID actorOrganizationId,
            @Nullable String reason,
            Instant at) {
        jdbc.sql("INSERT INTO document_transition (document_id, shipment_id, organization_id, from_status, to_status,"
                        + " actor_user_id, actor_organization_id, reason, occurred_at)"
                        + " VALUES (:doc, :shipment, :org, :from, :to, :actor, :actorOrg, :reason, :at)")
                .param("doc", d.id())
                .param("shipment", d.shipmentId())
                .param("org", d.organizationId())
                .param("from", from == null ? null : from.value())
                .param("to", to.value())
                .param("actor", actorUserId)
                .param("actorOrg", actorOrganizationId)
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** A recorded move; the actor's name is shown only where the caller may see that user (own org). */
    public record Transition(
            @Nullable DocumentStatus from,
            DocumentStatus to,
            @Nullable UUID actorUserId,
            @Nullable String actorName,
            @Nullable String reason,
            Instant occurredAt) {}

    public List<Transition> transitions(UUID documentId) {
        return jdbc.sql("SELECT t.from_status, t.to_status, t.actor_user_id, u.full_name, t.reason, t.occurred_at"
                        + " FROM document_transition t LEFT JOIN app_user u ON u.id = t.actor_user_id"
                        + " WHERE t.document_id = :id ORDER BY t.id")
                .param("id", documentId)
                .query((rs, n) -> new Transition(
                        rs.getString(1) == null ? null : DocumentStatus.of(rs.getString(1)),
                        DocumentStatus.of(rs.getString(2)),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Another visible document with the same bytes or the same type and reference number. */
    public record Duplicate(
            String kind,
            UUID documentId,
            UUID shipmentId,
            @Nullable String shipmentReference) {}

    public List<Duplicate> duplicates(
            UUID documentId, UUID shipmentId, String sha256, String type, @Nullable String reference) {
        // Equality on text is leakproof, so both lookups use their index even under RLS.
        return jdbc.sql("SELECT 'same_file' AS kind, d.id, d.shipment_id, s.reference FROM document d"
                        + " LEFT JOIN shipment s ON s.id = d.shipment_id"
                        + " WHERE d.sha256 = :sha AND d.id <> :id AND d.status <> 'archived'"
                        + " UNION ALL"
                        + " SELECT 'same_reference', d.id, d.shipment_id, s.reference FROM document d"
                        + " LEFT JOIN shipment s ON s.id = d.shipment_id"
                        + " WHERE CAST(:ref AS text) IS NOT NULL AND d.type = :type AND d.reference_number = :ref"
                        + " AND d.shipment_id <> :shipment AND d.status <> 'archived'"
                        + " ORDER BY 1, 2 LIMIT 20")
                .param("sha", sha256)
                .param("id", documentId)
                .param("type", type)
                .param("ref", reference)
                .param("shipment", shipmentId)
                .query((rs, n) -> new Duplicate(
                        rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4)))
                .list();
    }

    /**
     * {@link #duplicates} of every document version of a shipment in one statement (the list showed one
     * statement per version before): the same two lookups per version, laterally, with the same limit.
     */
    public Map<UUID, List<Duplicate>> duplicatesOfShipment(UUID shipmentId) {
        Map<UUID, List<Duplicate>> byDocument = new java.util.HashMap<>();
        jdbc.sql(
                        "SELECT x.id AS for_document, y.kind, y.id, y.shipment_id, y.reference FROM document x CROSS JOIN LATERAL ("
                                + " SELECT 'same_file' AS kind, d.id, d.shipment_id, s.reference FROM document d"
                                + " LEFT JOIN shipment s ON s.id = d.shipment_id"
                                + " WHERE d.sha256 = x.sha256 AND d.id <> x.id AND d.status <> 'archived'"
                                + " UNION ALL"
                                + " SELECT 'same_reference', d.id, d.shipment_id, s.reference FROM document d"
                                + " LEFT JOIN shipment s ON s.id = d.shipment_id"
                                + " WHERE x.reference_number IS NOT NULL AND d.type = x.type"
                                + " AND d.reference_number = x.reference_number"
                                + " AND d.shipment_id <> x.shipment_id AND d.status <> 'archived'"
                                + " ORDER BY 1, 2 LIMIT 20) y"
                                + " WHERE x.shipment_id = :s ORDER BY x.id, y.kind, y.id")
                .param("s", shipmentId)
                .query((ResultSet rs) -> {
                    byDocument
                            .computeIfAbsent(rs.getObject("for_document", UUID.class), k -> new ArrayList<>())
                            .add(new Duplicate(
                                    rs.getString("kind"),
                                    rs.getObject("id", UUID.class),
                                    rs.getObject("shipment_id", UUID.class),
                                    rs.getString("reference")));
                });
        return byDocument;
    }

    private StoredDocument map(ResultSet rs) throws SQLException {
        Map<String, String> fields =
                json.readValue(rs.getString("fields"), new TypeReference<Map<String, String>>() {});
        DocumentMetadata metadata = new DocumentMetadata(
                rs.getString("reference_number"),
                localDate(rs.getDate("issue_date")),
                localDate(rs.getDate("expiry_date")),
                rs.getString("issuer"),
                fields);
        ShipmentDocument d = new ShipmentDocument(
                rs.getObject("id", UUID.class),
                rs.getObject("shipment_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("type"),
                rs.getInt("version"),
                DocumentStatus.of(rs.getString("status")),
                metadata,
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getString("content_type"),
                rs.getString("original_name"),
                rs.getObject("uploaded_by", UUID.class),
                rs.getObject("uploaded_by_organization_id", UUID.class),
                rs.getTimestamp("uploaded_at").toInstant(),
                rs.getTimestamp("status_changed_at").toInstant());
        Suggestions suggestions = json.readValue(rs.getString("suggestions"), Suggestions.class);
        return new StoredDocument(d, rs.getString("storage_key"), suggestions);
    }

    private static @Nullable Date date(@Nullable LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static @Nullable LocalDate localDate(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
