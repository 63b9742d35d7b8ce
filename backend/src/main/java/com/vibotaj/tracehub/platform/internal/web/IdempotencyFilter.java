package com.vibotaj.tracehub.platform.internal.web;

import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.internal.web.IdempotencyStore.Existing;
import com.vibotaj.tracehub.platform.internal.web.IdempotencyStore.Owner;
import com.vibotaj.tracehub.platform.internal.web.IdempotencyStore.StoredResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes mutating API requests safe to retry (docs/api/idempotency.md): a request sent with an {@code
 * Idempotency-Key} by an authenticated user runs at most once per key; a retry with the same key and the
 * same request gets the stored response, marked {@code Idempotent-Replayed: true}, without running the
 * controller again.
 *
 * <p>Registered after Spring Security's filter chain (IdempotencyConfiguration), so the caller is known;
 * requests without the header or without an authenticated user pass through untouched.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final String BODY_OMITTED_HEADER = "Idempotent-Body-Omitted";
    /** Request bodies up to this size are hashed; responses up to this size are stored. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    static final int MAX_KEY_LENGTH = 200;
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Response headers replayed along with the body. */
    private static final Set<String> REPLAYED_HEADERS = Set.of(HttpHeaders.LOCATION, HttpHeaders.CACHE_CONTROL);

    private static final int CLAIM_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MUTATING.contains(request.getMethod())
                || !path(request).startsWith("/api/")
                || request.getHeader(KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Owner owner = owner();
        if (owner == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(KEY_HEADER);
        if (!isValidKey(key)) {
            writeProblem(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "invalid-idempotency-key",
                    "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters.");
            return;
        }
        HttpServletRequest readAhead = BufferedBodyRequest.readAhead(request, MAX_BODY_BYTES);
        String fingerprint = fingerprint(readAhead);

        Optional<Existing> existing = claimOrFind(owner, key, fingerprint);
        if (existing.isPresent()) {
            answerFromExisting(existing.get(), response);
            return;
        }
        CapturingResponse capturing = new CapturingResponse(response, MAX_BODY_BYTES);
        boolean failed = true;
        try {
            chain.doFilter(readAhead, capturing);
            failed = false;
        } finally {
            finish(owner, key, request, capturing, failed);
        }
    }

    /** Empty when this request now owns the key; otherwise what the key already holds. */
    private Optional<Existing> claimOrFind(Owner owner, String key, String fingerprint) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (store.claim(owner, key, fingerprint)) {
                return Optional.empty();
            }
            Optional<Existing> existing = store.find(owner, key, fingerprint);
            if (existing.isPresent()) {
                return existing;
            }
            // Released or expired between the two statements: try to claim it again.
        }
        return Optional.of(new Existing.InProgress());
    }

    private void answerFromExisting(Existing existing, HttpServletResponse response) throws IOException {
        if (existing instanceof Existing.Completed completed) {
            replay(completed.response(), response);
        } else if (existing instanceof Existing.InProgress) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            writeProblem(
                    response,
                    HttpStatus.CONFLICT,
                    "idempotency-in-progress",
                    "Request in progress",
                    "A request with this Idempotency-Key is still being processed. Retry shortly.");
        } else {
            writeProblem(
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request.");
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        byte[] body = stored.body();
        if (body == null) {
            response.setHeader(BODY_OMITTED_HEADER, "true");
            response.setContentLength(0);
            return;
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void finish(
            Owner owner, String key, HttpServletRequest request, CapturingResponse response, boolean failed) {
        IdempotencyOutcome outcome = IdempotencyOutcome.decide(
                response.getStatus(), failed, response.errorSent(), request.isAsyncStarted(), response.overflowed());
        try {
            if (outcome == IdempotencyOutcome.RELEASE) {
                store.release(owner, key);
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : REPLAYED_HEADERS) {
                String value = response.getHeader(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            byte[] body = outcome == IdempotencyOutcome.STORE ? response.body() : null;
            store.complete(
                    owner, key, new StoredResponse(response.getStatus(), response.getContentType(), headers, body));
        } catch (RuntimeException e) {
            // The response has been sent; a record left in progress expires after 24 hours.
            log.warn("Could not record the outcome of Idempotency-Key request", e);
            try {
                store.release(owner, key);
            } catch (RuntimeException again) {
                log.warn("Could not release the Idempotency-Key record either", again);
            }
        }
    }

    private static @Nullable Owner owner() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)) {
            return null;
        }
        try {
            CurrentActor actor = CurrentActor.require();
            return new Owner(actor.userId(), actor.organizationId());
        } catch (IllegalStateException e) {
            return null;
        }
    }

    static boolean isValidKey(@Nullable String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    /**
     * SHA-256 of method, path, query and body; for a body that was not read ahead (multipart, form,
     * over 1 MiB) its declared length and type stand in for it.
     */
    static String fingerprint(HttpServletRequest request) {
        MessageDigest digest = sha256();
        update(digest, request.getMethod());
        update(digest, path(request));
        update(digest, request.getQueryString() == null ? "" : request.getQueryString());
        byte[] body = BufferedBodyRequest.bodyOf(request);
        if (body != null) {
            update(digest, "body");
            digest.update(body);
        } else {
            update(digest, "unbuffered");
            update(digest, Long.toString(request.getContentLengthLong()));
            update(digest, request.getContentType() == null ? "" : request.getContentType());
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private void writeProblem(HttpServletResponse response, HttpStatus status, String kind, String title, String detail)
            throws IOException {
        ProblemDetail problem = Problems.of(status, kind, title, detail);
        if (status == HttpStatus.CONFLICT) {
            problem.setProperty("retryAfterSeconds", 1);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
