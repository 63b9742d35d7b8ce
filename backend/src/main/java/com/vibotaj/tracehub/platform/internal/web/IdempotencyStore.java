package com.vibotaj.tracehub.platform.internal.web;

import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code idempotency_record} table. Every call is its own short transaction in the caller's scope,
 * so row-level security shows a user only their own keys; nothing here joins the request's business
 * transaction.
 */
@Component
class IdempotencyStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    /** How long an unfinished claim holds its key (PostgreSQL interval). */
    static final String IN_PROGRESS_LEASE = "15 minutes";

    /** How long a finished request's answer is replayed (PostgreSQL interval; docs/api/idempotency.md). */
    static final String REPLAY_LIFETIME = "24 hours";

    private final JdbcClient jdbc;
    private final ScopedTransactions transactions;
    private final JsonMapper json;

    IdempotencyStore(JdbcClient jdbc, ScopedTransactions transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /** Who sent the key: records belong to the user, the organisation is kept for support. */
    record Owner(UUID userId, UUID organizationId) {
        TenantScope scope() {
            return TenantScope.of(organizationId, userId);
        }
    }

    /** A stored response. {@code body} is null when it was too large to keep. */
    record StoredResponse(
            int status, @Nullable String contentType, Map<String, String> headers, byte @Nullable [] body) {}

    /** What a key already holds when it could not be claimed. */
    sealed interface Existing {
        record Mismatch() implements Existing {}

        record InProgress() implements Existing {}

        record Completed(StoredResponse response) implements Existing {}
    }

    /**
     * Claims the key for a new request: inserts an in-progress record, or takes over an expired one.
     *
     * <p>An in-progress claim expires after {@link #IN_PROGRESS_LEASE}, not after a day: if the instance
     * serving the request dies (found by the scale-out test), nothing would ever complete or release the
     * claim, and every retry with that key would get 409 for 24 hours. The lease is far longer than any
     * request is allowed to run (nginx gives up after 120 s, uploads are buffered by nginx before they reach
     * the app), so a request that is still running is never taken over.
     *
     * @return true when this request owns the key now
     */
    boolean claim(Owner owner, String key, String fingerprint) {
        int claimed = transactions.write(
                owner.scope(),
                () -> jdbc.sql("""
                        INSERT INTO idempotency_record
                          (user_id, idempotency_key, organization_id, request_fingerprint, state, created_at, expires_at)
                        VALUES (:user, :key, :org, :fingerprint, 'in_progress', now(), now() + CAST(:lease AS interval))
                        ON CONFLICT (user_id, idempotency_key) DO UPDATE
                          SET organization_id = EXCLUDED.organization_id,
                              request_fingerprint = EXCLUDED.request_fingerprint,
                              state = 'in_progress',
                              response_status = NULL,
                              response_content_type = NULL,
                              response_headers = NULL,
                              response_body = NULL,
                              created_at = EXCLUDED.created_at,
                              expires_at = EXCLUDED.expires_at
                          WHERE idempotency_record.expires_at <= now()
                        """)
                        .param("user", owner.userId())
                        .param("key", key)
                        .param("org", owner.organizationId())
                        .param("fingerprint", fingerprint)
                        .param("lease", IN_PROGRESS_LEASE)
                        .update());
        return claimed == 1;
    }

    /** The live (unexpired) record of a key, judged against this request's fingerprint. */
    Optional<Existing> find(Owner owner, String key, String fingerprint) {
        return transactions.read(
                owner.scope(),
                () -> jdbc.sql("""
                        SELECT request_fingerprint, state, response_status, response_content_type,
                               response_headers::text AS response_headers, response_body
                        FROM idempotency_record
                        WHERE user_id = :user AND idempotency_key = :key AND expires_at > now()
                        """)
                        .param("user", owner.userId())
                        .param("key", key)
                        .query((rs, row) -> {
                            if (!fingerprint.equals(rs.getString("request_fingerprint"))) {
                                return (Existing) new Existing.Mismatch();
                            }
                            if (!"completed".equals(rs.getString("state"))) {
                                return new Existing.InProgress();
                            }
                            String headers = rs.getString("response_headers");
                            return new Existing.Completed(new StoredResponse(
                                    rs.getInt("response_status"),
                                    rs.getString("response_content_type"),
                                    headers == null ? Map.of() : json.readValue(headers, HEADERS),
                                    rs.getBytes("response_body")));
                        })
                        .optional());
    }

    /** Keeps the response of a finished request for replay. */
    void complete(Owner owner, String key, StoredResponse response) {
        transactions.write(
                owner.scope(),
                () -> jdbc.sql("""
                        UPDATE idempotency_record
                        SET state = 'completed', response_status = :status, response_content_type = :contentType,
                            response_headers = CAST(:headers AS jsonb), response_body = CAST(:body AS bytea),
                            expires_at = created_at + CAST(:lifetime AS interval)
                        WHERE user_id = :user AND idempotency_key = :key AND state = 'in_progress'
                        """)
                        .param("status", response.status())
                        .param("contentType", response.contentType())
                        .param("headers", json.writeValueAsString(response.headers()))
                        .param("body", response.body())
                        .param("lifetime", REPLAY_LIFETIME)
                        .param("user", owner.userId())
                        .param("key", key)
                        .update());
    }

    /** Forgets an in-progress claim, so the client may retry the request. */
    void release(Owner owner, String key) {
        transactions.write(
                owner.scope(),
                () -> jdbc.sql("DELETE FROM idempotency_record WHERE user_id = :user AND idempotency_key = :key"
                                + " AND state = 'in_progress'")
                        .param("user", owner.userId())
                        .param("key", key)
                        .update());
    }

    /**
     * Deletes the expired records of every user. Row-level security shows the app role only the acting
     * user's rows, so this goes through a SECURITY DEFINER function (platform changelog).
     *
     * @return how many records were deleted
     */
    int purgeExpired() {
        Integer removed = transactions.write(
                TenantScope.NONE,
                () -> jdbc.sql("SELECT purge_expired_idempotency_records()")
                        .query(Integer.class)
                        .single());
        return removed == null ? 0 : removed;
    }
}
