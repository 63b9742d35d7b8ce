package com.vibotaj.tracehub.identity.internal.demo;

import com.vibotaj.tracehub.identity.internal.demo.DemoDirectory.DemoOrganization;
import com.vibotaj.tracehub.identity.internal.demo.DemoDirectory.DemoUser;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Writes one demo organisation and its users in one transaction, skipping what already exists. */
@Component
class DemoWriter {

    private final ScopedTransactions tx;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    DemoWriter(ScopedTransactions tx, JdbcClient jdbc, PasswordEncoder passwords) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    boolean exists(DemoOrganization organization) {
        return tx.read(
                TenantScope.organization(organization.id()),
                () -> jdbc.sql("SELECT count(*) FROM organization WHERE id = :id")
                                .param("id", organization.id())
                                .query(Long.class)
                                .single()
                        > 0);
    }

    /** @return the number of users created */
    int write(DemoOrganization organization, String password) {
        int created = 0;
        tx.write(
                TenantScope.organization(organization.id()),
                () -> jdbc.sql(
                                "INSERT INTO organization (id, name, type, country_code) VALUES (:id, :name, :type, :country)"
                                        + " ON CONFLICT (id) DO NOTHING")
                        .param("id", organization.id())
                        .param("name", organization.name())
                        .param("type", organization.type().value())
                        .param("country", organization.country())
                        .update());
        if (organization.equals(DemoDirectory.EXPORTER)) {
            // The demo exporter's TRACES registration number, so horn-and-hoof TRACES certificates can be checked.
            tx.write(
                    TenantScope.organization(organization.id()),
                    () -> jdbc.sql(
                                    "UPDATE organization SET traces_number = :traces WHERE id = :id AND traces_number IS NULL")
                            .param("traces", DemoDirectory.EXPORTER_TRACES_NUMBER)
                            .param("id", organization.id())
                            .update());
        }
        for (DemoUser user : DemoDirectory.USERS) {
            if (user.organization().equals(organization) && writeUser(user, password)) {
                created++;
            }
        }
        return created;
    }

    /** Links the exporter to every other demo organisation as its trading partner. */
    void partners(DemoOrganization owner, java.util.List<DemoOrganization> partners) {
        tx.write(TenantScope.organization(owner.id()), () -> {
            for (DemoOrganization partner : partners) {
                jdbc.sql("INSERT INTO organization_partner (organization_id, partner_id) VALUES (:org, :partner)"
                                + " ON CONFLICT DO NOTHING")
                        .param("org", owner.id())
                        .param("partner", partner.id())
                        .update();
            }
            return null;
        });
    }

    java.util.Optional<java.util.UUID> userId(DemoUser user) {
        return tx.read(
                TenantScope.organization(user.organization().id()),
                () -> jdbc.sql("SELECT u.id FROM app_user u JOIN membership m ON m.user_id = u.id"
                                + " WHERE u.email = :email AND m.organization_id = :org")
                        .param("email", user.email())
                        .param("org", user.organization().id())
                        .query(java.util.UUID.class)
                        .optional());
    }

    private boolean writeUser(DemoUser user, String password) {
        TenantScope scope = TenantScope.organization(user.organization().id()).withLookupEmail(user.email());
        return tx.write(scope, () -> {
            long existing = jdbc.sql("SELECT count(*) FROM app_user WHERE email = :email")
                    .param("email", user.email())
                    .query(Long.class)
                    .single();
            if (existing > 0) {
                return false;
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO app_user (id, email, full_name, password_hash) VALUES (:id, :email, :name, :hash)")
                    .param("id", id)
                    .param("email", user.email())
                    .param("name", user.fullName())
                    .param("hash", passwords.encode(password))
                    .update();
            jdbc.sql("INSERT INTO membership (id, user_id, organization_id, role, is_primary)"
                            + " VALUES (:id, :user, :org, :role, true)")
                    .param("id", UUID.randomUUID())
                    .param("user", id)
                    .param("org", user.organization().id())
                    .param("role", user.role().value())
                    .update();
            return true;
        });
    }
}
