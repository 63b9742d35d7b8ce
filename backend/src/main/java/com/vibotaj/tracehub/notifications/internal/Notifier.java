package com.vibotaj.tracehub.notifications.internal;

import com.vibotaj.tracehub.compliance.ComplianceEvaluated;
import com.vibotaj.tracehub.compliance.DocumentExpiring;
import com.vibotaj.tracehub.documents.DocumentChanged;
import com.vibotaj.tracehub.documents.DocumentStatus;
import com.vibotaj.tracehub.identity.InvitationAccepted;
import com.vibotaj.tracehub.identity.InvitationCreated;
import com.vibotaj.tracehub.identity.Recipients.Recipient;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.ShipmentEtaChanged;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import com.vibotaj.tracehub.shipments.ShipmentStatusChanged;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns domain events into notices for the right people ({@link NotificationListeners} calls it after
 * commit). Must run outside a transaction: every read and write chooses its tenant scope explicitly
 * (the owner's to read the shipment, each recipient organisation's to write its notifications). A
 * failure is logged, counted and rethrown, so the event publication registry can retry it.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH);

    private final ScopedTransactions tx;
    private final ShipmentFacts shipments;
    private final Audience audience;
    private final Dispatcher dispatcher;
    private final MailOutbox outbox;
    private final MeterRegistry meters;

    Notifier(
            ScopedTransactions tx,
            ShipmentFacts shipments,
            Audience audience,
            Dispatcher dispatcher,
            MailOutbox outbox,
            MeterRegistry meters) {
        this.tx = tx;
        this.shipments = shipments;
        this.audience = audience;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.meters = meters;
    }

    public void on(ShipmentStatusChanged event) {
        NotificationKind kind = switch (event.to()) {
            case IN_TRANSIT -> NotificationKind.SHIPMENT_DEPARTED;
            case ARRIVED -> NotificationKind.SHIPMENT_ARRIVED;
            case CUSTOMS -> NotificationKind.SHIPMENT_CUSTOMS_HOLD;
            case DELIVERED -> NotificationKind.SHIPMENT_DELIVERED;
            default -> null;
        };
        if (kind == null || event.from() == event.to()) {
            return;
        }
        guarded(
                kind,
                () -> shipment(event.organizationId(), event.shipmentId()).ifPresent(s -> {
                    String what = switch (kind) {
                        case SHIPMENT_DEPARTED -> "has departed";
                        case SHIPMENT_ARRIVED -> "has arrived";
                        case SHIPMENT_CUSTOMS_HOLD -> "is held at customs";
                        default -> "has been delivered";
                    };
                    List<Notice.Fact> facts = new ArrayList<>(shipmentFacts(s));
                    if (event.reason() != null && !event.reason().isBlank()) {
                        facts.add(new Notice.Fact("Reason", event.reason()));
                    }
                    Notice notice = new Notice(
                            kind,
                            s.id(),
                            "Shipment " + s.reference() + " " + what,
                            "Shipment " + s.reference() + " " + what + " (" + event.source() + ").",
                            facts,
                            shipmentLink(s.id()));
                    dispatcher.dispatch(notice, audience.forShipment(kind, s, null));
                }));
    }

    public void on(ShipmentEtaChanged event) {
        NotificationKind kind = NotificationKind.SHIPMENT_ETA_CHANGED;
        guarded(
                kind,
                () -> shipment(event.organizationId(), event.shipmentId()).ifPresent(s -> {
                    List<Notice.Fact> facts = new ArrayList<>(shipmentFacts(s));
                    facts.add(new Notice.Fact("Previous ETA", when(event.previousEta())));
                    facts.add(new Notice.Fact("New ETA", when(event.newEta())));
                    Notice notice = new Notice(
                            kind,
                            s.id(),
                            "ETA of " + s.reference() + " changed",
                            "The ETA of shipment " + s.reference() + " moved from " + when(event.previousEta()) + " to "
                                    + when(event.newEta()) + ".",
                            facts,
                            shipmentLink(s.id()));
                    dispatcher.dispatch(notice, audience.forShipment(kind, s, null));
                }));
    }

    public void on(DocumentChanged event) {
        NotificationKind kind;
        if (event.from() == null) {
            kind = NotificationKind.DOCUMENT_UPLOADED;
        } else if (event.from() != event.to() && event.to() == DocumentStatus.APPROVED) {
            kind = NotificationKind.DOCUMENT_APPROVED;
        } else if (event.from() != event.to() && event.to() == DocumentStatus.REJECTED) {
            kind = NotificationKind.DOCUMENT_REJECTED;
        } else {
            return;
        }
        guarded(
                kind,
                () -> shipment(event.organizationId(), event.shipmentId()).ifPresent(s -> {
                    String type = humanType(event.type());
                    List<Notice.Fact> facts = new ArrayList<>();
                    facts.add(new Notice.Fact("Document", type));
                    facts.addAll(shipmentFacts(s));
                    String link = shipmentLink(s.id()) + "?tab=documents";
                    List<Recipient> to;
                    Notice notice;
                    switch (kind) {
                        case DOCUMENT_UPLOADED -> {
                            notice = new Notice(
                                    kind,
                                    s.id(),
                                    capitalised(type) + " uploaded for " + s.reference(),
                                    "A new " + type + " was uploaded for shipment " + s.reference()
                                            + " and awaits review.",
                                    facts,
                                    link);
                            to = audience.forShipment(kind, s, event.uploadedBy());
                        }
                        case DOCUMENT_APPROVED -> {
                            notice = new Notice(
                                    kind,
                                    s.id(),
                                    capitalised(type) + " approved for " + s.reference(),
                                    "The " + type + " you uploaded for shipment " + s.reference() + " was approved.",
                                    facts,
                                    link);
                            to = uploaderUnlessActor(s, event);
                        }
                        default -> {
                            String reason = event.reason() == null ? "No reason given" : event.reason();
                            facts.add(new Notice.Fact("Reason", reason));
                            notice = new Notice(
                                    kind,
                                    s.id(),
                                    capitalised(type) + " rejected for " + s.reference(),
                                    "The " + type + " you uploaded for shipment " + s.reference() + " was rejected: "
                                            + reason,
                                    facts,
                                    link);
                            to = uploaderUnlessActor(s, event);
                        }
                    }
                    dispatcher.dispatch(notice, to);
                }));
    }

    public void on(ComplianceEvaluated event) {
        // A first evaluation is no change, and a recompute with the same result tells nobody anything.
        if (event.previousOverall() == null || event.previousOverall() == event.overall()) {
            return;
        }
        NotificationKind kind = NotificationKind.COMPLIANCE_CHANGED;
        guarded(
                kind,
                () -> shipment(event.organizationId(), event.shipmentId()).ifPresent(s -> {
                    String from = label(event.previousOverall().value());
                    String to = label(event.overall().value());
                    List<Notice.Fact> facts = new ArrayList<>(shipmentFacts(s));
                    facts.add(new Notice.Fact("Was", from));
                    facts.add(new Notice.Fact("Now", to));
                    facts.add(new Notice.Fact("Rule set", event.ruleSetVersion()));
                    Notice notice = new Notice(
                            kind,
                            s.id(),
                            "Compliance of " + s.reference() + ": " + to,
                            "The compliance of shipment " + s.reference() + " changed from " + from + " to " + to + ".",
                            facts,
                            shipmentLink(s.id()) + "?tab=compliance");
                    dispatcher.dispatch(notice, audience.forShipment(kind, s, null));
                }));
    }

    public void on(DocumentExpiring event) {
        NotificationKind kind = NotificationKind.CERTIFICATE_EXPIRING;
        guarded(
                kind,
                () -> shipment(event.organizationId(), event.shipmentId()).ifPresent(s -> {
                    String type = humanType(event.type());
                    String expiry = MailTemplates.DAY.format(event.expiryDate());
                    String when = event.daysLeft() < 0
                            ? "expired on " + expiry
                            : "expires in " + event.daysLeft() + (event.daysLeft() == 1 ? " day" : " days") + " ("
                                    + expiry + ")";
                    List<Notice.Fact> facts = new ArrayList<>();
                    facts.add(new Notice.Fact("Document", type));
                    facts.addAll(shipmentFacts(s));
                    facts.add(new Notice.Fact("Expiry date", expiry));
                    Notice notice = new Notice(
                            kind,
                            s.id(),
                            capitalised(type) + " of " + s.reference() + " " + when,
                            "The " + type + " of shipment " + s.reference() + " " + when + ".",
                            facts,
                            shipmentLink(s.id()) + "?tab=documents");
                    dispatcher.dispatch(notice, audience.forShipment(kind, s, null));
                }));
    }

    /**
     * The invitation e-mail is queued without its link: the sender asks identity for a fresh one when it
     * sends, so no working invitation secret is stored in the event registry, the outbox or a log.
     */
    public void on(InvitationCreated event) {
        guarded(
                NotificationKind.INVITATION_CREATED,
                () -> tx.write(TenantScope.organization(event.organizationId()), () -> {
                    outbox.queue(
                            event.organizationId(),
                            null,
                            NotificationKind.INVITATION_CREATED,
                            event.email(),
                            new MailTemplates.Mail("(rendered when sent)", "", ""),
                            event.invitationId(),
                            false);
                    return null;
                }));
    }

    public void on(InvitationAccepted event) {
        NotificationKind kind = NotificationKind.INVITATION_ACCEPTED;
        guarded(kind, () -> {
            List<Recipient> to = new ArrayList<>(audience.members(event.organizationId(), EnumSet.of(Role.ADMIN)));
            if (event.invitedBy() != null) {
                audience.member(event.organizationId(), event.invitedBy()).ifPresent(to::add);
            }
            String name = audience.member(event.organizationId(), event.userId())
                    .map(Recipient::fullName)
                    .orElse(event.email());
            Notice notice = new Notice(
                    kind,
                    null,
                    name + " joined as " + event.role().value(),
                    name + " (" + event.email() + ") accepted the invitation and joined as "
                            + event.role().value() + ".",
                    List.of(
                            new Notice.Fact("E-mail", event.email()),
                            new Notice.Fact("Role", event.role().value())),
                    "/users");
            dispatcher.dispatch(
                    notice,
                    to.stream().filter(r -> !r.userId().equals(event.userId())).toList());
        });
    }

    private List<Recipient> uploaderUnlessActor(ShipmentFacts.Facts s, DocumentChanged event) {
        if (event.uploadedBy().equals(event.actorUserId())) {
            return List.of();
        }
        return audience.uploader(s, event.uploadedBy()).stream().toList();
    }

    /** The shipment as its owner sees it (the event names the owner). */
    private Optional<ShipmentFacts.Facts> shipment(UUID owner, UUID shipmentId) {
        return tx.read(TenantScope.organization(owner), () -> shipments.find(shipmentId));
    }

    private void guarded(NotificationKind kind, Runnable work) {
        try {
            work.run();
            meters.counter("tracehub_notifications_events_total", "kind", kind.key(), "outcome", "handled")
                    .increment();
        } catch (RuntimeException e) {
            meters.counter("tracehub_notifications_events_total", "kind", kind.key(), "outcome", "failed")
                    .increment();
            log.error("Notification of {} failed; the event will be retried", kind.key(), e);
            throw e;
        }
    }

    private static List<Notice.Fact> shipmentFacts(ShipmentFacts.Facts s) {
        List<Notice.Fact> facts = new ArrayList<>();
        facts.add(new Notice.Fact("Shipment", s.reference()));
        if (s.portOfLoading() != null && s.portOfDischarge() != null) {
            facts.add(new Notice.Fact("Route", s.portOfLoading() + " → " + s.portOfDischarge()));
        }
        if (!s.containerNumbers().isEmpty()) {
            facts.add(new Notice.Fact("Containers", String.join(", ", s.containerNumbers())));
        }
        return facts;
    }

    static String shipmentLink(UUID shipmentId) {
        return "/shipments/" + shipmentId;
    }

    static String when(@Nullable OffsetDateTime at) {
        return at == null ? "not set" : WHEN.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static String humanType(String type) {
        return type.replace('_', ' ');
    }

    private static String label(String value) {
        return value.replace('_', ' ');
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
