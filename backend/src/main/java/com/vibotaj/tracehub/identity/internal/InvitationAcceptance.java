package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.InvitationAccepted;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.identity.internal.IdentityProblems.InvalidCredentials;
import com.vibotaj.tracehub.identity.internal.IdentityProblems.InvitationGone;
import com.vibotaj.tracehub.identity.internal.IdentityProblems.InvitationNotFound;
import com.vibotaj.tracehub.identity.internal.IdentityProblems.TooManyAttempts;
import com.vibotaj.tracehub.identity.internal.InvitationRepository.StoredInvitation;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.platform.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The invitee's side of an invitation: preview and accept it without signing in, the token from the link
 * being the only credential. The administrator's side is {@link Invitations}.
 */
@Service
public class InvitationAcceptance {

    private static final Logger log = LoggerFactory.getLogger(InvitationAcceptance.class);

    private final InvitationRepository invitations;
    private final MembershipRepository memberships;
    private final ScopedTransactions tx;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    InvitationAcceptance(
            InvitationRepository invitations,
            MembershipRepository memberships,
            ScopedTransactions tx,
            UserRepository users,
            OrganizationRepository organizations,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.invitations = invitations;
        this.memberships = memberships;
        this.tx = tx;
        this.users = users;
        this.organizations = organizations;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** What the invitee sees before accepting; {@code existingUser} asks for the current password. */
    public record InvitationPreview(
            String email, String organizationName, Role role, Instant expiresAt, boolean existingUser) {}

    /** What the invitation behind a token is for; only usable (pending, unexpired) ones are shown. */
    public InvitationPreview preview(String token) {
        StoredInvitation found = findUsable(token);
        return tx.read(
                inviteeScope(found, null),
                () -> new InvitationPreview(
                        found.email(),
                        organizations.findName(found.organizationId()).orElseThrow(InvitationNotFound::new),
                        found.role(),
                        found.expiresAt(),
                        users.findByEmail(found.email()).isPresent()));
    }

    /**
     * Accepts the invitation and answers the e-mail address to sign in with. A new user chooses a name
     * and password; an existing one proves it is them with their current password. The slow password
     * work happens between the lookup and the final transaction, holding no connection.
     */
    public String accept(String token, @Nullable String fullName, String password, String clientAddress) {
        StoredInvitation found = findUsable(token);
        Optional<UserAccount> existing = tx.read(inviteeScope(found, null), () -> users.findByEmail(found.email()));
        if (existing.isPresent()) {
            UUID userId = verifyPassword(existing.get(), password, clientAddress);
            tx.write(inviteeScope(found, userId), () -> join(relock(found), userId));
        } else {
            if (fullName == null || fullName.isBlank()) {
                throw ValidationException.of("fullName", "is required");
            }
            PasswordPolicy.check(password, found.email());
            String hash = passwords.encode(password);
            UUID userId = UUID.randomUUID();
            try {
                tx.write(inviteeScope(found, null), () -> {
                    StoredInvitation invitation = relock(found);
                    users.insert(userId, invitation.email(), fullName.trim(), hash);
                    memberships.insert(userId, invitation.organizationId(), invitation.role(), true);
                    return accepted(invitation, userId);
                });
            } catch (DuplicateKeyException e) {
                // The account was created meanwhile (another invitation accepted): retry as that user.
                throw IdentityProblems.userExists(found.email());
            }
        }
        return found.email();
    }

    private UUID verifyPassword(UserAccount user, String password, String clientAddress) {
        // The same limits as sign-in: a leaked link must not become a password-guessing oracle.
        throttle.retryAfter(user.email(), clientAddress).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
        if (!passwords.matches(password, user.passwordHash())) {
            throttle.recordFailure(user.email(), clientAddress);
            throw new InvalidCredentials();
        }
        throttle.recordSuccess(user.email());
        return user.id();
    }

    /**
     * Adds the existing user to the organisation. A deactivated former member is reactivated with the
     * invited role: inviting them again is the administrator's deliberate decision.
     */
    private UUID join(StoredInvitation invitation, UUID userId) {
        UUID org = invitation.organizationId();
        Optional<MembershipRecord> membership = memberships.find(userId, org);
        if (membership.isPresent() && membership.get().active()) {
            throw IdentityProblems.alreadyMember(invitation.email());
        }
        if (membership.isPresent()) {
            memberships.updateRole(userId, org, invitation.role());
            memberships.updateStatus(userId, org, true);
        } else {
            // Sees all of the user's memberships because the scope names the user.
            memberships.insert(
                    userId,
                    org,
                    invitation.role(),
                    memberships.findByUser(userId).isEmpty());
        }
        return accepted(invitation, userId);
    }

    private UUID accepted(StoredInvitation invitation, UUID userId) {
        invitations.markAccepted(invitation.id(), userId, clock.instant());
        log.info("Invitation {} accepted by user {}", invitation.id(), userId);
        events.publishEvent(new InvitationAccepted(
                invitation.id(),
                invitation.organizationId(),
                userId,
                invitation.email(),
                invitation.role(),
                invitations
                        .invitedBy(invitation.organizationId(), invitation.id())
                        .orElse(null)));
        return userId;
    }

    /** The invitation behind a token, if it can still be accepted; revoked ones look unknown. */
    private StoredInvitation findUsable(String token) {
        if (!SecretTokens.looksValid(token)) {
            throw new InvitationNotFound();
        }
        String hash = SecretTokens.hash(token);
        StoredInvitation found = tx.read(TenantScope.lookupToken(hash), () -> invitations.findByTokenHash(hash))
                .orElseThrow(InvitationNotFound::new);
        return requireUsable(found);
    }

    /**
     * Re-reads and locks the invitation found by token: of two concurrent accepts the second waits here
     * and then sees it accepted. A resend in between changed the hash, so the old link fails too.
     */
    private StoredInvitation relock(StoredInvitation found) {
        return invitations
                .lock(found.organizationId(), found.id())
                .filter(current -> current.tokenHash().equals(found.tokenHash()))
                .map(this::requireUsable)
                .orElseThrow(InvitationNotFound::new);
    }

    /** The invitee acts within the inviting organisation as the invited e-mail (and user, once known). */
    private static TenantScope inviteeScope(StoredInvitation invitation, @Nullable UUID userId) {
        return new TenantScope(invitation.organizationId(), userId, invitation.email(), null);
    }

    private StoredInvitation requireUsable(StoredInvitation invitation) {
        if (invitation.pending()) {
            if (!invitation.expiresAt().isAfter(clock.instant())) {
                throw InvitationGone.expired();
            }
            return invitation;
        }
        if ("accepted".equals(invitation.status())) {
            throw InvitationGone.used();
        }
        throw new InvitationNotFound();
    }
}
