package com.vibotaj.tracehub.audit.internal;

import com.vibotaj.tracehub.platform.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the caller's organisation's entries; row-level security limits every query to them, so no
 * query here names the organisation.
 *
 * <p>Built for millions of rows: results are ordered newest first by {@code (occurred_at, id)}, which
 * ends every index of the table, so a page is an index range scan. Offset paging is allowed only within
 * the newest {@value #MAX_WINDOW} matches and the total is counted only up to that bound; deeper history
 * is reached by narrowing {@code from}/{@code to} (or exported), so no request ever counts or skips
 * millions of rows.
 */
@Service
public class AuditSearch {

    /** Rows a page may reach into, and the bound of the count. */
    static final int MAX_WINDOW = 10_000;
    /** Rows one CSV export may contain. */
    static final int MAX_EXPORT = 200_000;

    private static final String COLUMNS = "id, occurred_at, actor_user_id, actor_email, actor_kind, action,"
            + " object_type, object_id, result, detail, ip, user_agent, request_id";

    private final NamedParameterJdbcTemplate jdbc;

    AuditSearch(JdbcTemplate jdbc) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        // Within a transaction PostgreSQL then streams the export through a cursor, 500 rows at a time.
        streaming.setFetchSize(500);
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
    }

    /** One entry as the API shows it. */
    public record AuditLogEntry(
            UUID id,
            OffsetDateTime occurredAt,
            @Nullable UUID actorUserId,
            @Nullable String actorEmail,
            String actorKind,
            String action,
            @Nullable String objectType,
            @Nullable String objectId,
            int result,
            @Nullable String detail,
            @Nullable String ip,
            @Nullable String userAgent,
            @Nullable String requestId) {}

    /**
     * A page of entries, newest first.
     *
     * @param totalItems matches, counted up to {@code MAX_WINDOW}
     * @param totalCapped true when there are at least that many (narrow the search to see further)
     */
    public record AuditLogPage(
            List<AuditLogEntry> items, int page, int size, long totalItems, boolean totalCapped, int totalPages) {}

    @Transactional(readOnly = true)
    public AuditLogPage search(AuditFilter filter, int page, int size) {
        long offset = (long) page * size;
        if (offset + size > MAX_WINDOW) {
            throw ValidationException.of(
                    "page",
                    "pages reach only the newest " + MAX_WINDOW
                            + " matching entries; narrow the search with from/to to see older ones");
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        params.addValue("window", MAX_WINDOW + 1);
        long total = jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT 1 FROM audit_log WHERE " + where + " LIMIT :window) w",
                params,
                Long.class);
        params.addValue("limit", size).addValue("offset", offset);
        List<AuditLogEntry> items = jdbc.query(
                "SELECT " + COLUMNS + " FROM audit_log WHERE " + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset",
                params,
                (rs, n) -> entry(rs));
        boolean capped = total > MAX_WINDOW;
        long shown = Math.min(total, MAX_WINDOW);
        return new AuditLogPage(items, page, size, shown, capped, (int) ((shown + size - 1) / size));
    }

    /** Refuses an export of more than {@value #MAX_EXPORT} entries, before anything is sent. */
    @Transactional(readOnly = true)
    public void checkExportable(AuditFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        params.addValue("cap", MAX_EXPORT + 1);
        long total = jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT 1 FROM audit_log WHERE " + where + " LIMIT :cap) w", params, Long.class);
        if (total > MAX_EXPORT) {
            throw ValidationException.of(
                    "from",
                    "an export holds at most " + MAX_EXPORT + " entries; narrow the search with from/to and export"
                            + " in parts");
        }
    }

    /** Streams every match, newest first, to {@code sink} (call {@link #checkExportable} first). */
    @Transactional(readOnly = true)
    public void export(AuditFilter filter, Consumer<AuditLogEntry> sink) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        params.addValue("cap", MAX_EXPORT);
        jdbc.query(
                "SELECT " + COLUMNS + " FROM audit_log WHERE " + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :cap",
                params,
                rs -> {
                    sink.accept(entry(rs));
                });
    }

    /** The SQL condition; values travel only as bind parameters. Every clause is an index-friendly equality or range. */
    static String where(AuditFilter f, MapSqlParameterSource params) {
        List<String> clauses = new ArrayList<>();
        // RLS already limits to the caller's organisation; naming it lets the planner pick the
        // (organization_id, …) indexes, and it fails closed when there is no organisation.
        clauses.add("organization_id = app_org_id()");
        if (f.actorUserId() != null) {
            params.addValue("actor", f.actorUserId());
            clauses.add("actor_user_id = :actor");
        }
        if (f.actorEmail() != null) {
            params.addValue("email", f.actorEmail());
            clauses.add("actor_email = :email");
        }
        if (f.action() != null) {
            params.addValue("action", f.action());
            clauses.add("action = :action");
        }
        if (f.objectType() != null) {
            params.addValue("objectType", f.objectType());
            clauses.add("object_type = :objectType");
        }
        if (f.objectId() != null) {
            params.addValue("objectId", f.objectId());
            clauses.add("object_id = :objectId");
        }
        if (f.result() != null) {
            AuditFilter.Result r = f.result();
            if (r.status() != null) {
                params.addValue("result", r.status());
                clauses.add("result = :result");
            } else if (r.resultClass() != null) {
                clauses.add(
                        switch (r.resultClass()) {
                            case SUCCESS -> "result < 400";
                            case FAILURE -> "result >= 400";
                            case DENIED -> "result >= 400 AND result IN (401, 403)";
                        });
            }
        }
        if (f.from() != null) {
            params.addValue("from", f.from());
            clauses.add("occurred_at >= :from");
        }
        if (f.to() != null) {
            params.addValue("to", f.to());
            clauses.add("occurred_at < :to");
        }
        return String.join(" AND ", clauses);
    }

    private static AuditLogEntry entry(ResultSet rs) throws SQLException {
        return new AuditLogEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getObject("actor_user_id", UUID.class),
                rs.getString("actor_email"),
                rs.getString("actor_kind"),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                rs.getInt("result"),
                rs.getString("detail"),
                rs.getString("ip"),
                rs.getString("user_agent"),
                rs.getString("request_id"));
    }
}
