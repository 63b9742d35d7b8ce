package com.vibotaj.tracehub.identity;

import com.vibotaj.tracehub.identity.internal.InvitationMailLinks;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The link an invitation e-mail carries, issued at the moment the mail is sent. Each call issues a new
 * one (replacing the previous e-mail link, never the administrator's); only its hash is stored.
 * Must be called outside a transaction: it chooses the inviting organisation's scope itself.
 */
@Service
public class InvitationMail {

    private final InvitationMailLinks links;

    InvitationMail(InvitationMailLinks links) {
        this.links = links;
    }

    /** What an invitation e-mail says; {@code acceptUrl} holds a secret and must never be stored or logged. */
    public record Invitation(
            String email,
            String organizationName,
            Role role,
            Instant expiresAt,
            String invitedByName,
            String acceptUrl) {}

    /** The invitation with a fresh e-mail link, or empty when it can no longer be accepted. */
    public Optional<Invitation> issueLink(UUID organizationId, UUID invitationId) {
        return links.issue(organizationId, invitationId);
    }
}
