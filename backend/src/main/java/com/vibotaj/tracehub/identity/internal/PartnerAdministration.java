package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Partners;
import com.vibotaj.tracehub.identity.Partners.Partner;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.identity.internal.Invitations.InvitationIssued;
import com.vibotaj.tracehub.platform.ConflictException;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.ProblemException;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.platform.ValidationException;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An exporter's administrator adds a trading partner (buyer, supplier, forwarder): the partner's
 * organisation, the link, and optionally an invitation for the partner's first administrator.
 *
 * <p>Each step runs in the scope of the organisation it writes, as row-level security requires: the new
 * organisation in its own scope, the link in the exporter's, the invitation in the partner's. They are
 * separate transactions; if a later step fails, an unlinked organisation is left that nobody can see.
 */
@Service
public class PartnerAdministration {

    private static final Logger log = LoggerFactory.getLogger(PartnerAdministration.class);

    private final ScopedTransactions tx;
    private final JdbcClient jdbc;
    private final Partners partners;
    private final Invitations invitations;

    PartnerAdministration(ScopedTransactions tx, JdbcClient jdbc, Partners partners, Invitations invitations) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.partners = partners;
        this.invitations = invitations;
    }

    public record NewPartner(
            String name,
            OrganizationType type,
            @Nullable String countryCode,
            @Nullable String adminEmail) {}

    public record PartnerCreated(Partner partner, @Nullable InvitationIssued adminInvitation) {}

    public PartnerCreated create(CurrentActor actor, NewPartner request) {
        TenantScope own = TenantScope.of(actor.organizationId(), actor.userId());
        if (tx.read(own, () -> partners.typeOf(actor.organizationId())).orElse(null) != OrganizationType.EXPORTER) {
            throw new NotExporter();
        }
        if (request.type() == OrganizationType.EXPORTER) {
            throw ValidationException.of("type", "must be buyer, supplier or logistics");
        }
        String name = request.name().strip();
        boolean taken = tx.read(
                own,
                () -> partners.list(actor.organizationId()).stream()
                        .anyMatch(p -> p.name().equalsIgnoreCase(name)));
        if (taken) {
            throw new ConflictException(
                    "partner-exists", "Partner exists", "You already have a partner named " + name + ".");
        }
        UUID id = UUID.randomUUID();
        String country =
                request.countryCode() == null ? null : request.countryCode().toUpperCase(Locale.ROOT);
        tx.write(
                TenantScope.organization(id),
                () -> jdbc.sql(
                                "INSERT INTO organization (id, name, type, country_code) VALUES (:id, :name, :type, :country)")
                        .param("id", id)
                        .param("name", name)
                        .param("type", request.type().value())
                        .param("country", country)
                        .update());
        tx.write(
                own,
                () -> jdbc.sql("INSERT INTO organization_partner (organization_id, partner_id) VALUES (:org, :partner)")
                        .param("org", actor.organizationId())
                        .param("partner", id)
                        .update());
        InvitationIssued invitation = null;
        if (request.adminEmail() != null && !request.adminEmail().isBlank()) {
            // The exporter's admin invites on the partner's behalf; the partner's admin runs it from then on.
            CurrentActor onBehalf = new CurrentActor(actor.userId(), id, Role.ADMIN.value());
            invitation = tx.write(
                    TenantScope.of(id, actor.userId()),
                    () -> invitations.invite(onBehalf, request.adminEmail(), Role.ADMIN));
        }
        log.info(
                "Partner organisation {} ({}) added by {} of {}",
                id,
                request.type().value(),
                actor.userId(),
                actor.organizationId());
        return new PartnerCreated(new Partner(id, name, request.type()), invitation);
    }

    /** Only an exporter keeps trading partners. */
    static final class NotExporter extends ProblemException {
        NotExporter() {
            super(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Not allowed",
                    "Only an exporter organisation adds trading partners.");
        }
    }
}
