package com.vibotaj.tracehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.vibotaj.tracehub.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web client's types are generated from docs/api/openapi.json, so that file must be exactly what
 * the server describes. This test exports the live spec (target/openapi.json) and fails on any drift;
 * run it with {@code -Dopenapi.update=true} to accept an intended change.
 */
@IntegrationTest
class OpenApiContractIntegrationTests {

    private static final Path COMMITTED = Path.of("..", "docs", "api", "openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Autowired
    MockMvc mvc;

    @Test
    void committedSpecMatchesTheServer() throws Exception {
        String live =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Map<String, Object> tree = JSON.readValue(live, new TypeReference<Map<String, Object>>() {});
        String normalized = JSON.writeValueAsString(tree) + "\n";

        Path exported = Path.of(System.getProperty("openapi.export", "target/openapi.json"));
        Files.createDirectories(exported.toAbsolutePath().getParent());
        Files.writeString(exported, normalized);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, normalized);
        }

        assertThat(tree).containsKeys("paths", "components");
        assertThat(Files.readString(COMMITTED))
                .as("docs/api/openapi.json is out of date: run ../mvnw test -Dtest=OpenApiContractIntegrationTests"
                        + " -Dopenapi.update=true -Dskip.npm=true in backend/ and commit the result")
                .isEqualTo(normalized);
    }
}
