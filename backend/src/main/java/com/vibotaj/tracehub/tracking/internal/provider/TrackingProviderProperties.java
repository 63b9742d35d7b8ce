package com.vibotaj.tracehub.tracking.internal.provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tracking provider settings. A provider client exists only when its API key is set; with no key at all
 * the simulator is the active provider.
 *
 * @param vizion Vizion (push and pull)
 * @param jsoncargo JSONCargo (pull snapshots)
 * @param simulator the simulated provider
 */
@Validated
@ConfigurationProperties("tracehub.tracking")
public record TrackingProviderProperties(
        @Valid @NotNull Vizion vizion,
        @Valid @NotNull JsonCargo jsoncargo,
        @Valid @NotNull Simulator simulator) {

    /**
     * How a client talks to its provider.
     *
     * @param requestsPerMinute client-side limit, kept below the provider's own so we are not the cause of 429s
     * @param connectTimeout time to establish a connection
     * @param readTimeout time to wait for a response
     * @param maxAttempts attempts per call, including the first, for transient failures (5xx, timeouts)
     * @param backoffBase delay before the second attempt; doubled for every further one
     * @param maxRetryAfterWait the longest a 429 Retry-After is waited out inside the call; longer waits are
     *     handed to the caller as a rate-limited failure
     */
    public record Http(
            @Min(1) int requestsPerMinute,
            @NotNull Duration connectTimeout,
            @NotNull Duration readTimeout,
            @Min(1) int maxAttempts,
            @NotNull Duration backoffBase,
            @NotNull Duration maxRetryAfterWait) {}

    /**
     * @param baseUrl API root
     * @param apiKey API key; Vizion is used only when this is set
     * @param webhookSecret shared secret for the HMAC signature of webhook deliveries
     * @param callbackUrl our public webhook URL handed to Vizion when a container is subscribed
     * @param http client behaviour
     */
    public record Vizion(
            @NotBlank String baseUrl,
            @Nullable String apiKey,
            @Nullable String webhookSecret,
            @Nullable String callbackUrl,
            @Valid @NotNull Http http) {}

    /**
     * @param baseUrl API root
     * @param apiKey API key; JSONCargo is used only when this is set
     * @param http client behaviour
     */
    public record JsonCargo(
            @NotBlank String baseUrl,
            @Nullable String apiKey,
            @Valid @NotNull Http http) {}

    /** @param speed real time that plays one simulated day (60s plays a 24-day voyage in 24 minutes) */
    public record Simulator(@NotNull Duration speed) {}
}
