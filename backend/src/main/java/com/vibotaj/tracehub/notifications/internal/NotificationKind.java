package com.vibotaj.tracehub.notifications.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.Optional;

/**
 * The event kinds a user can be told about. Their keys are stable: preferences and the web client store
 * them. {@code emailByDefault} is the e-mail preference of a user who never chose; in-app is on by default.
 */
@Schema(enumAsRef = true)
public enum NotificationKind {
    DOCUMENT_UPLOADED("document.uploaded", false, true),
    DOCUMENT_APPROVED("document.approved", true, true),
    DOCUMENT_REJECTED("document.rejected", true, true),
    COMPLIANCE_CHANGED("compliance.changed", true, true),
    SHIPMENT_ETA_CHANGED("shipment.eta-changed", true, true),
    SHIPMENT_DEPARTED("shipment.departed", true, true),
    SHIPMENT_ARRIVED("shipment.arrived", true, true),
    SHIPMENT_CUSTOMS_HOLD("shipment.customs-hold", true, true),
    SHIPMENT_DELIVERED("shipment.delivered", true, true),
    CERTIFICATE_EXPIRING("certificate.expiring", true, true),
    /** E-mail only, to the invitee, who is not a user yet: no preference applies. */
    INVITATION_CREATED("invitation.created", true, false),
    INVITATION_ACCEPTED("invitation.accepted", true, true);

    private final String key;
    private final boolean emailByDefault;
    private final boolean configurable;

    NotificationKind(String key, boolean emailByDefault, boolean configurable) {
        this.key = key;
        this.emailByDefault = emailByDefault;
        this.configurable = configurable;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public boolean emailByDefault() {
        return emailByDefault;
    }

    /** Whether users choose channels for it (all but the invitation mail to a non-user). */
    public boolean configurable() {
        return configurable;
    }

    public static Optional<NotificationKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
