package com.vibotaj.tracehub.tracking.internal.provider;

import org.jspecify.annotations.Nullable;

/** The provider answered with something we cannot use (malformed or unexpected body, rejected request). */
public class ProviderResponseException extends ProviderException {

    private static final long serialVersionUID = 1L;

    public ProviderResponseException(String providerId, String message) {
        this(providerId, message, null);
    }

    public ProviderResponseException(String providerId, String message, @Nullable Throwable cause) {
        super(providerId, message, cause);
    }
}
