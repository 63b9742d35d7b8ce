package com.vibotaj.tracehub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.platform.internal.db.EmbeddedPostgresEnvironmentPostProcessor;
import com.vibotaj.tracehub.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every changeset can be rolled back: an empty database is migrated to head, rolled back completely and
 * migrated again, and the schema must come out exactly as the first time.
 */
@IntegrationTest
class MigrationRoundTripIntegrationTests {

    private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
    private static final String APP_ROLE = "tracehub_app";

    @Test
    void rollsEveryChangesetBackAndMigratesToTheSameSchemaAgain() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgresEnvironmentPostProcessor.ephemeralServer();
        String database = "roundtrip_" + UUID.randomUUID().toString().replace("-", "");
        JdbcTemplate cluster = new JdbcTemplate(server.getPostgresDatabase());
        cluster.execute("CREATE DATABASE " + database);
        try {
            DataSource owner = server.getDatabase("postgres", database);
            JdbcTemplate catalog = new JdbcTemplate(owner);

            migrate(owner);
            List<String> first = snapshot(catalog);
            int applied = count(catalog, "SELECT count(*) FROM databasechangelog");
            assertThat(applied).isEqualTo(changeSetCount(owner));

            rollBack(owner, applied);
            assertThat(count(catalog, "SELECT count(*) FROM databasechangelog")).isZero();
            assertThat(applicationObjects(catalog)).isEmpty();
            assertThat(catalog.queryForList(
                            "SELECT table_name || ':' || privilege_type FROM information_schema.role_table_grants"
                                    + " WHERE grantee = ?",
                            String.class,
                            APP_ROLE))
                    .as("privileges left to the app role")
                    .isEmpty();
            assertThat(catalog.queryForObject(
                            "SELECT coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = 'public'",
                            String.class))
                    .as("schema privileges left to the app role")
                    .doesNotContain(APP_ROLE + "=");

            migrate(owner);
            List<String> second = snapshot(catalog);

            assertThat(second).isEqualTo(first);
            assertThat(String.join("\n", first))
                    .contains("table membership")
                    .contains("policy membership membership_read")
                    .contains("rls organization enabled=t forced=t")
                    .contains("function app_org_id")
                    .contains("grant tracehub_app refresh_token DELETE")
                    .contains("rows country ");
        } finally {
            cluster.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void migrate(DataSource owner) throws Exception {
        try (Connection connection = owner.getConnection();
                Liquibase liquibase = liquibase(connection)) {
            liquibase.update(new Contexts(), new LabelExpression());
        }
    }

    private static void rollBack(DataSource owner, int changeSets) throws Exception {
        try (Connection connection = owner.getConnection();
                Liquibase liquibase = liquibase(connection)) {
            liquibase.rollback(changeSets, new Contexts(), new LabelExpression());
        }
    }

    private static int changeSetCount(DataSource owner) throws Exception {
        try (Connection connection = owner.getConnection();
                Liquibase liquibase = liquibase(connection)) {
            return liquibase.getDatabaseChangeLog().getChangeSets().size();
        }
    }

    private static Liquibase liquibase(Connection connection) throws Exception {
        Database database =
                DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        Liquibase liquibase = new Liquibase(
                CHANGELOG,
                new ClassLoaderResourceAccessor(MigrationRoundTripIntegrationTests.class.getClassLoader()),
                database);
        liquibase.setChangeLogParameter("app_role", APP_ROLE);
        liquibase.setChangeLogParameter("app_password", "test-app-password");
        return liquibase;
    }

    /** Whatever the application's migrations create; Liquibase's own two tables are not counted. */
    private static List<String> applicationObjects(JdbcTemplate catalog) {
        List<String> objects = new ArrayList<>();
        objects.addAll(catalog.queryForList(
                "SELECT 'relation ' || c.relname FROM pg_class c"
                        + " WHERE c.relnamespace = 'public'::regnamespace"
                        + " AND c.relname NOT IN ('databasechangelog', 'databasechangeloglock',"
                        + " 'databasechangeloglock_pkey')",
                String.class));
        objects.addAll(catalog.queryForList(
                "SELECT 'function ' || p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace",
                String.class));
        objects.addAll(catalog.queryForList(
                "SELECT 'policy ' || tablename || ' ' || policyname FROM pg_policies", String.class));
        objects.addAll(catalog.queryForList(
                "SELECT 'type ' || t.typname FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace"
                        + " AND t.typrelid = 0 AND t.typelem = 0",
                String.class));
        return objects;
    }

    /** The schema as sorted text lines, so two snapshots can be compared and a difference read. */
    private static List<String> snapshot(JdbcTemplate catalog) {
        List<String> lines = new ArrayList<>();
        String appTable = "NOT IN ('databasechangelog', 'databasechangeloglock')";
        lines.addAll(catalog.queryForList(
                "SELECT 'table ' || table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_name " + appTable,
                String.class));
        lines.addAll(catalog.queryForList(
                "SELECT format('column %s.%s %s nullable=%s default=%s', table_name, column_name,"
                        + " CASE WHEN data_type = 'character' THEN data_type || '(' || character_maximum_length || ')'"
                        + " WHEN data_type = 'numeric' THEN data_type || '(' || numeric_precision || ','"
                        + " || numeric_scale || ')' ELSE data_type END, is_nullable, column_default)"
                        + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name " + appTable,
                String.class));
        lines.addAll(catalog.queryForList(
                "SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'"
                        + " AND tablename " + appTable,
                String.class));
        lines.addAll(catalog.queryForList(
                "SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))"
                        + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                        + " AND conrelid::regclass::text " + appTable,
                String.class));
        lines.addAll(catalog.queryForList(
                "SELECT format('rls %s enabled=%s forced=%s', relname, relrowsecurity, relforcerowsecurity)"
                        + " FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')"
                        + " AND relname " + appTable,
                String.class));
        lines.addAll(catalog.queryForList(
                "SELECT format('policy %s %s %s %s roles=%s using=%s check=%s', tablename, policyname, permissive,"
                        + " cmd, roles, qual, with_check) FROM pg_policies WHERE schemaname = 'public'",
                String.class));
        lines.addAll(catalog.queryForList(
                "SELECT format('function %s %s', p.proname, pg_get_functiondef(p.oid)) FROM pg_proc p"
                        + " WHERE p.pronamespace = 'public'::regnamespace",
                String.class));
        lines.addAll(catalog.queryForList(
                "SELECT format('trigger %s %s', tgrelid::regclass, pg_get_triggerdef(oid)) FROM pg_trigger"
                        + " WHERE NOT tgisinternal",
                String.class));
        lines.addAll(catalog.queryForList(
                "SELECT format('sequence %s %s', sequence_name, data_type) FROM information_schema.sequences"
                        + " WHERE sequence_schema = 'public'",
                String.class));
        lines.addAll(catalog.queryForList(
                "SELECT format('grant %s %s %s', grantee, table_name, privilege_type)"
                        + " FROM information_schema.role_table_grants WHERE grantee = ?",
                String.class, APP_ROLE));
        lines.addAll(catalog.queryForList(
                "SELECT format('column grant %s %s.%s %s', grantee, table_name, column_name, privilege_type)"
                        + " FROM information_schema.column_privileges WHERE grantee = ?"
                        + " AND (table_name, privilege_type) NOT IN (SELECT table_name, privilege_type"
                        + " FROM information_schema.role_table_grants WHERE grantee = ?)",
                String.class, APP_ROLE, APP_ROLE));
        lines.add("schema public acl="
                + catalog.queryForObject(
                        "SELECT nspacl::text FROM pg_namespace WHERE nspname = 'public'", String.class));
        for (String table : catalog.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_type = 'BASE TABLE' AND table_name " + appTable,
                String.class)) {
            lines.add("rows " + table + " " + count(catalog, "SELECT count(*) FROM \"" + table + "\""));
        }
        lines.sort(String::compareTo);
        return lines;
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        Integer count = jdbc.queryForObject(sql, Integer.class);
        return count == null ? 0 : count;
    }
}
