package com.vibotaj.tracehub.identity.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import com.vibotaj.tracehub.identity.IdentityProperties;
import com.vibotaj.tracehub.identity.InvitationCreated;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.identity.internal.InvitationRepository.StoredInvitation;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.platform.TraceHubProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's side of invitations: list, issue, resend and revoke them. The link's token is shown
 * once and only its hash is stored. The invitee's side (preview, accept) is {@link InvitationAcceptance}.
 */
@Service
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    private final InvitationRepository invitations;
    private final MembershipRepository memberships;
    private final TraceHubProperties site;
    private final Duration ttl;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Invitations(
            InvitationRepository invitations,
            MembershipRepository memberships,
            IdentityProperties properties,
            TraceHubProperties site,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.invitations = invitations;
        this.memberships = memberships;
        this.site = site;
        this.ttl = properties.invitationTtl();
        this.clock = clock;
    }

    @Schema(enumAsRef = true)
    public enum InvitationStatus {
        PENDING,
        ACCEPTED,
        REVOKED,
        /** Still pending in storage, but past its expiry. */
        EXPIRED;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record InvitationView(
            UUID id,
            String email,
            Role role,
            InvitationStatus status,
            Instant expiresAt,
            Instant createdAt,
            @Nullable String invitedByName) {}

    public record InvitationPage(List<InvitationView> items, int page, int size, long totalItems, int totalPages) {}

    /** An invitation with its one-time link; the link is never retrievable again. */
    public record InvitationIssued(InvitationView invitation, String acceptUrl) {}

    @Transactional(readOnly = true)
    public InvitationPage list(CurrentActor actor, int page, int size) {
        long total = invitations.count(actor.organizationId());
        List<InvitationView> items = invitations.findPage(actor.organizationId(), size, (long) page * size).stream()
                .map(this::view)
                .toList();
        return new InvitationPage(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** Invites an e-mail address; a pending invitation of the same address is replaced by this one. */
    @Transactional
    public InvitationIssued invite(CurrentActor actor, String rawEmail, Role role) {
        UUID org = actor.organizationId();
        String email = rawEmail.trim().toLowerCase(Locale.ROOT);
        if (memberships.isActiveMember(org, email)) {
            throw IdentityProblems.alreadyMember(email);
        }
        Instant now = clock.instant();
        invitations.revokePending(org, email, now);
        UUID id = UUID.randomUUID();
        String token = SecretTokens.newToken();
        try {
            invitations.insert(id, org, email, role, SecretTokens.hash(token), now.plus(ttl), actor.userId());
        } catch (DuplicateKeyException e) {
            throw IdentityProblems.invitationConflict();
        }
        log.info("Invitation {} issued in organisation {} by {}", id, org, actor.userId());
        // The event names the invitation only: the e-mail gets a link of its own when it is sent.
        events.publishEvent(new InvitationCreated(id, org, email, role, actor.userId()));
        return issued(org, id, token);
    }

    /** Issues a new link and expiry for a pending (possibly expired) invitation; the old link dies. */
    @Transactional
    public InvitationIssued resend(CurrentActor actor, UUID id) {
        UUID org = actor.organizationId();
        requirePending(lockOwn(org, id));
        String token = SecretTokens.newToken();
        invitations.renew(id, SecretTokens.hash(token), clock.instant().plus(ttl));
        log.info("Invitation {} resent in organisation {} by {}", id, org, actor.userId());
        StoredInvitation renewed = lockOwn(org, id);
        events.publishEvent(new InvitationCreated(id, org, renewed.email(), renewed.role(), actor.userId()));
        return issued(org, id, token);
    }

    @Transactional
    public InvitationView revoke(CurrentActor actor, UUID id) {
        UUID org = actor.organizationId();
        requirePending(lockOwn(org, id));
        invitations.revoke(id, clock.instant());
        log.info("Invitation {} revoked in organisation {} by {}", id, org, actor.userId());
        return view(invitations.find(org, id).orElseThrow(() -> NotFoundException.of("Invitation", id)));
    }

    private StoredInvitation lockOwn(UUID org, UUID id) {
        return invitations.lock(org, id).orElseThrow(() -> NotFoundException.of("Invitation", id));
    }

    private static void requirePending(StoredInvitation invitation) {
        if (!invitation.pending()) {
            throw IdentityProblems.invitationNotPending();
        }
    }

    /** The token goes in the link's fragment, which browsers never send to a server (or its logs). */
    private InvitationIssued issued(UUID org, UUID id, String token) {
        StoredInvitation stored = invitations.find(org, id).orElseThrow(() -> NotFoundException.of("Invitation", id));
        return new InvitationIssued(view(stored), site.link("/accept-invitation#token=" + token));
    }

    private InvitationView view(StoredInvitation i) {
        InvitationStatus status = switch (i.status()) {
            case "accepted" -> InvitationStatus.ACCEPTED;
            case "revoked" -> InvitationStatus.REVOKED;
            default -> i.expiresAt().isAfter(clock.instant()) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
        };
        return new InvitationView(i.id(), i.email(), i.role(), status, i.expiresAt(), i.createdAt(), i.invitedByName());
    }
}
