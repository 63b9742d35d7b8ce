package com.vibotaj.tracehub.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.vibotaj.tracehub.identity.BootstrapProperties;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.ValidationException;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class BootstrapAccountsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ScopedTransactions tx;

    @Autowired
    UserRepository users;

    @Autowired
    MembershipRepository memberships;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsTheSmokeAccountAsAnIsolatedViewerAndResetsItsPasswordOnEveryStart() throws Exception {
        String email = "smoke-" + UUID.randomUUID() + "@deploy.example";
        bootstrap(null, new BootstrapProperties.Smoke(email, "first smoke passphrase"));

        Api.Login login = Api.login(mvc, user(email, "first smoke passphrase"));
        mvc.perform(get("/api/me").header("Authorization", login.bearer()))
                .andExpect(jsonPath("$.role").value("viewer"))
                .andExpect(jsonPath("$.organization.name").value("TraceHub smoke checks"));

        bootstrap(null, new BootstrapProperties.Smoke(email, "rotated smoke passphrase"));
        Api.login(mvc, user(email, "rotated smoke passphrase"));
        assertThat(mvc.perform(post("/api/auth/login")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"email\":\"" + email + "\",\"password\":\"first smoke passphrase\"}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void createsTheFirstAdministratorOnceAndNeverTouchesItAgain() throws Exception {
        String email = "owner-" + UUID.randomUUID() + "@exporter.example";
        bootstrap(
                new BootstrapProperties.Admin(
                        "Bootstrap Exports Ltd", email, "First Admin", "initial admin passphrase"),
                null);
        bootstrap(new BootstrapProperties.Admin("Other Name", email, "Other", "another admin passphrase"), null);

        Api.Login login = Api.login(mvc, user(email, "initial admin passphrase"));
        mvc.perform(get("/api/me").header("Authorization", login.bearer()))
                .andExpect(jsonPath("$.role").value("admin"))
                .andExpect(jsonPath("$.organization.type").value("exporter"))
                .andExpect(jsonPath("$.organization.name").value("Bootstrap Exports Ltd"));
        Integer organizationsNamed = data.owner()
                .queryForObject("SELECT count(*) FROM organization WHERE name = 'Other Name'", Integer.class);
        assertThat(organizationsNamed).isZero();
    }

    @Test
    void severalInstancesStartingTogetherCreateTheAdministratorAndTheSmokeAccountOnce() throws Exception {
        String admin = "together-" + UUID.randomUUID() + "@exporter.example";
        String smoke = "smoke-together-" + UUID.randomUUID() + "@deploy.example";
        ExecutorService instances = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(instances.submit(() -> {
                    start.await();
                    bootstrap(
                            new BootstrapProperties.Admin("Together Ltd", admin, "Admin", "initial admin passphrase"),
                            new BootstrapProperties.Smoke(smoke, "smoke passphrase for all"));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }

        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM app_user WHERE email IN (?, ?)", Integer.class, admin, smoke))
                .isEqualTo(2);
        assertThat(data.owner()
                        .queryForObject("SELECT count(*) FROM organization WHERE name = 'Together Ltd'", Integer.class))
                .isEqualTo(1);
        Api.login(mvc, user(admin, "initial admin passphrase"));
        Api.login(mvc, user(smoke, "smoke passphrase for all"));
    }

    @Test
    void refusesAWeakBootstrapPassword() {
        String email = "weak-" + UUID.randomUUID() + "@exporter.example";
        assertThatThrownBy(() -> bootstrap(new BootstrapProperties.Admin("Weak Ltd", email, "Weak", "short"), null))
                .isInstanceOf(ValidationException.class);
        Integer created =
                data.owner().queryForObject("SELECT count(*) FROM app_user WHERE email = ?", Integer.class, email);
        assertThat(created).isZero();
    }

    private void bootstrap(BootstrapProperties.Admin admin, BootstrapProperties.Smoke smoke) {
        new BootstrapAccounts(
                        new BootstrapProperties(admin, smoke), tx, users, memberships, organizations, passwords, jdbc)
                .run(new DefaultApplicationArguments());
    }

    private static TestData.User user(String email, String password) {
        return new TestData.User(null, email, password, null, null);
    }
}
