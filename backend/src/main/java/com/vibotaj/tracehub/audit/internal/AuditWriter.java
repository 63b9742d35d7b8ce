package com.vibotaj.tracehub.audit.internal;

import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends entries, each in its own short transaction, scoped to the entry's organisation so that row-level
 * security checks it belongs there. A failure to write is logged and counted
 * ({@code tracehub_audit_write_failures_total}) but never reaches the caller: the user's action has
 * already happened and must not be reported as failed because its record could not be kept.
 */
@Component
public class AuditWriter {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

    private static final String INSERT = """
            INSERT INTO audit_log (id, occurred_at, organization_id, actor_user_id, actor_email, actor_kind, action,
                                   object_type, object_id, result, detail, ip, user_agent, request_id)
            VALUES (:id, :occurredAt, :org, :actor,
                    COALESCE(:email, (SELECT u.email FROM app_user u WHERE u.id = :actor)),
                    :kind, :action, :objectType, :objectId, :result, :detail, :ip, :userAgent, :requestId)
            """;

    private final ScopedTransactions transactions;
    private final JdbcClient jdbc;
    private final Counter failures;
    private final Counter written;

    AuditWriter(ScopedTransactions transactions, JdbcClient jdbc, MeterRegistry meters) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.failures = Counter.builder("tracehub.audit.write.failures")
                .description("Audit log entries that could not be written")
                .register(meters);
        this.written = Counter.builder("tracehub.audit.written")
                .description("Audit log entries written")
                .register(meters);
    }

    /** Writes the entry; returns false (after logging and counting) when it could not be stored. */
    public boolean write(AuditEntry entry) {
        try {
            // The scope is the entry's own: RLS refuses an entry for another organisation, and lets the
            // user's own row (for the e-mail) be read.
            TenantScope scope = new TenantScope(entry.organizationId(), entry.actorUserId(), null, null);
            transactions.write(
                    scope,
                    () -> jdbc.sql(INSERT)
                            .param("id", UUID.randomUUID())
                            .param("occurredAt", Timestamp.from(entry.occurredAt()))
                            .param("org", entry.organizationId())
                            .param("actor", entry.actorUserId())
                            .param("email", cut(entry.actorEmail(), 320))
                            .param("kind", entry.actorKind().value())
                            .param("action", cut(entry.action(), 300))
                            .param("objectType", cut(entry.objectType(), 60))
                            .param("objectId", cut(entry.objectId(), 200))
                            .param("result", entry.result())
                            .param("detail", cut(entry.detail(), 500))
                            .param("ip", cut(entry.ip(), 64))
                            .param("userAgent", cut(entry.userAgent(), 300))
                            .param("requestId", cut(entry.requestId(), 128))
                            .update());
            written.increment();
            return true;
        } catch (RuntimeException e) {
            failures.increment();
            log.error(
                    "Audit entry not written: {} {} by {} (result {})",
                    entry.action(),
                    entry.objectId(),
                    entry.actorUserId(),
                    entry.result(),
                    e);
            return false;
        }
    }

    static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
