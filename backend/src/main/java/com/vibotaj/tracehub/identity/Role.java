package com.vibotaj.tracehub.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A member's role in one organisation, and the permissions it grants (product spec §1). An admin holds
 * every permission, so it outranks every other role; the others are peers that nobody may grant
 * beyond their own.
 */
@Schema(enumAsRef = true)
public enum Role {
    ADMIN(Set.of(
            Permission.USERS_MANAGE,
            Permission.SETTINGS_MANAGE,
            Permission.SHIPMENTS_READ,
            Permission.SHIPMENTS_WRITE,
            Permission.DOCUMENTS_UPLOAD,
            Permission.DOCUMENTS_REVIEW,
            Permission.COMPLIANCE_OVERRIDE,
            Permission.EUDR_MANAGE,
            Permission.EUDR_ORIGINS_SUBMIT,
            Permission.EUDR_DDS_RECORD,
            Permission.TRACKING_REFRESH,
            Permission.AUDIT_READ,
            Permission.AUDIT_PACK_DOWNLOAD,
            Permission.ANALYTICS_READ)),
    COMPLIANCE(Set.of(
            Permission.SHIPMENTS_READ,
            Permission.DOCUMENTS_REVIEW,
            Permission.COMPLIANCE_OVERRIDE,
            Permission.EUDR_MANAGE,
            Permission.AUDIT_READ,
            Permission.AUDIT_PACK_DOWNLOAD,
            Permission.ANALYTICS_READ)),
    LOGISTICS(Set.of(
            Permission.SHIPMENTS_READ,
            Permission.SHIPMENTS_WRITE,
            Permission.DOCUMENTS_UPLOAD,
            Permission.TRACKING_REFRESH,
            Permission.ANALYTICS_READ)),
    BUYER(Set.of(Permission.SHIPMENTS_READ, Permission.AUDIT_PACK_DOWNLOAD, Permission.EUDR_DDS_RECORD)),
    SUPPLIER(Set.of(Permission.SHIPMENTS_READ, Permission.DOCUMENTS_UPLOAD, Permission.EUDR_ORIGINS_SUBMIT)),
    VIEWER(Set.of(Permission.SHIPMENTS_READ, Permission.ANALYTICS_READ));

    private final Set<String> permissions;

    Role(Set<String> permissions) {
        this.permissions = permissions;
    }

    public Set<String> permissions() {
        return permissions;
    }

    /** Higher ranks may do more; used to stop anyone from raising their own role. */
    public boolean outranks(Role other) {
        return permissions.containsAll(other.permissions) && !other.permissions.containsAll(permissions);
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String value) {
        return Arrays.stream(values())
                .filter(r -> r.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role " + value));
    }
}
