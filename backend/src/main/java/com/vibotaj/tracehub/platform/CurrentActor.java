package com.vibotaj.tracehub.platform;

import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller of an API request, as asserted by the access token.
 *
 * @param userId the user
 * @param organizationId the organisation the user acts for
 * @param role the user's role in that organisation (lower case, e.g. {@code admin})
 */
public record CurrentActor(UUID userId, UUID organizationId, String role) {

    /**
     * The caller of the current request.
     *
     * @throws IllegalStateException when called outside an authenticated request; security rules make
     *     that a programming error, not a client error
     */
    public static CurrentActor require() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            TenantScope scope = TenantContext.fromAuthentication(jwt);
            String role = jwt.getToken().getClaimAsString(AccessTokenClaims.ROLE);
            if (scope.userId() != null && scope.organizationId() != null && role != null) {
                return new CurrentActor(scope.userId(), scope.organizationId(), role);
            }
        }
        throw new IllegalStateException("No authenticated caller");
    }
}
