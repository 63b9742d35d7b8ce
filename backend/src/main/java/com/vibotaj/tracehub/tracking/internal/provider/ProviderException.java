package com.vibotaj.tracehub.tracking.internal.provider;

import org.jspecify.annotations.Nullable;

/**
 * A provider call failed. Subclasses say what the caller can do about it; messages never contain
 * response bodies or API keys, so they are safe to log and to show to admins.
 */
public abstract class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String providerId;

    protected ProviderException(String providerId, String message, @Nullable Throwable cause) {
        super(providerId + ": " + message, cause);
        this.providerId = providerId;
    }

    public String providerId() {
        return providerId;
    }
}
