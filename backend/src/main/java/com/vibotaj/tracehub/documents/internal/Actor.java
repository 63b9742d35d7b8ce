package com.vibotaj.tracehub.documents.internal;

import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.TenantScope;
import java.util.Set;
import java.util.UUID;

/** Who acts on a document: the user, the organisation they act for, and what their role lets them do. */
public record Actor(UUID userId, UUID organizationId, Role role) {

    public static Actor current() {
        CurrentActor actor = CurrentActor.require();
        return new Actor(actor.userId(), actor.organizationId(), Role.of(actor.role()));
    }

    public Set<String> permissions() {
        return role.permissions();
    }

    /** The tenant scope the actor's work runs in: their organisation and themselves. */
    public TenantScope scope() {
        return TenantScope.of(organizationId, userId);
    }

    public boolean may(String permission) {
        return role.permissions().contains(permission);
    }
}
