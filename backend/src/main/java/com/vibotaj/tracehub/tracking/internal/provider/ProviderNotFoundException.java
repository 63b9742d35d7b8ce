package com.vibotaj.tracehub.tracking.internal.provider;

import org.jspecify.annotations.Nullable;

/** The provider does not know the container (or reference); retrying soon will not help. */
public class ProviderNotFoundException extends ProviderException {

    private static final long serialVersionUID = 1L;

    public ProviderNotFoundException(String providerId, String message) {
        this(providerId, message, null);
    }

    public ProviderNotFoundException(String providerId, String message, @Nullable Throwable cause) {
        super(providerId, message, cause);
    }
}
