package com.vibotaj.tracehub.platform.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vibotaj.tracehub.platform.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSecretsGuardTests {

    private static final String STRONG_JWT = "k8Jq2vN0xRz4tW7yB1mC5eH9gL3pS6uA";
    private static final String STRONG_DB = "Zt5-qW9!rX2@vN7#";

    @Test
    void acceptsStrongValues() {
        assertThat(ProductionSecretsGuard.problems(STRONG_JWT, STRONG_DB, null)).isEmpty();
        assertThat(ProductionSecretsGuard.problems(STRONG_JWT, STRONG_DB, "another-strong-metrics-secret"))
                .isEmpty();
    }

    @Test
    void flagsEveryDevelopmentSigningKey() {
        for (String committed : new String[] {
            "local-development-signing-key-not-for-production-use", "test-signing-key-with-at-least-thirty-two-bytes"
        }) {
            assertThat(ProductionSecretsGuard.problems(committed, STRONG_DB, null))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("TRACEHUB_SECURITY_JWT_SECRET");
        }
    }

    @Test
    void flagsAnEmptyOrDevelopmentDatabasePassword() {
        for (String weak : new String[] {"", "   ", "local-app-password", "test-app-password"}) {
            assertThat(ProductionSecretsGuard.problems(STRONG_JWT, weak, null))
                    .as("database password '%s'", weak)
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("SPRING_DATASOURCE_PASSWORD");
        }
    }

    @Test
    void flagsTheTestMetricsPassword() {
        assertThat(ProductionSecretsGuard.problems(STRONG_JWT, STRONG_DB, "test-metrics-password"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("TRACEHUB_SECURITY_METRICS_PASSWORD");
    }

    @Test
    void reportsAllProblemsAtOnce() {
        assertThat(ProductionSecretsGuard.problems(
                        "test-signing-key-with-at-least-thirty-two-bytes", "", "test-metrics-password"))
                .hasSize(3);
    }

    @Test
    void refusesToStartADeploymentWithDevelopmentSecretsWithoutEchoingThem() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("spring.datasource.password", "test-app-password");
        ProductionSecretsGuard guard = new ProductionSecretsGuard(
                environment, new SecurityProperties("local-development-signing-key-not-for-production-use", null));

        assertThatThrownBy(guard::afterPropertiesSet)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRACEHUB_SECURITY_JWT_SECRET")
                .hasMessageContaining("SPRING_DATASOURCE_PASSWORD")
                .message()
                .doesNotContain("local-development-signing-key-not-for-production-use")
                .doesNotContain("test-app-password");
    }

    @Test
    void refusesADeploymentWithoutADatabasePassword() {
        ProductionSecretsGuard guard =
                new ProductionSecretsGuard(new MockEnvironment(), new SecurityProperties(STRONG_JWT, null));

        assertThatThrownBy(guard::afterPropertiesSet).hasMessageContaining("SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void startsADeploymentWithStrongSecrets() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.password", STRONG_DB);

        assertThatCode(() -> new ProductionSecretsGuard(environment, new SecurityProperties(STRONG_JWT, null))
                        .afterPropertiesSet())
                .doesNotThrowAnyException();
    }

    @Test
    void letsTheEmbeddedDatabaseRunsUseTheirPublicSecrets() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("tracehub.embedded-postgres.enabled", "true")
                .withProperty("spring.datasource.password", "local-app-password");

        assertThatCode(() -> new ProductionSecretsGuard(
                                environment,
                                new SecurityProperties("local-development-signing-key-not-for-production-use", null))
                        .afterPropertiesSet())
                .doesNotThrowAnyException();
    }
}
