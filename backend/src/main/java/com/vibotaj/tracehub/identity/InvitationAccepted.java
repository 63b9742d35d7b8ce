package com.vibotaj.tracehub.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Someone accepted an invitation and is now an active member of the organisation. */
public record InvitationAccepted(
        UUID invitationId,
        UUID organizationId,
        UUID userId,
        String email,
        Role role,
        @Nullable UUID invitedBy) {}
