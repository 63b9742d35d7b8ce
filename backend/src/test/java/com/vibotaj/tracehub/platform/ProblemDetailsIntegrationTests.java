package com.vibotaj.tracehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every failure is answered as RFC 9457 problem+json that helps the client and reveals no internals. */
@IntegrationTest
class ProblemDetailsIntegrationTests {

    private static final String TYPES = "https://tracehub.vibotaj.com/problems/";
    private static final Pattern UUID_LIKE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Test
    void answersMalformedJsonWithAMalformedRequestProblem() throws Exception {
        Problem problem = perform(login("{\"email\": \"a@example.test\", \"password\": "), 400);

        assertThat(problem.type()).isEqualTo(TYPES + "malformed-request");
        assertThat(problem.detail()).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void answersAMissingBodyWithAMalformedRequestProblem() throws Exception {
        Problem problem = perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON), 400);

        assertThat(problem.type()).isEqualTo(TYPES + "malformed-request");
        assertThat(problem.detail()).isEqualTo("The request body is missing.");
    }

    @Test
    void namesAFieldOfTheWrongType() throws Exception {
        Problem problem = perform(login("{\"email\": {\"a\": 1}, \"password\": \"x\"}"), 400);

        assertThat(problem.type()).isEqualTo(TYPES + "malformed-request");
        assertThat(problem.detail()).isEqualTo("Field 'email' has the wrong type.");
    }

    @Test
    void namesAnUnknownField() throws Exception {
        Problem problem = perform(login("{\"email\": \"a@example.test\", \"password\": \"x\", \"x\": 1}"), 400);

        assertThat(problem.type()).isEqualTo(TYPES + "malformed-request");
        assertThat(problem.detail()).isEqualTo("Unknown field 'x'.");
    }

    @Test
    void listsEveryInvalidFieldWithItsMessage() throws Exception {
        Problem problem = perform(login("{\"email\": \"\", \"password\": \" \"}"), 400);

        assertThat(problem.type()).isEqualTo(TYPES + "validation");
        assertThat(problem.detail()).isEqualTo("2 fields are invalid.");
        List<Map<String, Object>> errors = JsonPath.read(problem.body(), "$.errors");
        assertThat(errors)
                .extracting(e -> e.get("field"), e -> e.get("message"))
                .containsExactlyInAnyOrder(tuple("email", "is required"), tuple("password", "is required"));
    }

    @Test
    void answersAnUnknownApiRouteWithNotFound() throws Exception {
        String bearer = signIn();

        Problem problem = perform(get("/api/does-not-exist").header("Authorization", bearer), 404);

        assertThat(problem.type()).isEqualTo(TYPES + "not-found");
        assertThat(problem.detail()).contains("/api/does-not-exist");
    }

    @Test
    void answersAWrongMethodWithMethodNotAllowed() throws Exception {
        Problem problem = perform(delete("/api/me").header("Authorization", signIn()), 405);

        assertThat(problem.type()).isEqualTo(TYPES + "method-not-allowed");
        assertThat(problem.response().getHeader("Allow")).contains("GET");
    }

    @Test
    void answersAWrongContentTypeWithUnsupportedMediaType() throws Exception {
        Problem problem = perform(
                post("/api/auth/login").contentType(MediaType.TEXT_PLAIN).content("email=a&password=b"), 415);

        assertThat(problem.type()).isEqualTo(TYPES + "unsupported-media-type");
    }

    @Test
    void answersAMissingTokenWithUnauthenticated() throws Exception {
        Problem problem = perform(get("/api/me"), 401);

        assertThat(problem.type()).isEqualTo(TYPES + "unauthenticated");
    }

    @Test
    void answersAForgedTokenWithUnauthenticated() throws Exception {
        Problem problem = perform(get("/api/me").header("Authorization", "Bearer not.a.token"), 401);

        assertThat(problem.type()).isEqualTo(TYPES + "unauthenticated");
    }

    @Test
    void echoesASafeRequestIdInTheHeaderAndTheProblem() throws Exception {
        Problem problem = perform(get("/api/me").header("X-Request-ID", "abc-123"), 401);

        assertThat(problem.response().getHeader("X-Request-ID")).isEqualTo("abc-123");
        assertThat(problem.requestId()).isEqualTo("abc-123");
    }

    @Test
    void generatesARequestIdWhenNoneIsGiven() throws Exception {
        Problem problem = perform(get("/api/does-not-exist").header("Authorization", signIn()), 404);

        String header = problem.response().getHeader("X-Request-ID");
        assertThat(header).matches(UUID_LIKE);
        assertThat(problem.requestId()).isEqualTo(header);

        String next = perform(get("/api/me"), 401).response().getHeader("X-Request-ID");
        assertThat(next).matches(UUID_LIKE).isNotEqualTo(header);
    }

    @Test
    void replacesAnUnsafeRequestIdWithAGeneratedOne() throws Exception {
        for (String unsafe : List.of("a".repeat(300), "abc 123", "abc\n123", "abc\r\nSet-Cookie: x=1", "<script>")) {
            Problem problem = perform(get("/api/me").header("X-Request-ID", unsafe), 401);

            String header = problem.response().getHeader("X-Request-ID");
            assertThat(header).as("for %s", unsafe).matches(UUID_LIKE);
            assertThat(problem.requestId()).isEqualTo(header);
        }
        // The longest safe id still passes through unchanged.
        String longest = "a".repeat(128);
        assertThat(perform(get("/api/me").header("X-Request-ID", longest), 401).requestId())
                .isEqualTo(longest);
    }

    @Test
    void aSuccessfulResponseCarriesTheRequestIdToo() throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/api/me").header("Authorization", signIn()).header("X-Request-ID", "ok-1"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("X-Request-ID")).isEqualTo("ok-1");
    }

    private String signIn() throws Exception {
        return Api.login(mvc, data.user(data.organization("exporter"), "admin")).bearer();
    }

    private static MockHttpServletRequestBuilder login(String body) {
        return post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A problem document that passed the checks every problem must pass. */
    record Problem(MockHttpServletResponse response, String body, String type, String detail, String requestId) {}

    private Problem perform(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString();
        String url = "http://localhost"
                + request.buildRequest(new MockServletContext()).getRequestURI();

        assertThat(response.getStatus()).as(body).isEqualTo(status);
        assertThat(response.getContentType()).as(body).startsWith("application/problem+json");
        String type = JsonPath.read(body, "$.type");
        assertThat(type).startsWith(TYPES).isNotEqualTo(url).doesNotContain("localhost");
        assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(status);
        assertThat((String) JsonPath.read(body, "$.title")).isNotBlank();
        String detail = JsonPath.read(body, "$.detail");
        assertThat(detail).isNotBlank();
        String requestId = JsonPath.read(body, "$.requestId");
        assertThat(requestId).isNotBlank().isEqualTo(response.getHeader("X-Request-ID"));
        assertThat(body)
                .doesNotContain("Exception")
                .doesNotContain("exception")
                .doesNotContain("at com.")
                .doesNotContain("org.springframework")
                .doesNotContain("tools.jackson")
                .doesNotContain("java.")
                .doesNotContain("SQL")
                .doesNotContain("jdbc")
                .doesNotContain("stackTrace")
                .doesNotContain("\tat ");
        return new Problem(response, body, type, detail, requestId);
    }
}
