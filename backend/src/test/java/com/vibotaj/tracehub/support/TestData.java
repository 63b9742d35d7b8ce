package com.vibotaj.tracehub.support;

import com.vibotaj.tracehub.platform.internal.db.EmbeddedPostgresEnvironmentPostProcessor;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Arranges test data directly as the database owner, bypassing row-level security and the code under
 * test, so a test's setup can never be hidden by the very policies it checks.
 */
@TestComponent
public class TestData {

    public static final String PASSWORD = "correct horse battery staple";

    private final JdbcTemplate owner;
    private final String passwordHash;

    public TestData(PasswordEncoder passwords) {
        this.owner = new JdbcTemplate(ownerDataSource());
        this.passwordHash = passwords.encode(PASSWORD);
    }

    public static DataSource ownerDataSource() {
        return EmbeddedPostgresEnvironmentPostProcessor.ephemeralServer().getDatabase("postgres", "tracehub");
    }

    public JdbcTemplate owner() {
        return owner;
    }

    public record Org(UUID id, String name, String type) {}

    public record User(UUID id, String email, String password, UUID organizationId, String role) {}

    public Org organization(String type) {
        UUID id = UUID.randomUUID();
        String name = "Test " + type + " " + id.toString().substring(0, 8);
        owner.update("INSERT INTO organization (id, name, type) VALUES (?, ?, ?)", id, name, type);
        return new Org(id, name, type);
    }

    public User user(Org org, String role) {
        UUID id = UUID.randomUUID();
        String email = role + "-" + id.toString().substring(0, 8) + "@example.test";
        owner.update(
                "INSERT INTO app_user (id, email, full_name, password_hash) VALUES (?, ?, ?, ?)",
                id,
                email,
                "Test " + role,
                passwordHash);
        member(id, org, role, true);
        return new User(id, email, PASSWORD, org.id(), role);
    }

    public void member(UUID userId, Org org, String role, boolean primary) {
        owner.update(
                "INSERT INTO membership (id, user_id, organization_id, role, is_primary) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                userId,
                org.id(),
                role,
                primary);
    }

    /** Makes {@code partner} a trading partner of {@code org} (a buyer, supplier or forwarder it may name). */
    public void partner(Org org, Org partner) {
        owner.update(
                "INSERT INTO organization_partner (organization_id, partner_id) VALUES (?, ?)", org.id(), partner.id());
    }
}
