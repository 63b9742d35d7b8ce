package com.vibotaj.tracehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Probes and the summary tell orchestrators and people the truth; metrics need credentials. */
@IntegrationTest
class HealthIntegrationTests {

    private static final String METRICS_PASSWORD = "test-metrics-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    org.springframework.boot.info.BuildProperties build;

    @Test
    void summarisesAHealthyService() throws Exception {
        mvc.perform(get("/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.database").value("UP"))
                .andExpect(jsonPath("$.components.migrations").value("UP"))
                .andExpect(jsonPath("$.version").isNotEmpty())
                // The artefact's own version, from the build info Maven writes: the deploy drills tell two
                // releases apart by it, so it must be the real one, not a label or "dev".
                .andExpect(jsonPath("$.build").value(build.getVersion()));
        assertThat(build.getVersion()).isNotBlank().isNotEqualTo("dev");
    }

    @Test
    void answersTheProbesWithoutCredentials() throws Exception {
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void isNotReadyWhileAShippedChangesetIsMissingFromTheDatabase() throws Exception {
        // The most recently applied changeset, as if this release's newest migration had not run.
        Map<String, Object> row =
                data.owner().queryForMap("SELECT * FROM databasechangelog ORDER BY orderexecuted DESC LIMIT 1");
        int deleted = data.owner()
                .update(
                        "DELETE FROM databasechangelog WHERE id = ? AND author = ? AND filename = ?",
                        row.get("id"),
                        row.get("author"),
                        row.get("filename"));
        assertThat(deleted).isEqualTo(1);
        try {
            mvc.perform(get("/actuator/health/readiness"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("DOWN"));
            mvc.perform(get("/health"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("DOWN"))
                    .andExpect(jsonPath("$.components.database").value("UP"))
                    .andExpect(jsonPath("$.components.migrations").value("DOWN"));
            // Alive all the same: restarting would not apply the migration.
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        } finally {
            reinsert(row);
        }
        assertThat(data.owner()
                        .queryForMap(
                                "SELECT * FROM databasechangelog WHERE id = ? AND author = ? AND filename = ?",
                                row.get("id"),
                                row.get("author"),
                                row.get("filename")))
                .as("the changelog row is restored exactly")
                .isEqualTo(row);
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/health")).andExpect(status().isOk());
    }

    private void reinsert(Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        String sql = "INSERT INTO databasechangelog (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        data.owner().update(sql, columns.stream().map(row::get).toArray());
    }

    @Test
    void refusesMetricsWithoutCredentials() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"metrics\""))
                .andExpect(jsonPath("$.type").value("https://tracehub.vibotaj.com/problems/unauthenticated"))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
        mvc.perform(get("/actuator/prometheus").header("Authorization", basic("metrics", "wrong-password")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", basic("admin", METRICS_PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void servesMetricsToTheMetricsUser() throws Exception {
        mvc.perform(get("/health")).andExpect(status().isOk());
        String body = mvc.perform(
                        get("/actuator/prometheus").header("Authorization", basic("metrics", METRICS_PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count");
    }

    @Test
    void exposesNoOtherActuatorEndpoint() throws Exception {
        for (String endpoint : List.of(
                "/actuator",
                "/actuator/env",
                "/actuator/beans",
                "/actuator/configprops",
                "/actuator/heapdump",
                "/actuator/threaddump",
                "/actuator/loggers",
                "/actuator/mappings",
                "/actuator/info",
                "/actuator/metrics")) {
            for (String authorization : List.of("", basic("metrics", METRICS_PASSWORD))) {
                int answer = mvc.perform(
                                authorization.isEmpty()
                                        ? get(endpoint)
                                        : get(endpoint).header("Authorization", authorization))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(answer).as("%s %s", endpoint, authorization).isIn(401, 403, 404);
            }
        }
        int shutdown = mvc.perform(
                        post("/actuator/shutdown").header("Authorization", basic("metrics", METRICS_PASSWORD)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(shutdown).isIn(401, 403, 404);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
