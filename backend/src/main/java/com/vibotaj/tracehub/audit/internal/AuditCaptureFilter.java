package com.vibotaj.tracehub.audit.internal;

import com.vibotaj.tracehub.audit.internal.AuditEntry.ActorKind;
import com.vibotaj.tracehub.audit.internal.RouteObjects.ObjectRef;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every API request that may change state (any method but GET, HEAD and OPTIONS) and every
 * response served as an attachment (downloads, exports, audit packs), whatever its outcome: successes,
 * validation failures, denials (401 and 403 included, which Spring Security answers before any
 * controller runs) and errors.
 *
 * <p>Registered outside Spring Security (AuditConfiguration) so it sees the final status of every
 * response; {@link ActorCaptureFilter}, inside it, notes the caller. The entry is written synchronously
 * once the chain returns, in its own short transaction, so none is lost to a crash after the response;
 * the write costs one indexed insert. Bodies are never read or recorded.
 */
class AuditCaptureFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String REQUEST_ID_HEADER = "X-Request-ID";
    private static final String REQUEST_ID_MDC = "requestId";

    private final AuditWriter writer;
    private final KnownActors actors;
    private final Clock clock;

    AuditCaptureFilter(AuditWriter writer, KnownActors actors, Clock clock) {
        this.writer = writer;
        this.actors = actors;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant started = clock.instant();
        String requestId = requestId(response);
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!failed && request.isAsyncStarted()) {
                // A streamed response finishes on another thread: record it when it completes.
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        record(request, response, started, requestId, false);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {}

                    @Override
                    public void onError(AsyncEvent event) {}

                    @Override
                    public void onStartAsync(AsyncEvent event) {}
                });
            } else {
                record(request, response, started, requestId, failed);
            }
        }
    }

    private void record(
            HttpServletRequest request,
            HttpServletResponse response,
            Instant started,
            @Nullable String requestId,
            boolean failed) {
        if (!audited(request, response)) {
            return;
        }
        // An exception that escaped every handler becomes a 500 from the container.
        int status = failed && response.getStatus() < 400 ? 500 : response.getStatus();
        RequestActor actor = actor(request, status);
        ObjectRef object = object(request);
        writer.write(new AuditEntry(
                started,
                actor.organizationId(),
                actor.userId(),
                actor.email(),
                actor.isUser() ? ActorKind.USER : ActorKind.ANONYMOUS,
                action(request),
                object.type(),
                object.id(),
                status,
                null,
                request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT),
                requestId));
    }

    static boolean audited(HttpServletRequest request, HttpServletResponse response) {
        if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return true;
        }
        String disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        return disposition != null
                && disposition.strip().toLowerCase(Locale.ROOT).startsWith("attachment");
    }

    private RequestActor actor(HttpServletRequest request, int status) {
        if (request.getAttribute(RequestActor.ATTRIBUTE) instanceof RequestActor known) {
            return known;
        }
        String path = path(request);
        if (LoginEmailCapture.isLogin(request)) {
            String email = request.getAttribute(LoginEmailCapture.ATTRIBUTE) instanceof String tried ? tried : null;
            if (email == null) {
                return RequestActor.ANONYMOUS;
            }
            // Only a successful login proves who it was; a failed attempt keeps just the address tried.
            return (status < 300 ? actors.byLoginEmail(email) : java.util.Optional.<RequestActor>empty())
                    .orElse(new RequestActor(null, null, email));
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (path.startsWith("/api/auth/") && authorization != null) {
            return actors.byBearer(authorization).orElse(RequestActor.ANONYMOUS);
        }
        return RequestActor.ANONYMOUS;
    }

    /** Method and route pattern; a request that matched no route (or was refused before routing) keeps its path. */
    static String action(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        // No route (or only the catch-all of static resources): the path itself says what was asked for.
        String route = pattern instanceof String p && p.startsWith("/api/") ? p : path(request);
        return request.getMethod().toUpperCase(Locale.ROOT) + " " + route;
    }

    @SuppressWarnings("unchecked")
    private static ObjectRef object(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!(pattern instanceof String route) || !route.startsWith("/api/")) {
            return new ObjectRef(null, null);
        }
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return RouteObjects.of(route, variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of());
    }

    private static @Nullable String requestId(HttpServletResponse response) {
        String header = response.getHeader(REQUEST_ID_HEADER);
        return header != null ? header : MDC.get(REQUEST_ID_MDC);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
