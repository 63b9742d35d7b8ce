package com.vibotaj.tracehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vibotaj.tracehub.platform.internal.db.EmbeddedPostgresEnvironmentPostProcessor;
import com.vibotaj.tracehub.platform.internal.db.TenantAwareTransactionManager;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database itself keeps organisations apart: every query here has no WHERE clause on the tenant,
 * so only the row-level security policies can hide the other organisation's rows.
 */
@IntegrationTest
class RowLevelSecurityIntegrationTests {

    private static final String APP_ROLE = "tracehub_app";
    private static final String APP_PASSWORD = "test-app-password";
    /** Global, read-only reference tables (and Liquibase's log, read by readiness): no tenant column. */
    private static final Set<String> GLOBAL_READ_ONLY =
            Set.of("country", "location", "carrier", "product_type", "dcsa_event_code", "databasechangelog");

    private static HikariDataSource singleConnectionPool;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    TestData data;

    Tenant a;
    Tenant b;

    /** One organisation with two members, an invitation and a refresh token, arranged as the owner. */
    record Tenant(TestData.Org org, TestData.User user, TestData.User colleague, UUID invitation, UUID refreshToken) {
        TenantScope scope() {
            return TenantScope.of(org.id(), user.id());
        }
    }

    /** A pool of exactly one app-role connection, so consecutive transactions share it; opened once. */
    private static synchronized HikariDataSource singleConnectionPool() {
        if (singleConnectionPool == null) {
            // The embedded server exists only once the Spring context has started, so not in @BeforeAll.
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(
                    EmbeddedPostgresEnvironmentPostProcessor.ephemeralServer().getJdbcUrl(APP_ROLE, "tracehub"));
            pool.setUsername(APP_ROLE);
            pool.setPassword(APP_PASSWORD);
            pool.setMaximumPoolSize(1);
            pool.setMinimumIdle(1);
            singleConnectionPool = pool;
        }
        return singleConnectionPool;
    }

    @AfterAll
    static void closeSingleConnectionPool() {
        if (singleConnectionPool != null) {
            singleConnectionPool.close();
            singleConnectionPool = null;
        }
    }

    @BeforeEach
    void arrangeTwoOrganisations() {
        a = tenant();
        b = tenant();
    }

    private Tenant tenant() {
        TestData.Org org = data.organization("exporter");
        TestData.User user = data.user(org, "admin");
        TestData.User colleague = data.user(org, "viewer");
        UUID invitation = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO invitation (id, organization_id, email, role, token_hash, expires_at, invited_by)"
                                + " VALUES (?, ?, ?, 'viewer', ?, ?, ?)",
                        invitation,
                        org.id(),
                        "invitee-" + invitation + "@example.test",
                        "invitation-hash-" + invitation,
                        inAWeek(),
                        user.id());
        UUID refreshToken = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO refresh_token (id, family_id, user_id, organization_id, token_hash, expires_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?)",
                        refreshToken,
                        UUID.randomUUID(),
                        user.id(),
                        org.id(),
                        "refresh-hash-" + refreshToken,
                        inAWeek());
        return new Tenant(org, user, colleague, invitation, refreshToken);
    }

    private static Timestamp inAWeek() {
        return Timestamp.from(Instant.now().plus(7, ChronoUnit.DAYS));
    }

    @Test
    void theApplicationConnectsAsTheUnprivilegedAppRole() {
        String user = transactions.read(
                TenantScope.NONE,
                () -> jdbc.sql("SELECT current_user").query(String.class).single());
        assertThat(user).isEqualTo(APP_ROLE);
    }

    @Test
    void showsAnOrganisationOnlyItsOwnRowsWithoutAnyWhereClause() {
        Visible seenByA = transactions.read(a.scope(), () -> visible(this::appQuery));

        assertThat(seenByA.organizations()).containsExactly(a.org().id());
        assertThat(seenByA.membershipOrganizations()).containsOnly(a.org().id()).hasSize(2);
        assertThat(seenByA.users())
                .containsExactlyInAnyOrder(a.user().id(), a.colleague().id());
        assertThat(seenByA.invitations()).containsExactly(a.invitation());
        assertThat(seenByA.refreshTokens()).containsExactly(a.refreshToken());

        Visible seenByB = transactions.read(b.scope(), () -> visible(this::appQuery));
        assertThat(seenByB.organizations()).containsExactly(b.org().id());
        assertThat(seenByB.users())
                .containsExactlyInAnyOrder(b.user().id(), b.colleague().id());
        assertThat(seenByB.invitations()).containsExactly(b.invitation());
        assertThat(seenByB.refreshTokens()).containsExactly(b.refreshToken());
    }

    @Test
    void showsNothingOutsideATransaction() {
        // The shared pool: autocommit queries without any transaction (and so without a tenant).
        assertThat(visible(this::appQuery)).matches(Visible::isEmpty, "sees nothing");

        // A connection that just served organisation A keeps nothing for an autocommit query after it.
        JdbcTemplate pooled = new JdbcTemplate(singleConnectionPool());
        TransactionTemplate tx = new TransactionTemplate(new TenantAwareTransactionManager(singleConnectionPool()));
        Integer pidAsA = TenantContext.callAs(
                a.scope(),
                () -> tx.execute(status -> {
                    assertThat(visible(sql -> pooled.queryForList(sql, UUID.class))
                                    .organizations())
                            .containsExactly(a.org().id());
                    return backendPid(pooled);
                }));
        assertThat(backendPid(pooled)).isEqualTo(pidAsA);
        assertThat(visible(sql -> pooled.queryForList(sql, UUID.class))).matches(Visible::isEmpty, "sees nothing");
    }

    @Test
    void doesNotLeakTheScopeToTheNextTransactionOnAPooledConnection() {
        JdbcTemplate pooled = new JdbcTemplate(singleConnectionPool());
        TransactionTemplate tx = new TransactionTemplate(new TenantAwareTransactionManager(singleConnectionPool()));
        Set<Integer> connections = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Tenant tenant = i % 2 == 0 ? a : b;
            Visible scoped = TenantContext.callAs(
                    tenant.scope(),
                    () -> tx.execute(status -> {
                        connections.add(backendPid(pooled));
                        return visible(sql -> pooled.queryForList(sql, UUID.class));
                    }));
            assertThat(scoped.organizations()).containsExactly(tenant.org().id());
            assertThat(scoped.refreshTokens()).containsExactly(tenant.refreshToken());

            Visible unscoped = TenantContext.callAs(
                    TenantScope.NONE,
                    () -> tx.execute(status -> {
                        connections.add(backendPid(pooled));
                        return visible(sql -> pooled.queryForList(sql, UUID.class));
                    }));
            assertThat(unscoped).as("transaction %d without a tenant", i).matches(Visible::isEmpty, "sees nothing");
        }
        assertThat(connections)
                .as("all transactions reused one physical connection")
                .hasSize(1);
    }

    @Test
    void theAppPoolDoesNotLeakTheScopeEither() {
        for (int i = 0; i < 30; i++) {
            Tenant tenant = i % 2 == 0 ? a : b;
            assertThat(transactions
                            .read(tenant.scope(), () -> visible(this::appQuery))
                            .organizations())
                    .containsExactly(tenant.org().id());
            assertThat(transactions.read(TenantScope.NONE, () -> visible(this::appQuery)))
                    .matches(Visible::isEmpty, "sees nothing");
            assertThat(transactions.write(TenantScope.NONE, () -> visible(this::appQuery)))
                    .matches(Visible::isEmpty, "sees nothing");
        }
    }

    @Test
    void refusesToInsertRowsIntoAnotherOrganisation() {
        assertThatThrownBy(() -> transactions.write(
                        a.scope(),
                        () -> jdbc.sql(
                                        "INSERT INTO membership (id, user_id, organization_id, role) VALUES (?, ?, ?, 'admin')")
                                .params(
                                        UUID.randomUUID(),
                                        a.user().id(),
                                        b.org().id())
                                .update()))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(
                                NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("row-level security"));
        assertThatThrownBy(() -> transactions.write(
                        a.scope(),
                        () -> jdbc.sql(
                                        "INSERT INTO invitation (id, organization_id, email, role, token_hash, expires_at)"
                                                + " VALUES (?, ?, 'x@example.test', 'viewer', ?, now() + interval '1 day')")
                                .params(UUID.randomUUID(), b.org().id(), "hash-" + UUID.randomUUID())
                                .update()))
                .isInstanceOf(DataAccessException.class);

        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM membership WHERE organization_id = ?",
                                Integer.class,
                                b.org().id()))
                .isEqualTo(2);
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM invitation WHERE organization_id = ?",
                                Integer.class,
                                b.org().id()))
                .isEqualTo(1);
    }

    @Test
    void cannotChangeOrDeleteAnotherOrganisationsRows() {
        int organizations = transactions.write(
                a.scope(),
                () -> jdbc.sql("UPDATE organization SET name = 'x' WHERE id = ?")
                        .param(b.org().id())
                        .update());
        int memberships = transactions.write(
                a.scope(),
                () -> jdbc.sql("UPDATE membership SET role = 'viewer', organization_id = ? WHERE organization_id = ?")
                        .params(a.org().id(), b.org().id())
                        .update());
        int tokens = transactions.write(
                a.scope(),
                () -> jdbc.sql("DELETE FROM refresh_token WHERE id = ?")
                        .param(b.refreshToken())
                        .update());
        int invitations = transactions.write(
                a.scope(),
                () -> jdbc.sql("UPDATE invitation SET status = 'revoked' WHERE id = ?")
                        .param(b.invitation())
                        .update());
        int users = transactions.write(
                a.scope(),
                () -> jdbc.sql("UPDATE app_user SET full_name = 'x' WHERE id = ?")
                        .param(b.user().id())
                        .update());

        assertThat(List.of(organizations, memberships, tokens, invitations, users))
                .containsOnly(0);
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT name FROM organization WHERE id = ?",
                                String.class,
                                b.org().id()))
                .isEqualTo(b.org().name());
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM refresh_token WHERE id = ?", Integer.class, b.refreshToken()))
                .isEqualTo(1);
        assertThat(data.owner()
                        .queryForObject("SELECT status FROM invitation WHERE id = ?", String.class, b.invitation()))
                .isEqualTo("pending");
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT full_name FROM app_user WHERE id = ?",
                                String.class,
                                b.user().id()))
                .isEqualTo("Test admin");

        // The same statements do reach the organisation's own rows: the policies, not the SQL, said no.
        int own = transactions.write(
                a.scope(),
                () -> jdbc.sql("UPDATE organization SET name = name WHERE id = ?")
                        .param(a.org().id())
                        .update());
        assertThat(own).isEqualTo(1);
    }

    @Test
    void theAppRoleIsNeitherSuperuserNorBypassesRowLevelSecurityNorOwnsATable() {
        Map<String, Object> role = data.owner()
                .queryForMap(
                        "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = ?",
                        APP_ROLE);
        assertThat(role)
                .containsEntry("rolsuper", false)
                .containsEntry("rolbypassrls", false)
                .containsEntry("rolcreaterole", false)
                .containsEntry("rolcreatedb", false);

        List<String> owned = data.owner()
                .queryForList(
                        "SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = ?",
                        String.class,
                        APP_ROLE);
        assertThat(owned).isEmpty();

        // Nor may it gain those powers through a role it belongs to.
        List<String> privilegedParents = data.owner()
                .queryForList(
                        "SELECT p.rolname FROM pg_roles p WHERE pg_has_role(?, p.oid, 'USAGE')"
                                + " AND p.rolname <> ? AND (p.rolsuper OR p.rolbypassrls"
                                + " OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = p.oid"
                                + " AND c.relnamespace = 'public'::regnamespace))",
                        String.class,
                        APP_ROLE,
                        APP_ROLE);
        assertThat(privilegedParents).isEmpty();
    }

    @Test
    void everyTableTheAppRoleCanReachIsUnderForcedRowLevelSecurity() {
        List<String> violations = data.owner()
                .execute(
                        (Connection c) -> unprotectedTables(new JdbcTemplate(new SingleConnectionDataSource(c, true))));
        assertThat(violations).isEmpty();

        // Every global table is also really reachable, so the allow-list is not stale.
        for (String table : GLOBAL_READ_ONLY) {
            assertThat(data.owner()
                            .queryForObject(
                                    "SELECT has_table_privilege(?, ?::regclass, 'SELECT')",
                                    Boolean.class,
                                    APP_ROLE,
                                    table))
                    .as(table)
                    .isTrue();
        }
    }

    @Test
    void theRowLevelSecurityCheckNoticesANewUnprotectedTable() {
        // Guards the guard: a table someone adds and grants without enabling RLS must be reported.
        List<String> violations = data.owner().execute((Connection c) -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                JdbcTemplate owner = new JdbcTemplate(new SingleConnectionDataSource(c, true));
                owner.execute("CREATE TABLE rls_probe_unprotected (id uuid PRIMARY KEY, organization_id uuid)");
                owner.execute("GRANT SELECT, INSERT ON rls_probe_unprotected TO " + APP_ROLE);
                owner.execute("CREATE TABLE rls_probe_not_forced (id uuid PRIMARY KEY)");
                owner.execute("ALTER TABLE rls_probe_not_forced ENABLE ROW LEVEL SECURITY");
                owner.execute("GRANT SELECT ON rls_probe_not_forced TO " + APP_ROLE);
                owner.execute("GRANT INSERT ON country TO " + APP_ROLE);
                return unprotectedTables(owner);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        });
        assertThat(violations)
                .anySatisfy(v -> assertThat(v).startsWith("rls_probe_unprotected"))
                .anySatisfy(v -> assertThat(v).startsWith("rls_probe_not_forced"))
                .anySatisfy(v -> assertThat(v).startsWith("country"))
                .hasSize(3);
        assertThat(data.owner().queryForObject("SELECT to_regclass('rls_probe_unprotected') IS NULL", Boolean.class))
                .isTrue();
    }

    /**
     * Tables, views and sequences the app role holds any privilege on that are not under enabled and
     * forced row-level security, and global tables it may do more than read.
     */
    private static List<String> unprotectedTables(JdbcTemplate owner) {
        List<String> violations = new ArrayList<>();
        owner.query(
                """
                SELECT c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity,
                       coalesce('security_invoker=true' = ANY (c.reloptions), false) AS invoker,
                       has_table_privilege(?, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') AS writes
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                  AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND (has_table_privilege(?, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
                       OR has_any_column_privilege(?, c.oid, 'SELECT, INSERT, UPDATE, REFERENCES'))
                ORDER BY c.relname
                """,
                rs -> {
                    String table = rs.getString("relname");
                    if (GLOBAL_READ_ONLY.contains(table)) {
                        if (rs.getBoolean("writes")) {
                            violations.add(table + ": a global table the app role may write");
                        }
                    } else if (rs.getString("relkind").equals("v") && rs.getBoolean("invoker")) {
                        // A security_invoker view reads its tables with the caller's rights, so their
                        // row-level security applies (the analytics views).
                    } else if (!rs.getString("relkind").equals("r")
                            && !rs.getString("relkind").equals("p")) {
                        violations.add(
                                table + ": a " + rs.getString("relkind") + " relation reachable by the app role");
                    } else if (!rs.getBoolean("relrowsecurity") || !rs.getBoolean("relforcerowsecurity")) {
                        violations.add(
                                table + ": reachable by the app role without ENABLE and FORCE ROW LEVEL SECURITY");
                    }
                },
                APP_ROLE,
                APP_ROLE,
                APP_ROLE);
        return violations;
    }

    @Test
    void refusesToChangeTheTenantInsideAnOpenTransaction() {
        assertThatThrownBy(() -> transactions.read(a.scope(), () -> TenantContext.callAs(b.scope(), () -> "too late")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transactions.write(TenantScope.NONE, () -> {
                    TenantContext.runAs(a.scope(), () -> {});
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);

        // The refused switch left no scope behind on the thread.
        assertThat(TenantContext.current()).isEqualTo(TenantScope.NONE);
    }

    @Test
    void treatsInjectionInTheLookupScopeAsAPlainValue() {
        List<UUID> injected = transactions.read(
                TenantScope.lookupEmail("x' OR '1'='1"),
                () -> jdbc.sql("SELECT id FROM app_user").query(UUID.class).list());
        assertThat(injected).isEmpty();
        List<UUID> injectedToken = transactions.read(
                TenantScope.lookupToken("x' OR '1'='1"),
                () -> jdbc.sql("SELECT id FROM invitation UNION ALL SELECT id FROM refresh_token")
                        .query(UUID.class)
                        .list());
        assertThat(injectedToken).isEmpty();

        // A genuine lookup finds exactly that one user, so the query above could have found rows.
        List<UUID> genuine = transactions.read(
                TenantScope.lookupEmail(a.user().email()),
                () -> jdbc.sql("SELECT id FROM app_user").query(UUID.class).list());
        assertThat(genuine).containsExactly(a.user().id());
        List<UUID> byToken = transactions.read(
                TenantScope.lookupToken("refresh-hash-" + a.refreshToken()),
                () -> jdbc.sql("SELECT id FROM refresh_token").query(UUID.class).list());
        assertThat(byToken).containsExactly(a.refreshToken());
    }

    /** What one query per table returns, none of them with a WHERE clause. */
    record Visible(
            List<UUID> organizations,
            List<UUID> membershipOrganizations,
            List<UUID> users,
            List<UUID> invitations,
            List<UUID> refreshTokens) {

        boolean isEmpty() {
            return organizations.isEmpty()
                    && membershipOrganizations.isEmpty()
                    && users.isEmpty()
                    && invitations.isEmpty()
                    && refreshTokens.isEmpty();
        }
    }

    private static Visible visible(Function<String, List<UUID>> query) {
        return new Visible(
                query.apply("SELECT id FROM organization"),
                query.apply("SELECT organization_id FROM membership"),
                query.apply("SELECT id FROM app_user"),
                query.apply("SELECT id FROM invitation"),
                query.apply("SELECT id FROM refresh_token"));
    }

    private List<UUID> appQuery(String sql) {
        return jdbc.sql(sql).query(UUID.class).list();
    }

    private static int backendPid(JdbcTemplate jdbc) {
        Integer pid = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
        return pid == null ? -1 : pid;
    }
}
