package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Role;
import java.util.UUID;

/** A user's membership of an organisation, with the organisation's name and type for display. */
record MembershipRecord(
        UUID id,
        UUID userId,
        UUID organizationId,
        String organizationName,
        OrganizationType organizationType,
        Role role,
        boolean active,
        boolean primary) {}
