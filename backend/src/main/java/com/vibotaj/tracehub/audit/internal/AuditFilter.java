package com.vibotaj.tracehub.audit.internal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A search of the audit log; every field is optional and they combine with AND.
 *
 * @param actorUserId entries by this user
 * @param actorEmail entries by this e-mail address (also finds failed logins that tried it)
 * @param action exact action, e.g. {@code POST /api/shipments/{id}/status}
 * @param result outcome: a status code, or a class ({@link ResultClass})
 * @param from inclusive lower bound of the time
 * @param to exclusive upper bound of the time
 */
public record AuditFilter(
        @Nullable UUID actorUserId,
        @Nullable String actorEmail,
        @Nullable String action,
        @Nullable String objectType,
        @Nullable String objectId,
        @Nullable Result result,
        @Nullable OffsetDateTime from,
        @Nullable OffsetDateTime to) {

    /** Outcome classes a search may ask for instead of one status code. */
    public enum ResultClass {
        /** Anything below 400, including system actions (result 0). */
        SUCCESS,
        /** Any status of 400 and above: validation failures, denials, conflicts, errors. */
        FAILURE,
        /** Refused: 401 or 403. */
        DENIED
    }

    /** Either a status code or a class. */
    public record Result(@Nullable Integer status, @Nullable ResultClass resultClass) {}
}
