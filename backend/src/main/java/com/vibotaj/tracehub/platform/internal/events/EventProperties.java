package com.vibotaj.tracehub.platform.internal.events;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox redelivers and cleans up.
 *
 * @param redelivery when failed publications are tried again
 * @param completedRetention how long completed publications stay for diagnosis
 */
@Validated
@ConfigurationProperties("tracehub.events")
record EventProperties(
        @NotNull Redelivery redelivery, @NotNull Duration completedRetention) {

    /**
     * @param interval how often the redelivery job looks for failed publications
     * @param backoffBase the wait after the first failure; it doubles with every further attempt
     * @param backoffMax the longest wait between two attempts
     */
    record Redelivery(
            @NotNull Duration interval,
            @NotNull Duration backoffBase,
            @NotNull Duration backoffMax) {}
}
