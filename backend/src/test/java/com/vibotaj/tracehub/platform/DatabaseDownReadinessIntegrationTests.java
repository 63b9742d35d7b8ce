package com.vibotaj.tracehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vibotaj.tracehub.platform.internal.db.EmbeddedPostgresEnvironmentPostProcessor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An instance whose database goes away stops being ready (so it gets no traffic) but stays alive (a
 * restart would not help). Runs on its own PostgreSQL server, which it stops, in a context of its own.
 */
@SpringBootTest(
        properties = {
            "tracehub.embedded-postgres.data-directory=" + DatabaseDownReadinessIntegrationTests.DATA_DIRECTORY,
            "spring.datasource.hikari.connection-timeout=1000",
            "spring.datasource.hikari.validation-timeout=500"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class DatabaseDownReadinessIntegrationTests {

    static final String DATA_DIRECTORY = "target/embedded-postgres-database-down-test";

    @Autowired
    MockMvc mvc;

    @Test
    void becomesNotReadyButStaysAliveWhenTheDatabaseStops() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgresEnvironmentPostProcessor.server(DATA_DIRECTORY);
        assertThat(server).as("a server of its own").isNotNull();
        assertThat(server).isNotSameAs(EmbeddedPostgresEnvironmentPostProcessor.ephemeralServer());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/health")).andExpect(status().isOk());

        server.close();

        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"));
        mvc.perform(get("/health"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"))
                .andExpect(jsonPath("$.components.database").value("DOWN"))
                .andExpect(jsonPath("$.components.migrations").value("DOWN"));
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @AfterAll
    static void removeTheServer() throws IOException {
        EmbeddedPostgres server = EmbeddedPostgresEnvironmentPostProcessor.server(DATA_DIRECTORY);
        if (server != null) {
            server.close();
        }
        Path directory = Path.of(DATA_DIRECTORY);
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
