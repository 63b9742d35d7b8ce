package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.NotFoundException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who the caller is, for the client: identity, acting organisation, role and what it permits. */
@Service
public class Profiles {

    private final UserRepository users;
    private final MembershipRepository memberships;

    Profiles(UserRepository users, MembershipRepository memberships) {
        this.users = users;
        this.memberships = memberships;
    }

    public record OrganizationRef(UUID id, String name, OrganizationType type) {}

    public record MembershipView(
            UUID organizationId,
            String organizationName,
            OrganizationType organizationType,
            Role role,
            boolean primary) {}

    public record Me(
            UUID id,
            String email,
            String fullName,
            Role role,
            OrganizationRef organization,
            Set<String> permissions,
            List<MembershipView> memberships) {}

    @Transactional(readOnly = true)
    public Me me(CurrentActor actor) {
        UserAccount user =
                users.findById(actor.userId()).orElseThrow(() -> NotFoundException.of("User", actor.userId()));
        List<MembershipRecord> all = memberships.findByUser(actor.userId()).stream()
                .filter(MembershipRecord::active)
                .toList();
        MembershipRecord acting = all.stream()
                .filter(m -> m.organizationId().equals(actor.organizationId()))
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("Membership", actor.organizationId()));
        return new Me(
                user.id(),
                user.email(),
                user.fullName(),
                acting.role(),
                new OrganizationRef(acting.organizationId(), acting.organizationName(), acting.organizationType()),
                new TreeSet<>(acting.role().permissions()),
                all.stream()
                        .map(m -> new MembershipView(
                                m.organizationId(), m.organizationName(), m.organizationType(), m.role(), m.primary()))
                        .toList());
    }
}
