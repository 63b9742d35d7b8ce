package com.vibotaj.tracehub.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the database may show the current unit of work. Every transaction publishes these values as
 * transaction-local PostgreSQL settings, and the row-level security policies filter on them.
 *
 * @param organizationId the organisation acting (its rows are visible), or null
 * @param userId the user acting (their own identity rows are visible), or null
 * @param lookupEmail an e-mail address being authenticated or invited (that user row is visible), or null
 * @param lookupToken the SHA-256 hex of a bearer secret presented (refresh token or invitation), or null
 */
public record TenantScope(
        @Nullable UUID organizationId,
        @Nullable UUID userId,
        @Nullable String lookupEmail,
        @Nullable String lookupToken) {

    /** Sees nothing tenant-owned: the fail-closed default. */
    public static final TenantScope NONE = new TenantScope(null, null, null, null);

    public static TenantScope of(UUID organizationId, UUID userId) {
        return new TenantScope(organizationId, userId, null, null);
    }

    public static TenantScope organization(UUID organizationId) {
        return new TenantScope(organizationId, null, null, null);
    }

    public static TenantScope user(UUID userId) {
        return new TenantScope(null, userId, null, null);
    }

    public static TenantScope lookupEmail(String email) {
        return new TenantScope(null, null, email.trim().toLowerCase(java.util.Locale.ROOT), null);
    }

    public static TenantScope lookupToken(String tokenHash) {
        return new TenantScope(null, null, null, tokenHash);
    }

    public TenantScope withLookupEmail(String email) {
        return new TenantScope(organizationId, userId, email.trim().toLowerCase(java.util.Locale.ROOT), lookupToken);
    }
}
