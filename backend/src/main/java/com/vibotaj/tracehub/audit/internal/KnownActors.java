package com.vibotaj.tracehub.audit.internal;

import com.vibotaj.tracehub.platform.AccessTokenClaims;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Names the user behind the public auth endpoints, which Spring Security deliberately leaves
 * unauthenticated: a successful login is attributed to the account whose address was tried, a logout to
 * the access token the client still sends. Either way the entry then belongs to the user's organisation,
 * whose admins see their sign-ins and sign-outs.
 */
@Component
class KnownActors {

    private final ScopedTransactions transactions;
    private final JdbcClient jdbc;
    private final JwtDecoder tokens;

    KnownActors(ScopedTransactions transactions, JdbcClient jdbc, JwtDecoder tokens) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    /** The account and primary organisation of a login address (only called after a successful login). */
    Optional<RequestActor> byLoginEmail(String email) {
        Optional<UUID> user = transactions.read(
                TenantScope.lookupEmail(email),
                () -> jdbc.sql("SELECT id FROM app_user WHERE email = app_lookup_email()")
                        .query(UUID.class)
                        .optional());
        return user.flatMap(id -> transactions
                .read(
                        TenantScope.user(id),
                        () -> jdbc.sql("SELECT organization_id FROM membership WHERE user_id = :user AND is_primary")
                                .param("user", id)
                                .query(UUID.class)
                                .optional())
                .map(org -> new RequestActor(id, org, null)));
    }

    /** The caller named by a still-valid bearer token, if the request carries one. */
    Optional<RequestActor> byBearer(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            Jwt jwt = tokens.decode(authorization.substring(7).strip());
            return Optional.of(new RequestActor(
                    UUID.fromString(jwt.getSubject()),
                    UUID.fromString(jwt.getClaimAsString(AccessTokenClaims.ORGANIZATION)),
                    null));
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
