package com.vibotaj.tracehub.platform.internal.health;

import com.vibotaj.tracehub.platform.TraceHubProperties;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /health}: one readable answer for people and uptime monitors; 503 when not serving. */
@RestController
class HealthSummaryController {

    private final JdbcClient jdbc;
    private final MigrationsHealthIndicator migrations;
    private final String version;
    private final String build;

    HealthSummaryController(
            JdbcClient jdbc,
            MigrationsHealthIndicator migrations,
            org.springframework.beans.factory.ObjectProvider<BuildProperties> build,
            TraceHubProperties properties) {
        this.jdbc = jdbc;
        this.migrations = migrations;
        BuildProperties info = build.getIfAvailable();
        // The release is the deploy tool's label; the build is what the jar says it is. Both are shown
        // because a label can be reused or mistyped, and a deploy must be checkable against the artefact.
        this.build = info == null ? "dev" : info.getVersion();
        this.version = properties.release() != null ? properties.release() : this.build;
    }

    @Operation(
            summary = "Service health summary",
            description = "UP (200) or DOWN (503), with the database and migration state.")
    @GetMapping("/health")
    ResponseEntity<HealthSummary> health() {
        String database = databaseUp() ? "UP" : "DOWN";
        Health migrationHealth = migrations.health();
        String schema = migrationHealth.getStatus().equals(Status.UP) ? "UP" : "DOWN";
        boolean up = database.equals("UP") && schema.equals("UP");
        Map<String, String> components = new LinkedHashMap<>();
        components.put("database", database);
        components.put("migrations", schema);
        HealthSummary body = new HealthSummary(up ? "UP" : "DOWN", version, build, components);
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(body);
    }

    private boolean databaseUp() {
        try {
            return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The summary: overall status, the release label (the build version when the deploy tool set none),
     * the build version of the running artefact, and each dependency's status.
     */
    record HealthSummary(String status, String version, String build, Map<String, String> components) {}
}
