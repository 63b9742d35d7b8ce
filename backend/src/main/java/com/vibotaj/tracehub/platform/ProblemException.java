package com.vibotaj.tracehub.platform;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can understand and act on, answered as RFC 9457 problem+json. Modules extend it
 * with named exceptions and static factories; the message becomes the {@code detail}, so it must be
 * written for the user and never contain internals.
 */
public abstract class ProblemException extends RuntimeException {

    /** Base of every problem {@code type}; stable, documented in docs/api/problems.md. */
    public static final String TYPE_BASE = "https://tracehub.vibotaj.com/problems/";

    private final HttpStatus status;
    private final String kind;
    private final String title;

    protected ProblemException(HttpStatus status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_BASE + kind);
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem document; none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** Extra response headers (e.g. Retry-After); none by default. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }
}
