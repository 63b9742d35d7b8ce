package com.vibotaj.tracehub.identity;

import java.util.UUID;

/**
 * An invitation was issued or resent. It carries no secret: the e-mail asks {@link InvitationMail} for a
 * link of its own when it is sent, so no working token is ever stored in an event or an outbox.
 */
public record InvitationCreated(UUID invitationId, UUID organizationId, String email, Role role, UUID invitedBy) {}
