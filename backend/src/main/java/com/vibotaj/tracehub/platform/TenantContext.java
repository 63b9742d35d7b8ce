package com.vibotaj.tracehub.platform;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The single source of the tenant for database work. By default it is the authenticated caller
 * (claims {@code sub} and {@code org} of the access token); system work (login, invitations, demo
 * data, jobs) states its scope explicitly with {@link #callAs}.
 *
 * <p>The scope is read when a transaction begins, so it must be chosen before the transaction opens:
 * {@link #callAs} refuses to run inside an active transaction rather than silently having no effect.
 */
public final class TenantContext {

    private static final ThreadLocal<TenantScope> EXPLICIT = new ThreadLocal<>();

    private TenantContext() {}

    /** Runs {@code work} with {@code scope}; restores the previous scope afterwards. */
    public static <T> T callAs(TenantScope scope, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Tenant scope must be chosen before a transaction begins");
        }
        TenantScope previous = EXPLICIT.get();
        EXPLICIT.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    public static void runAs(TenantScope scope, Runnable work) {
        callAs(scope, () -> {
            work.run();
            return null;
        });
    }

    /** The scope the next transaction on this thread will use. */
    public static TenantScope current() {
        TenantScope explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit;
        }
        return fromAuthentication(SecurityContextHolder.getContext().getAuthentication());
    }

    static TenantScope fromAuthentication(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            UUID user = parse(jwt.getToken().getSubject());
            UUID org = parse(jwt.getToken().getClaimAsString(AccessTokenClaims.ORGANIZATION));
            if (user != null && org != null) {
                return TenantScope.of(org, user);
            }
        }
        return TenantScope.NONE;
    }

    private static UUID parse(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
