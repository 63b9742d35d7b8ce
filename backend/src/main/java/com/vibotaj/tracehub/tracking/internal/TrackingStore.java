package com.vibotaj.tracehub.tracking.internal;

import com.vibotaj.tracehub.tracking.internal.provider.ProviderEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the tracking tables. Every method runs in the caller's transaction and tenant scope. */
@Repository
public class TrackingStore {

    private static final String SUBSCRIPTION_COLUMNS =
            "id, organization_id, shipment_id, container_number, provider, provider_reference, state, phase,"
                    + " started_at, next_check_at, last_checked_at, last_success_at, last_error, failure_count";

    private final JdbcClient jdbc;

    TrackingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims due work across organisations (the one cross-tenant door; see the migration). */
    public List<Claim> claimDue(int limit, long leaseSeconds, String instance) {
        return jdbc.sql("SELECT subscription_id, organization_id FROM tracking_claim_due(:limit, :lease, :instance)")
                .param("limit", limit)
                .param("lease", (int) leaseSeconds)
                .param("instance", instance)
                .query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    public record Claim(UUID subscriptionId, UUID organizationId) {}

    public int reconcileStale(long olderThanSeconds) {
        return jdbc.sql("SELECT tracking_reconcile_stale(:seconds)")
                .param("seconds", (int) olderThanSeconds)
                .query(Integer.class)
                .single();
    }

    public Optional<Subscription> subscription(UUID id) {
        return jdbc.sql("SELECT " + SUBSCRIPTION_COLUMNS + " FROM tracking_subscription WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> subscription(rs))
                .optional();
    }

    public List<Subscription> subscriptions(UUID shipmentId) {
        return jdbc.sql("SELECT " + SUBSCRIPTION_COLUMNS
                        + " FROM tracking_subscription WHERE shipment_id = :id ORDER BY container_number")
                .param("id", shipmentId)
                .query((rs, n) -> subscription(rs))
                .list();
    }

    public List<Subscription> subscriptionsByReference(String provider, @Nullable String reference, String container) {
        return jdbc.sql("SELECT " + SUBSCRIPTION_COLUMNS + " FROM tracking_subscription"
                        + " WHERE provider = :provider AND state = 'active'"
                        + " AND (provider_reference = :reference OR container_number = :container)")
                .param("provider", provider)
                .param("reference", reference)
                .param("container", container)
                .query((rs, n) -> subscription(rs))
                .list();
    }

    /** Starts following a container; a container already followed keeps its subscription. */
    public void subscribe(UUID organizationId, UUID shipmentId, String container, String provider, Instant now) {
        jdbc.sql("""
                        INSERT INTO tracking_subscription (id, organization_id, shipment_id, container_number, provider,
                          started_at, next_check_at)
                        VALUES (:id, :org, :shipment, :container, :provider, :now, :now)
                        ON CONFLICT (shipment_id, container_number) DO UPDATE SET state = 'active', next_check_at = :now
                          WHERE tracking_subscription.state = 'stopped'""")
                .param("id", UUID.randomUUID())
                .param("org", organizationId)
                .param("shipment", shipmentId)
                .param("container", container)
                .param("provider", provider)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void stopOthers(UUID shipmentId, List<String> keep) {
        jdbc.sql("UPDATE tracking_subscription SET state = 'stopped' WHERE shipment_id = :id AND state = 'active'"
                        + (keep.isEmpty() ? "" : " AND container_number NOT IN (:keep)"))
                .param("id", shipmentId)
                .param("keep", keep.isEmpty() ? List.of("") : keep)
                .update();
    }

    public void providerReference(UUID subscriptionId, String reference) {
        jdbc.sql("UPDATE tracking_subscription SET provider_reference = :ref WHERE id = :id")
                .param("ref", reference)
                .param("id", subscriptionId)
                .update();
    }

    public void succeeded(UUID id, String phase, @Nullable Instant next, Instant now) {
        jdbc.sql("""
                        UPDATE tracking_subscription SET phase = :phase, last_checked_at = :now, last_success_at = :now,
                          last_error = NULL, failure_count = 0, lease_until = NULL, leased_by = NULL, polls = polls + 1,
                          state = CASE WHEN CAST(:next AS timestamptz) IS NULL THEN 'completed' ELSE state END,
                          next_check_at = coalesce(CAST(:next AS timestamptz), next_check_at)
                        WHERE id = :id""")
                .param("phase", phase)
                .param("now", Timestamp.from(now))
                .param("next", next == null ? null : Timestamp.from(next))
                .param("id", id)
                .update();
    }

    public void failed(UUID id, String error, Instant next, Instant now) {
        jdbc.sql("""
                        UPDATE tracking_subscription SET last_checked_at = :now, last_error = :error,
                          failure_count = failure_count + 1, lease_until = NULL, leased_by = NULL, polls = polls + 1,
                          next_check_at = :next
                        WHERE id = :id""")
                .param("now", Timestamp.from(now))
                .param("error", error)
                .param("next", Timestamp.from(next))
                .param("id", id)
                .update();
    }

    public void complete(UUID id) {
        jdbc.sql("UPDATE tracking_subscription SET state = 'completed', lease_until = NULL WHERE id = :id")
                .param("id", id)
                .update();
    }

    /**
     * Stores events idempotently by provider event id. A provider may later revise an event (an
     * estimate becoming actual, a retraction): the stored row follows it, the id stays.
     *
     * @return how many events were new
     */
    public int record(Subscription s, List<ProviderEvent> events) {
        int added = 0;
        for (ProviderEvent e : events) {
            Boolean inserted = jdbc.sql("""
                            INSERT INTO tracking_event (id, organization_id, shipment_id, container_number, provider,
                              provider_event_id, dcsa_code, provider_code, family, classifier, event_time, unlocode,
                              location_name, facility_type, vessel_name, voyage, empty_indicator, derived, retracted)
                            VALUES (:id, :org, :shipment, :container, :provider, :eventId, :dcsa, :providerCode, :family,
                              :classifier, :time, :unlocode, :location, :facility, :vessel, :voyage, :empty, :derived,
                              :retracted)
                            ON CONFLICT (shipment_id, container_number, provider, provider_event_id) DO UPDATE SET
                              classifier = EXCLUDED.classifier, event_time = EXCLUDED.event_time,
                              retracted = EXCLUDED.retracted, vessel_name = EXCLUDED.vessel_name,
                              voyage = EXCLUDED.voyage
                            RETURNING (xmax = 0)""")
                    .param("id", UUID.randomUUID())
                    .param("org", s.organizationId())
                    .param("shipment", s.shipmentId())
                    .param("container", s.containerNumber())
                    .param("provider", s.provider())
                    .param("eventId", e.providerEventId())
                    .param("dcsa", e.dcsaCode())
                    .param("providerCode", e.providerCode())
                    .param("family", e.family().name().toLowerCase(Locale.ROOT))
                    .param("classifier", e.classifier().name())
                    .param("time", Timestamp.from(e.eventTime()))
                    .param("unlocode", e.unlocode())
                    .param("location", e.locationName())
                    .param("facility", e.facilityType())
                    .param("vessel", e.vesselName())
                    .param("voyage", e.voyage())
                    .param("empty", e.emptyIndicator())
                    .param("derived", e.derived())
                    .param("retracted", e.retracted())
                    .query(Boolean.class)
                    .single();
            if (Boolean.TRUE.equals(inserted)) {
                added++;
            }
        }
        return added;
    }

    public List<StoredEvent> events(UUID shipmentId, @Nullable String container) {
        return jdbc.sql("""
                        SELECT id, container_number, provider, provider_event_id, dcsa_code, provider_code, family,
                          classifier, event_time, unlocode, location_name, vessel_name, voyage, derived, retracted
                        FROM tracking_event WHERE shipment_id = :id
                          AND (CAST(:container AS text) IS NULL OR container_number = :container)
                        ORDER BY event_time, id""")
                .param("id", shipmentId)
                .param("container", container)
                .query((rs, n) -> new StoredEvent(
                        rs.getObject("id", UUID.class),
                        rs.getString("container_number").trim(),
                        rs.getString("provider"),
                        rs.getString("provider_event_id"),
                        rs.getString("dcsa_code"),
                        rs.getString("provider_code"),
                        rs.getString("family"),
                        rs.getString("classifier"),
                        rs.getTimestamp("event_time").toInstant(),
                        rs.getString("unlocode"),
                        rs.getString("location_name"),
                        rs.getString("vessel_name"),
                        rs.getString("voyage"),
                        rs.getBoolean("derived"),
                        rs.getBoolean("retracted")))
                .list();
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("shipment_id", UUID.class),
                rs.getString("container_number").trim(),
                rs.getString("provider"),
                rs.getString("provider_reference"),
                rs.getString("state"),
                rs.getString("phase"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("next_check_at").toInstant(),
                instant(rs, "last_checked_at"),
                instant(rs, "last_success_at"),
                rs.getString("last_error"),
                rs.getInt("failure_count"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
