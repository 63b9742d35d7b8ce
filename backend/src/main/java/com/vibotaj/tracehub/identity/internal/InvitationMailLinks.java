package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.InvitationMail;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.platform.TraceHubProperties;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Issues the e-mail link of a pending invitation (see {@link InvitationMail}). */
@Service
public class InvitationMailLinks {

    private final InvitationRepository invitations;
    private final OrganizationRepository organizations;
    private final ScopedTransactions tx;
    private final TraceHubProperties site;
    private final Clock clock;

    InvitationMailLinks(
            InvitationRepository invitations,
            OrganizationRepository organizations,
            ScopedTransactions tx,
            TraceHubProperties site,
            Clock clock) {
        this.invitations = invitations;
        this.organizations = organizations;
        this.tx = tx;
        this.site = site;
        this.clock = clock;
    }

    public Optional<InvitationMail.Invitation> issue(UUID organizationId, UUID invitationId) {
        return tx.write(
                TenantScope.organization(organizationId),
                () -> invitations
                        .lock(organizationId, invitationId)
                        .filter(i -> i.pending() && i.expiresAt().isAfter(clock.instant()))
                        .map(i -> {
                            String token = SecretTokens.newToken();
                            invitations.setMailToken(i.id(), SecretTokens.hash(token));
                            return new InvitationMail.Invitation(
                                    i.email(),
                                    organizations.findName(organizationId).orElse(""),
                                    i.role(),
                                    i.expiresAt(),
                                    i.invitedByName() == null ? "" : i.invitedByName(),
                                    // In the fragment, which browsers never send to a server or its logs.
                                    site.link("/accept-invitation#token=" + token));
                        }));
    }
}
