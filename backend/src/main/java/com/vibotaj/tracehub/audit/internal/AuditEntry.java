package com.vibotaj.tracehub.audit.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audit log entry as written. Never carries a request or response body.
 *
 * @param actorEmail the actor's e-mail when known without a lookup (e.g. the address a login tried);
 *     for authenticated users the writer reads it from the user's own row
 * @param result the HTTP status of the response, or 0 for system actions that have none
 * @param detail a short, non-secret description for system actions (e.g. "status in_transit → arrived
 *     (tracking)"); null for requests
 */
public record AuditEntry(
        Instant occurredAt,
        @Nullable UUID organizationId,
        @Nullable UUID actorUserId,
        @Nullable String actorEmail,
        ActorKind actorKind,
        String action,
        @Nullable String objectType,
        @Nullable String objectId,
        int result,
        @Nullable String detail,
        @Nullable String ip,
        @Nullable String userAgent,
        @Nullable String requestId) {

    /** Who acted: a signed-in user, an unauthenticated caller (login, webhooks) or the system itself. */
    public enum ActorKind {
        USER,
        ANONYMOUS,
        SYSTEM;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
