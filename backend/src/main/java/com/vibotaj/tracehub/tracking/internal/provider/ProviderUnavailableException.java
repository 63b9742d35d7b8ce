package com.vibotaj.tracehub.tracking.internal.provider;

import org.jspecify.annotations.Nullable;

/** The provider failed transiently (5xx, timeout, connection error) and retries were used up; try again later. */
public class ProviderUnavailableException extends ProviderException {

    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String providerId, String message) {
        this(providerId, message, null);
    }

    public ProviderUnavailableException(String providerId, String message, @Nullable Throwable cause) {
        super(providerId, message, cause);
    }
}
