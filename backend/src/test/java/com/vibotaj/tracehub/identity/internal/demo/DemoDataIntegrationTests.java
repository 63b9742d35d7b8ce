package com.vibotaj.tracehub.identity.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.identity.DemoProperties;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DemoDataIntegrationTests {

    private static final String PASSWORD = "demo password for the tests";

    @Autowired
    DemoWriter writer;

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void loadsEveryOrganisationAndOneUserPerRoleOnceAndSignsThemIn() throws Exception {
        int first = 0;
        for (DemoDirectory.DemoOrganization organization : DemoDirectory.ORGANIZATIONS) {
            first += writer.write(organization, PASSWORD);
        }
        int second = 0;
        for (DemoDirectory.DemoOrganization organization : DemoDirectory.ORGANIZATIONS) {
            second += writer.write(organization, "another password");
        }

        assertThat(first).isEqualTo(DemoDirectory.USERS.size());
        assertThat(second).as("idempotent").isZero();
        assertThat(writer.exists(DemoDirectory.EXPORTER)).isTrue();
        Integer roles = data.owner()
                .queryForObject(
                        "SELECT count(DISTINCT m.role) FROM membership m JOIN app_user u ON u.id = m.user_id"
                                + " WHERE u.email LIKE '%.example'",
                        Integer.class);
        assertThat(roles).isEqualTo(6);
        Integer types = data.owner()
                .queryForObject(
                        "SELECT count(DISTINCT type) FROM organization WHERE id::text LIKE '0d3b1a10-%'",
                        Integer.class);
        assertThat(types).isEqualTo(4);

        // Demo users are ordinary users: they sign in with the configured password, not the second one.
        DemoDirectory.DemoUser buyer = DemoDirectory.USERS.stream()
                .filter(u -> u.email().startsWith("buyer@elbufer"))
                .findFirst()
                .orElseThrow();
        Api.login(
                mvc,
                new TestData.User(
                        null, buyer.email(), PASSWORD, buyer.organization().id(), "buyer"));
    }

    @Test
    void generatesAPasswordOnceKeepsItOwnerOnlyAndNeverShowsItAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo-credentials.txt");
        DemoCredentials credentials = new DemoCredentials(new DemoProperties(true, null, file.toString()));

        DemoCredentials.Password generated = credentials.resolve(false);
        DemoCredentials.Password later = credentials.resolve(true);

        assertThat(generated.value()).hasSize(23).isEqualTo(later.value());
        assertThat(Files.readString(file).strip()).isEqualTo(generated.value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(generated.printable(true)).contains(generated.value());
        assertThat(later.printable(false)).isEmpty();
    }

    @Test
    void aConfiguredPasswordWinsAndMayBeShown(@TempDir Path dir) {
        DemoCredentials credentials = new DemoCredentials(
                new DemoProperties(true, "chosen by me", dir.resolve("x").toString()));
        assertThat(credentials.resolve(true).printable(false)).contains("chosen by me");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void demoLoaderIsOffUnlessEnabled() {
        // Production and the tests run without tracehub.demo.enabled: no loader may exist there.
        assertThat(context.getBeanNamesForType(DemoDataLoader.class)).isEmpty();
    }
}
