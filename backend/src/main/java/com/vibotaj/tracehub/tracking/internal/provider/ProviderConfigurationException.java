package com.vibotaj.tracehub.tracking.internal.provider;

import org.jspecify.annotations.Nullable;

/** The call cannot be made as configured: a missing carrier, an unsupported carrier, a rejected API key. */
public class ProviderConfigurationException extends ProviderException {

    private static final long serialVersionUID = 1L;

    public ProviderConfigurationException(String providerId, String message) {
        this(providerId, message, null);
    }

    public ProviderConfigurationException(String providerId, String message, @Nullable Throwable cause) {
        super(providerId, message, cause);
    }
}
