package com.vibotaj.tracehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web client is served from the same origin: deep links answer the app shell (never cached),
 * hashed assets are cached for good, and API paths never fall back to HTML. Uses the fixtures in
 * src/test/resources/static.
 */
@IntegrationTest
class SpaResourcesIntegrationTests {

    private static final String SHELL_MARKER = "data-fixture=\"spa-index\"";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Test
    void answersDeepLinksWithTheAppShellThatIsNeverCached() throws Exception {
        for (String path : List.of("/", "/shipments/42", "/settings/users", "/login")) {
            MockHttpServletResponse response = fetch(path);

            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getContentType()).as(path).startsWith("text/html");
            assertThat(response.getContentAsString()).as(path).contains(SHELL_MARKER);
            assertThat(response.getHeader("Cache-Control")).as(path).contains("no-cache");
            assertThat(response.getHeader("Cache-Control")).as(path).doesNotContain("max-age=31536000");
        }
    }

    @Test
    void servesHashedAssetsWithALongImmutableCacheLifetime() throws Exception {
        MockHttpServletResponse response = fetch("/assets/app-abc123.js");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("spa-asset-fixture");
        assertThat(response.getHeader("Cache-Control"))
                .contains("max-age=31536000")
                .contains("immutable")
                .doesNotContain("no-cache");
    }

    @Test
    void answersAMissingFileWithNotFoundInsteadOfTheShell() throws Exception {
        for (String path : List.of("/missing.png", "/assets/missing-123.js", "/assets/shipments", "/img/logo.svg")) {
            MockHttpServletResponse response = fetch(path);

            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString()).as(path).doesNotContain(SHELL_MARKER);
        }
    }

    @Test
    void neverAnswersAnApiPathWithTheShell() throws Exception {
        MockHttpServletResponse anonymous = fetch("/api/unknown");
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getContentType()).startsWith("application/problem+json");
        assertThat(anonymous.getContentAsString()).doesNotContain(SHELL_MARKER);

        String bearer = Api.login(mvc, data.user(data.organization("exporter"), "viewer"))
                .bearer();
        for (String path : List.of("/api/unknown", "/api", "/api/shipments/42/nothing")) {
            MockHttpServletResponse response = mvc.perform(get(path).header("Authorization", bearer))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentType()).as(path).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).as(path).doesNotContain(SHELL_MARKER);
        }
        for (String path : List.of("/actuator/unknown", "/v3/unknown")) {
            assertThat(fetch(path).getContentAsString()).as(path).doesNotContain(SHELL_MARKER);
        }
    }

    /** Like a servlet container, follows a server-side forward (the welcome page forwards "/"). */
    private MockHttpServletResponse fetch(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        String forward = response.getForwardedUrl();
        if (forward != null) {
            return fetch(forward.startsWith("/") ? forward : "/" + forward);
        }
        return response;
    }
}
