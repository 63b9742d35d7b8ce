package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.BootstrapProperties;
import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator and the smoke-test account of a deployment from configuration.
 * Runs before the instance reports ready, so a deploy's smoke test never races it. A failure stops
 * the start: a deployment that cannot be administered or verified must not take traffic.
 */
@Component
class BootstrapAccounts implements ApplicationRunner {

    /** Fixed id: there is exactly one smoke organisation per deployment. */
    static final UUID SMOKE_ORGANIZATION = UUID.fromString("5e0c0000-0000-4000-8000-000000000001");

    /**
     * Transaction-scoped advisory lock taken before each check-then-insert. Several instances starting
     * on an empty database (the scale-out test, a Kubernetes rollout) all run this; without the lock two
     * of them see "no such user" and the slower one fails its start on a unique violation.
     */
    static final long BOOTSTRAP_LOCK = 0x7472616365687562L;

    private static final Logger log = LoggerFactory.getLogger(BootstrapAccounts.class);

    private final BootstrapProperties properties;
    private final ScopedTransactions tx;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;

    BootstrapAccounts(
            BootstrapProperties properties,
            ScopedTransactions tx,
            UserRepository users,
            MembershipRepository memberships,
            OrganizationRepository organizations,
            PasswordEncoder passwords,
            JdbcClient jdbc) {
        this.properties = properties;
        this.tx = tx;
        this.users = users;
        this.memberships = memberships;
        this.organizations = organizations;
        this.passwords = passwords;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        BootstrapProperties.Admin admin = properties.admin();
        if (admin != null && admin.email() != null && admin.password() != null) {
            String name = admin.organizationName() == null ? "Exporter" : admin.organizationName();
            String fullName = admin.fullName() == null ? "Administrator" : admin.fullName();
            ensureAdmin(name, normalize(admin.email()), fullName, admin.password());
        }
        BootstrapProperties.Smoke smoke = properties.smoke();
        if (smoke != null && smoke.email() != null && smoke.password() != null) {
            ensureSmokeAccount(normalize(smoke.email()), smoke.password());
        }
    }

    private void ensureAdmin(String organizationName, String email, String fullName, String password) {
        if (tx.read(TenantScope.lookupEmail(email), () -> users.findByEmail(email))
                .isPresent()) {
            return;
        }
        PasswordPolicy.check(password, email);
        UUID organization = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String hash = passwords.encode(password);
        boolean created = tx.write(TenantScope.organization(organization).withLookupEmail(email), () -> {
            serializeWithOtherInstances();
            if (users.findByEmail(email).isPresent()) {
                return false;
            }
            organizations.insert(organization, organizationName, OrganizationType.EXPORTER, null);
            users.insert(user, email, fullName, hash);
            memberships.insert(user, organization, Role.ADMIN, true);
            return true;
        });
        if (created) {
            log.info("Bootstrap administrator {} created in organisation {}", user, organization);
        }
    }

    private void ensureSmokeAccount(String email, String password) {
        PasswordPolicy.check(password, email);
        String hash = passwords.encode(password);
        tx.write(TenantScope.organization(SMOKE_ORGANIZATION).withLookupEmail(email), () -> {
            serializeWithOtherInstances();
            if (!organizations.exists(SMOKE_ORGANIZATION)) {
                organizations.insert(SMOKE_ORGANIZATION, "TraceHub smoke checks", OrganizationType.LOGISTICS, null);
            }
            users.findByEmail(email).ifPresentOrElse(existing -> users.updatePasswordHash(existing.id(), hash), () -> {
                UUID user = UUID.randomUUID();
                users.insert(user, email, "Deploy smoke test", hash);
                memberships.insert(user, SMOKE_ORGANIZATION, Role.VIEWER, true);
            });
            return null;
        });
        log.info("Smoke-test account ready");
    }

    private void serializeWithOtherInstances() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", BOOTSTRAP_LOCK)
                .query((rs, row) -> row)
                .single();
    }

    private static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
