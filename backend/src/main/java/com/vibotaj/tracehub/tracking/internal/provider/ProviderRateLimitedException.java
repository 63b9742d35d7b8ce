package com.vibotaj.tracehub.tracking.internal.provider;

import java.time.Duration;

/** The provider refused with 429 and asked us to wait longer than the client is willing to block. */
public class ProviderRateLimitedException extends ProviderException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public ProviderRateLimitedException(String providerId, Duration retryAfter) {
        super(providerId, "rate limited, retry after " + retryAfter, null);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked us to wait before the next call. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
