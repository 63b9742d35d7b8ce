package com.vibotaj.tracehub.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vibotaj.tracehub.platform.AccessTokenClaims;
import com.vibotaj.tracehub.platform.internal.web.IdempotencyStore.Owner;
import com.vibotaj.tracehub.platform.internal.web.IdempotencyStore.StoredResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.json.JsonMapper;

/** The decisions of the Idempotency-Key filter that the API cannot easily provoke (5xx, exceptions). */
class IdempotencyFilterTests {

    private static final int LIMIT = IdempotencyFilter.MAX_BODY_BYTES;

    private final IdempotencyStore store = mock(IdempotencyStore.class);
    private final IdempotencyFilter filter =
            new IdempotencyFilter(store, JsonMapper.builder().build());
    private final UUID user = UUID.randomUUID();
    private final UUID org = UUID.randomUUID();

    @BeforeEach
    void authenticate() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "HS256")
                .subject(user.toString())
                .claim(AccessTokenClaims.ORGANIZATION, org.toString())
                .claim(AccessTokenClaims.ROLE, "admin")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        when(store.claim(any(), anyString(), anyString())).thenReturn(true);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void storesEverythingBelowFiveHundredAndReleasesTheRest() {
        assertThat(IdempotencyOutcome.decide(201, false, false, false, false)).isEqualTo(IdempotencyOutcome.STORE);
        assertThat(IdempotencyOutcome.decide(409, false, false, false, false)).isEqualTo(IdempotencyOutcome.STORE);
        assertThat(IdempotencyOutcome.decide(200, false, false, false, true))
                .isEqualTo(IdempotencyOutcome.STORE_STATUS_ONLY);
        assertThat(IdempotencyOutcome.decide(500, false, false, false, false)).isEqualTo(IdempotencyOutcome.RELEASE);
        assertThat(IdempotencyOutcome.decide(503, false, false, false, false)).isEqualTo(IdempotencyOutcome.RELEASE);
        assertThat(IdempotencyOutcome.decide(200, true, false, false, false)).isEqualTo(IdempotencyOutcome.RELEASE);
        assertThat(IdempotencyOutcome.decide(404, false, true, false, false)).isEqualTo(IdempotencyOutcome.RELEASE);
        assertThat(IdempotencyOutcome.decide(200, false, false, true, false)).isEqualTo(IdempotencyOutcome.RELEASE);
    }

    @Test
    void aServerErrorReleasesTheKey() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request("{}"), response, (req, res) -> {
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(500);
            res.getOutputStream().write("{\"status\":500}".getBytes(StandardCharsets.UTF_8));
        });

        verify(store).release(new Owner(user, org), "key-1");
        verify(store, never()).complete(any(), anyString(), any());
        assertThat(response.getStatus()).isEqualTo(500);
    }

    @Test
    void anExceptionReleasesTheKeyAndPropagates() {
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("boom");
        };

        assertThatThrownBy(() -> filter.doFilter(request("{}"), new MockHttpServletResponse(), failing))
                .isInstanceOf(IllegalStateException.class);
        verify(store).release(new Owner(user, org), "key-1");
    }

    @Test
    void aSuccessIsStoredWithItsBodyAndTheControllerReadsTheSameBody() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        String[] seen = new String[1];
        filter.doFilter(request("{\"a\":1}"), response, (req, res) -> {
            seen[0] = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201);
            res.setContentType("application/json");
            ((jakarta.servlet.http.HttpServletResponse) res).setHeader("Location", "/api/x/1");
            res.getWriter().write("{\"id\":1}");
        });

        ArgumentCaptor<StoredResponse> stored = ArgumentCaptor.forClass(StoredResponse.class);
        verify(store).complete(eq(new Owner(user, org)), eq("key-1"), stored.capture());
        assertThat(seen[0]).isEqualTo("{\"a\":1}");
        assertThat(stored.getValue().status()).isEqualTo(201);
        assertThat(stored.getValue().headers()).containsEntry("Location", "/api/x/1");
        assertThat(new String(stored.getValue().body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
        assertThat(response.getContentAsString()).isEqualTo("{\"id\":1}");
    }

    @Test
    void aResponseOverTheLimitIsStoredWithoutItsBodyAndReplayedEmpty() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(
                request("{}"), response, (req, res) -> res.getOutputStream().write(new byte[LIMIT + 1]));

        ArgumentCaptor<StoredResponse> stored = ArgumentCaptor.forClass(StoredResponse.class);
        verify(store).complete(any(), anyString(), stored.capture());
        assertThat(stored.getValue().body()).isNull();
        assertThat(response.getContentAsByteArray()).hasSize(LIMIT + 1);

        when(store.claim(any(), anyString(), anyString())).thenReturn(false);
        when(store.find(any(), anyString(), anyString()))
                .thenReturn(Optional.of(new IdempotencyStore.Existing.Completed(stored.getValue())));
        MockHttpServletResponse replay = new MockHttpServletResponse();
        filter.doFilter(request("{}"), replay, (req, res) -> {
            throw new AssertionError("the controller must not run again");
        });
        assertThat(replay.getStatus()).isEqualTo(200);
        assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.getHeader("Idempotent-Body-Omitted")).isEqualTo("true");
        assertThat(replay.getContentAsByteArray()).isEmpty();
    }

    @Test
    void failingToStoreReleasesTheKey() throws Exception {
        doThrow(new IllegalStateException("db down")).when(store).complete(any(), anyString(), any());

        filter.doFilter(request("{}"), new MockHttpServletResponse(), (req, res) -> {});

        verify(store).release(new Owner(user, org), "key-1");
    }

    @Test
    void validatesKeys() {
        assertThat(IdempotencyFilter.isValidKey("a")).isTrue();
        assertThat(IdempotencyFilter.isValidKey("!~" + "x".repeat(198))).isTrue();
        assertThat(IdempotencyFilter.isValidKey("x".repeat(201))).isFalse();
        assertThat(IdempotencyFilter.isValidKey("")).isFalse();
        assertThat(IdempotencyFilter.isValidKey(null)).isFalse();
        assertThat(IdempotencyFilter.isValidKey("a b")).isFalse();
        assertThat(IdempotencyFilter.isValidKey("a\tb")).isFalse();
        assertThat(IdempotencyFilter.isValidKey("é")).isFalse();
    }

    @Test
    void fingerprintsMethodPathQueryAndBody() throws IOException {
        String base = fingerprint(request("POST", "/api/x", null, "{\"a\":1}"));

        assertThat(fingerprint(request("POST", "/api/x", null, "{\"a\":1}"))).isEqualTo(base);
        assertThat(fingerprint(request("POST", "/api/x", null, "{\"a\":2}"))).isNotEqualTo(base);
        assertThat(fingerprint(request("PUT", "/api/x", null, "{\"a\":1}"))).isNotEqualTo(base);
        assertThat(fingerprint(request("POST", "/api/y", null, "{\"a\":1}"))).isNotEqualTo(base);
        assertThat(fingerprint(request("POST", "/api/x", "q=1", "{\"a\":1}"))).isNotEqualTo(base);
        assertThat(base).hasSize(64);
    }

    @Test
    void aLargeBodyWithoutDeclaredLengthIsReplayedWholeAndFingerprintedByItsHeaders() throws IOException {
        byte[] body = new byte[LIMIT + 10];
        body[LIMIT + 9] = 42;
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/x") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContentType("application/octet-stream");
        chunked.setContent(body);

        HttpServletRequest readAhead = BufferedBodyRequest.readAhead(chunked, LIMIT);

        assertThat(BufferedBodyRequest.bodyOf(readAhead)).isNull();
        try (InputStream in = readAhead.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(readAhead.getInputStream().isFinished()).isTrue();
    }

    @Test
    void multipartAndFormBodiesAreLeftToTheContainer() throws IOException {
        MockHttpServletRequest multipart = request("POST", "/api/x", null, "--b--");
        multipart.setContentType("multipart/form-data; boundary=b");
        MockHttpServletRequest form = request("POST", "/api/x", null, "a=1");
        form.setContentType("application/x-www-form-urlencoded");

        assertThat(BufferedBodyRequest.readAhead(multipart, LIMIT)).isSameAs(multipart);
        assertThat(BufferedBodyRequest.readAhead(form, LIMIT)).isSameAs(form);
        assertThat(IdempotencyFilter.fingerprint(multipart)).hasSize(64);
    }

    @Test
    void aBufferedBodyCanAlsoBeReadAsText() throws IOException {
        HttpServletRequest readAhead =
                BufferedBodyRequest.readAhead(request("POST", "/api/x", null, "{\"name\":\"Ibadan\"}"), LIMIT);

        assertThat(readAhead.getReader().readLine()).isEqualTo("{\"name\":\"Ibadan\"}");
        assertThatThrownBy(readAhead::getInputStream).isInstanceOf(IllegalStateException.class);
    }

    private static String fingerprint(MockHttpServletRequest request) throws IOException {
        return IdempotencyFilter.fingerprint(BufferedBodyRequest.readAhead(request, LIMIT));
    }

    private static MockHttpServletRequest request(String body) {
        MockHttpServletRequest request = request("POST", "/api/things", null, body);
        request.addHeader("Idempotency-Key", "key-1");
        return request;
    }

    private static MockHttpServletRequest request(String method, String uri, String query, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setQueryString(query);
        request.setContentType("application/json");
        request.setCharacterEncoding("UTF-8");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
