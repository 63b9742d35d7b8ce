package com.vibotaj.tracehub.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Identity settings.
 *
 * @param accessTokenTtl lifetime of an access token; also the longest a revoked user keeps access
 * @param refreshTokenTtl lifetime of a refresh token family since its last use
 * @param refreshCookieSecure mark the refresh cookie Secure (only the plain-http local run turns it off)
 * @param invitationTtl how long an invitation link stays valid
 * @param login login rate limits
 */
@Validated
@ConfigurationProperties("tracehub.identity")
public record IdentityProperties(
        @NotNull Duration accessTokenTtl,
        @NotNull Duration refreshTokenTtl,
        boolean refreshCookieSecure,
        @NotNull Duration invitationTtl,
        @Valid @NotNull Login login) {

    /**
     * Failed logins allowed before further attempts are refused with 429 for the rest of the window.
     *
     * @param maxFailuresPerAccount per e-mail address
     * @param maxFailuresPerAddress per client IP address (stops spraying many accounts)
     * @param window the sliding window the failures are counted in
     */
    public record Login(
            @Min(1) int maxFailuresPerAccount,
            @Min(1) int maxFailuresPerAddress,
            @NotNull Duration window) {}
}
