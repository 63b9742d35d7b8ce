package com.vibotaj.tracehub.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Secrets of the platform; set them from the environment or a {@code *_FILE} variable only.
 *
 * @param jwtSecret HMAC key signing access tokens (at least 32 characters; no default outside the local
 *     and test profiles)
 * @param metricsPassword password of the {@code metrics} user allowed to scrape {@code
 *     /actuator/prometheus}; when unset, metrics are not reachable over HTTP at all
 */
@Validated
@ConfigurationProperties("tracehub.security")
public record SecurityProperties(
        @NotBlank @Size(min = 32, message = "must be at least 32 characters")
        String jwtSecret,

        @Nullable String metricsPassword) {}
