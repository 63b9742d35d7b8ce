package com.vibotaj.tracehub.notifications.internal;

import com.vibotaj.tracehub.identity.Recipients;
import com.vibotaj.tracehub.identity.Recipients.Recipient;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who hears of what (product spec §6): the owner's users by role; the buyer organisation's users only
 * for shipments it buys; forwarders for the movements of shipments they handle; a supplier only about
 * its own documents (as their uploader). Everyone chosen is a member of one of the shipment's parties —
 * never anyone else.
 */
@Component
class Audience {

    /** Owner roles per kind; kinds not listed reach no owner role (e.g. approval goes to the uploader). */
    static Set<Role> ownerRoles(NotificationKind kind) {
        return switch (kind) {
            case DOCUMENT_UPLOADED, CERTIFICATE_EXPIRING -> EnumSet.of(Role.ADMIN, Role.COMPLIANCE);
            case COMPLIANCE_CHANGED -> EnumSet.of(Role.ADMIN, Role.COMPLIANCE, Role.LOGISTICS);
            case SHIPMENT_ETA_CHANGED, SHIPMENT_DEPARTED, SHIPMENT_ARRIVED, SHIPMENT_CUSTOMS_HOLD, SHIPMENT_DELIVERED ->
                EnumSet.of(Role.ADMIN, Role.COMPLIANCE, Role.LOGISTICS, Role.VIEWER);
            case INVITATION_ACCEPTED -> EnumSet.of(Role.ADMIN);
            default -> EnumSet.noneOf(Role.class);
        };
    }

    /** Whether the buyer organisation's users hear of it (for the shipments it buys only). */
    static boolean buyerHears(NotificationKind kind) {
        return kind == NotificationKind.COMPLIANCE_CHANGED || movement(kind);
    }

    /** Whether forwarder parties hear of it: the shipment's movements. */
    static boolean forwarderHears(NotificationKind kind) {
        return movement(kind);
    }

    private static boolean movement(NotificationKind kind) {
        return switch (kind) {
            case SHIPMENT_ETA_CHANGED, SHIPMENT_DEPARTED, SHIPMENT_ARRIVED, SHIPMENT_CUSTOMS_HOLD, SHIPMENT_DELIVERED ->
                true;
            default -> false;
        };
    }

    private final Recipients recipients;

    Audience(Recipients recipients) {
        this.recipients = recipients;
    }

    /** The people to tell about a shipment event, except {@code actor} (who did it). */
    List<Recipient> forShipment(NotificationKind kind, ShipmentFacts.Facts shipment, @Nullable UUID actor) {
        Set<Role> roles = ownerRoles(kind);
        List<Recipient> chosen = new ArrayList<>();
        if (!roles.isEmpty()) {
            chosen.addAll(select(shipment.organizationId(), r -> roles.contains(r.role())));
        }
        UUID buyer = shipment.buyerOrganizationId();
        if (buyerHears(kind) && buyer != null && !buyer.equals(shipment.organizationId())) {
            chosen.addAll(select(buyer, r -> true));
        }
        if (forwarderHears(kind)) {
            for (UUID forwarder : shipment.logisticsOrganizationIds()) {
                chosen.addAll(select(forwarder, r -> true));
            }
        }
        return chosen.stream().filter(r -> !r.userId().equals(actor)).toList();
    }

    /**
     * The uploader of a document, found among the shipment's parties only (the owner first, then its
     * suppliers and forwarders): an uploader who left every party hears nothing.
     */
    Optional<Recipient> uploader(ShipmentFacts.Facts shipment, UUID userId) {
        List<UUID> parties = new ArrayList<>();
        parties.add(shipment.organizationId());
        parties.addAll(shipment.supplierOrganizationIds());
        parties.addAll(shipment.logisticsOrganizationIds());
        for (UUID org : parties) {
            Optional<Recipient> found = recipients.member(org, userId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** An organisation's members of some roles (invitations: the admins). */
    List<Recipient> members(UUID organizationId, Set<Role> roles) {
        return select(organizationId, r -> roles.contains(r.role()));
    }

    Optional<Recipient> member(UUID organizationId, UUID userId) {
        return recipients.member(organizationId, userId);
    }

    private List<Recipient> select(UUID organizationId, Predicate<Recipient> which) {
        return recipients.members(organizationId).stream().filter(which).toList();
    }
}
