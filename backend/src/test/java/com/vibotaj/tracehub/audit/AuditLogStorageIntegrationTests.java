package com.vibotaj.tracehub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vibotaj.tracehub.audit.internal.AuditEntry;
import com.vibotaj.tracehub.audit.internal.AuditEntry.ActorKind;
import com.vibotaj.tracehub.audit.internal.AuditWriter;
import com.vibotaj.tracehub.compliance.DocumentExpiring;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.ShipmentStatusChanged;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table itself keeps the log honest: the application's own role (the one the running app connects
 * as) can append and read, never change or remove; each organisation reads only its entries; system
 * actions arrive from domain events.
 */
@IntegrationTest
class AuditLogStorageIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    AuditWriter writer;

    @Autowired
    TestData data;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    TestData.Org a;
    TestData.Org b;
    UUID entryOfA;

    @BeforeEach
    void setUp() {
        a = data.organization("exporter");
        b = data.organization("exporter");
        entryOfA = insertAsOwner(a.id(), Instant.now());
        insertAsOwner(b.id(), Instant.now());
    }

    UUID insertAsOwner(UUID org, Instant at) {
        UUID id = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO audit_log (id, occurred_at, organization_id, actor_kind, action, result)"
                                + " VALUES (?, ?, ?, 'system', 'SYSTEM test', 0)",
                        id,
                        Timestamp.from(at),
                        org);
        return id;
    }

    /** Runs SQL as the application role in org A's scope and answers the database's refusal. */
    String refusalOf(String sql) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> transactions.write(
                TenantScope.organization(a.id()),
                () -> jdbc.sql(sql).param("id", entryOfA).update()));
        assertThat(thrown).as(sql).isInstanceOf(DataAccessException.class);
        return NestedExceptionUtils.getMostSpecificCause(thrown).getMessage();
    }

    @Test
    void theApplicationRoleCanNeitherUpdateNorDeleteNorTruncate() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("tracehub_app");
        assertThat(refusalOf("UPDATE audit_log SET result = 200 WHERE id = :id"))
                .contains("permission denied");
        assertThat(refusalOf("DELETE FROM audit_log WHERE id = :id")).contains("permission denied");
        assertThat(refusalOf("TRUNCATE audit_log")).contains("permission denied");
        assertThat(refusalOf("SELECT audit_log_purge(now() - interval '10 years') WHERE :id IS NOT NULL"))
                .contains("permission denied");
        assertThat(data.owner().queryForObject("SELECT result FROM audit_log WHERE id = ?", Integer.class, entryOfA))
                .isZero();
    }

    @Test
    void evenTheOwnerCannotChangeEntriesOrRemoveRecentOnes() {
        assertThat(ownerRefusal(() -> data.owner().update("UPDATE audit_log SET result = 200 WHERE id = ?", entryOfA)))
                .contains("append-only: UPDATE refused");
        assertThat(ownerRefusal(() -> data.owner().update("DELETE FROM audit_log WHERE id = ?", entryOfA)))
                .contains("append-only: DELETE refused");
        assertThat(ownerRefusal(() -> data.owner().execute("TRUNCATE audit_log")))
                .contains("append-only: TRUNCATE refused");
        assertThat(ownerRefusal(() -> data.owner().queryForObject("SELECT audit_log_purge(now())", Integer.class)))
                .contains("at least five years");
        assertThat(data.owner().queryForObject("SELECT count(*) FROM audit_log WHERE id = ?", Long.class, entryOfA))
                .isOne();
    }

    private static String ownerRefusal(Runnable statement) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(statement::run);
        assertThat(thrown).isInstanceOf(DataAccessException.class);
        return NestedExceptionUtils.getMostSpecificCause(thrown).getMessage();
    }

    @Test
    void theRetentionPurgeRemovesOnlyEntriesOlderThanTheCutoffOfAtLeastFiveYears() {
        UUID ancient = insertAsOwner(a.id(), Instant.now().minus(2300, ChronoUnit.DAYS));
        UUID fiveYearsMinusADay = insertAsOwner(a.id(), Instant.now().minus(5 * 365, ChronoUnit.DAYS));
        Integer removed =
                data.owner().queryForObject("SELECT audit_log_purge(now() - interval '6 years')", Integer.class);
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM audit_log WHERE id IN (?, ?, ?)",
                                Long.class,
                                ancient,
                                fiveYearsMinusADay,
                                entryOfA))
                .isEqualTo(2);
    }

    @Test
    void anOrganisationSeesOnlyItsOwnEntriesAndCannotFileOneForAnother() {
        long visible = transactions.read(
                TenantScope.organization(a.id()),
                () -> jdbc.sql("SELECT count(*) FROM audit_log WHERE organization_id IN (:a, :b)")
                        .param("a", a.id())
                        .param("b", b.id())
                        .query(Long.class)
                        .single());
        assertThat(visible).isEqualTo(1);
        long ofB = transactions.read(
                TenantScope.organization(a.id()),
                () -> jdbc.sql("SELECT count(*) FROM audit_log WHERE organization_id = :b")
                        .param("b", b.id())
                        .query(Long.class)
                        .single());
        assertThat(ofB).isZero();
        // Entries of anonymous requests belong to nobody and are visible to no tenant.
        long anonymous = transactions.read(
                TenantScope.organization(a.id()),
                () -> jdbc.sql("SELECT count(*) FROM audit_log WHERE organization_id IS NULL")
                        .query(Long.class)
                        .single());
        assertThat(anonymous).isZero();

        Throwable forged = org.assertj.core.api.Assertions.catchThrowable(() -> transactions.write(
                TenantScope.organization(a.id()),
                () -> jdbc.sql("INSERT INTO audit_log (id, occurred_at, organization_id, actor_kind, action, result)"
                                + " VALUES (:id, now(), :b, 'system', 'SYSTEM forged', 0)")
                        .param("id", UUID.randomUUID())
                        .param("b", b.id())
                        .update()));
        assertThat(NestedExceptionUtils.getMostSpecificCause(forged).getMessage())
                .contains("row-level security");
    }

    @Test
    void aWriteThatFailsIsReportedNotThrown() {
        // The table refuses this entry (a result outside 0–999); the writer logs and counts the failure
        // and answers false instead of failing the caller's request.
        double before = meters.counter("tracehub.audit.write.failures").count();
        boolean stored = writer.write(new AuditEntry(
                Instant.now(),
                a.id(),
                null,
                null,
                ActorKind.SYSTEM,
                "SYSTEM test",
                null,
                null,
                1000,
                null,
                null,
                null,
                null));
        assertThat(stored).isFalse();
        assertThat(meters.counter("tracehub.audit.write.failures").count()).isEqualTo(before + 1);
    }

    @Test
    void systemStatusMovesAndExpiryWarningsAreRecordedFromEventsButUserMovesAreNotRecordedTwice() {
        UUID shipment = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(s -> {
            events.publishEvent(new ShipmentStatusChanged(
                    shipment,
                    a.id(),
                    "REF-1",
                    ShipmentStatus.DOCS_PENDING,
                    ShipmentStatus.IN_TRANSIT,
                    "user",
                    null,
                    Instant.now()));
            events.publishEvent(new ShipmentStatusChanged(
                    shipment,
                    a.id(),
                    "REF-1",
                    ShipmentStatus.IN_TRANSIT,
                    ShipmentStatus.ARRIVED,
                    "tracking",
                    null,
                    Instant.now()));
            events.publishEvent(new DocumentExpiring(
                    document,
                    shipment,
                    a.id(),
                    "phytosanitary_certificate",
                    LocalDate.now().plusDays(7),
                    7));
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(data.owner()
                            .queryForList(
                                    "SELECT action FROM audit_log WHERE organization_id = ? AND object_id IN (?, ?)"
                                            + " ORDER BY action",
                                    String.class,
                                    a.id(),
                                    shipment.toString(),
                                    document.toString()))
                    .containsExactly("SYSTEM document.expiring", "SYSTEM shipment.status-changed");
        });
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT detail FROM audit_log WHERE object_id = ? AND action = 'SYSTEM shipment.status-changed'",
                                String.class,
                                shipment.toString()))
                .isEqualTo("REF-1: in_transit → arrived (tracking)");
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT actor_kind FROM audit_log WHERE object_id = ?",
                                String.class,
                                document.toString()))
                .isEqualTo("system");
    }
}
