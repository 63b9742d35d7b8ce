package com.vibotaj.tracehub.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vibotaj.tracehub.platform.internal.db.EmbeddedPostgresEnvironmentPostProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.stream.Stream;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Deploys migrate in a step of their own and start instances with Liquibase off and without owner
 * credentials. Such an instance must start, must not take traffic while its schema is missing, and
 * becomes ready as soon as the migration step has run. Own PostgreSQL server, starting empty.
 */
@SpringBootTest(
        properties = {
            "tracehub.embedded-postgres.data-directory=" + MigrationsAsSeparateStepIntegrationTests.DATA_DIRECTORY,
            "spring.liquibase.enabled=false",
            "spring.datasource.hikari.connection-timeout=1000",
            "spring.datasource.hikari.initialization-fail-timeout=-1"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class MigrationsAsSeparateStepIntegrationTests {

    static final String DATA_DIRECTORY = "target/embedded-postgres-migrations-step-test";

    static {
        deleteRecursively(Path.of(DATA_DIRECTORY));
    }

    @Autowired
    MockMvc mvc;

    @Test
    void instanceWithoutLiquibaseIsNotReadyUntilTheMigrationStepHasRun() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());

        migrateAsOwner();

        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.migrations").value("UP"));
    }

    private static void migrateAsOwner() throws Exception {
        try (Connection connection = EmbeddedPostgresEnvironmentPostProcessor.server(DATA_DIRECTORY)
                        .getDatabase("postgres", "tracehub")
                        .getConnection();
                Liquibase liquibase = new Liquibase(
                        "db/changelog/db.changelog-master.yaml",
                        new ClassLoaderResourceAccessor(
                                MigrationsAsSeparateStepIntegrationTests.class.getClassLoader()),
                        DatabaseFactory.getInstance()
                                .findCorrectDatabaseImplementation(new JdbcConnection(connection)))) {
            liquibase.setChangeLogParameter("app_role", "tracehub_app");
            liquibase.setChangeLogParameter("app_password", "test-app-password");
            liquibase.update(new Contexts(), new LabelExpression());
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
