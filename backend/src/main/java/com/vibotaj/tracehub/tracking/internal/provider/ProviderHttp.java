package com.vibotaj.tracehub.tracking.internal.provider;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Runs one provider call with the rules every client shares: the client-side rate limit, retries with
 * exponential back-off for transient failures, waiting out short 429s, and translation of HTTP outcomes
 * into {@link ProviderException}s. Bodies are read as bytes so callers can keep them for the audit trail.
 */
public final class ProviderHttp {

    private final String providerId;
    private final RestClient restClient;
    private final TrackingProviderProperties.Http settings;
    private final ProviderRateLimiter rateLimiter;
    private final Sleeper sleeper;
    private final Clock clock;

    public ProviderHttp(
            String providerId,
            RestClient restClient,
            TrackingProviderProperties.Http settings,
            ProviderRateLimiter rateLimiter,
            Sleeper sleeper,
            Clock clock) {
        this.providerId = providerId;
        this.restClient = restClient;
        this.settings = settings;
        this.rateLimiter = rateLimiter;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** A RestClient on the JDK HTTP client with the configured timeouts and default headers. */
    public static RestClient restClient(
            String baseUrl, TrackingProviderProperties.Http settings, Consumer<HttpHeaders> defaultHeaders) {
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
        factory.setReadTimeout(settings.readTimeout());
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(factory)
                .defaultHeaders(defaultHeaders)
                .build();
    }

    /**
     * Sends an idempotent request (a read) built by {@code request} and returns the body of a 2xx answer.
     *
     * @param operation a short name for messages, e.g. "fetch reference updates"; never a URL with secrets
     */
    public byte[] execute(String operation, Function<RestClient, RestClient.RequestHeadersSpec<?>> request) {
        return execute(operation, true, request);
    }

    /**
     * Like {@link #execute(String, Function)}; a request that is not idempotent (creating a subscription) is
     * retried only when it certainly was not processed: refused with 429, or no connection was made. After
     * a 5xx or a read timeout it may have been, and a second subscription would be billed twice.
     */
    public byte[] execute(
            String operation, boolean idempotent, Function<RestClient, RestClient.RequestHeadersSpec<?>> request) {
        int attempt = 0;
        while (true) {
            attempt++;
            boolean lastAttempt = attempt >= settings.maxAttempts();
            Outcome outcome;
            try {
                rateLimiter.acquire(sleeper);
                outcome = request.apply(restClient)
                        .exchange((req, res) -> new Outcome(
                                res.getStatusCode().value(),
                                res.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                                res.getBody().readAllBytes()));
            } catch (ResourceAccessException e) {
                // Timeouts and connection failures: transient by nature.
                if (lastAttempt || (!idempotent && !neverConnected(e))) {
                    throw new ProviderUnavailableException(
                            providerId, operation + " failed after " + attempt + " attempts (I/O error)", e);
                }
                pause(backoff(attempt), operation);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException(providerId, operation + " interrupted", e);
            }
            if (outcome == null) {
                throw new ProviderResponseException(providerId, operation + " returned no response");
            }
            int status = outcome.status();
            if (status >= 200 && status < 300) {
                return outcome.body();
            }
            if (status == HttpStatus.NOT_FOUND.value()) {
                throw new ProviderNotFoundException(providerId, operation + ": not found");
            }
            if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
                Duration wait = retryAfter(outcome.retryAfter(), attempt);
                if (lastAttempt || wait.compareTo(settings.maxRetryAfterWait()) > 0) {
                    throw new ProviderRateLimitedException(providerId, wait);
                }
                pause(wait, operation);
                continue;
            }
            if (status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.FORBIDDEN.value()) {
                throw new ProviderConfigurationException(
                        providerId, operation + " was refused with " + status + "; check the API key");
            }
            if (status >= 500) {
                if (lastAttempt || !idempotent) {
                    throw new ProviderUnavailableException(
                            providerId, operation + " failed after " + attempt + " attempts (status " + status + ")");
                }
                pause(backoff(attempt), operation);
                continue;
            }
            throw new ProviderResponseException(providerId, operation + " was rejected with status " + status);
        }
    }

    private static boolean neverConnected(ResourceAccessException e) {
        Throwable cause = e.getCause();
        return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
    }

    /** Delay after the given failed attempt: base, 2 × base, 4 × base, ... */
    Duration backoff(int failedAttempt) {
        return settings.backoffBase().multipliedBy(1L << Math.min(failedAttempt - 1, 16));
    }

    private Duration retryAfter(@Nullable String header, int attempt) {
        if (header == null || header.isBlank()) {
            return backoff(attempt);
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return backoff(attempt);
            }
        }
    }

    private void pause(Duration duration, String operation) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(providerId, operation + " interrupted", e);
        }
    }

    private record Outcome(int status, @Nullable String retryAfter, byte[] body) {}
}
