package com.vibotaj.tracehub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Session defaults the migrations give the application role (platform-009). */
@IntegrationTest
class AppRoleSessionDefaultsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScopedTransactions tx;

    @Autowired
    TestData data;

    @Test
    void theApplicationRunsWithoutJit() {
        String jit = tx.read(
                TenantScope.NONE,
                () -> jdbc.sql("SELECT current_setting('jit')")
                        .query(String.class)
                        .single());
        String user = tx.read(
                TenantScope.NONE,
                () -> jdbc.sql("SELECT current_user").query(String.class).single());

        assertThat(user).isEqualTo("tracehub_app");
        assertThat(jit).isEqualTo("off");
        // The owner (here the superuser that migrates) keeps the server default: only the app role changed.
        assertThat(data.owner().queryForObject("SELECT current_setting('jit')", String.class))
                .isEqualTo("on");
    }
}
