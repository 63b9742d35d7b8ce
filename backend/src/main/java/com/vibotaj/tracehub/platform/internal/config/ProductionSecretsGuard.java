package com.vibotaj.tracehub.platform.internal.config;

import com.vibotaj.tracehub.platform.SecurityProperties;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a real deployment with a development secret. A deployment is anything not running on
 * the embedded database (that is only used by the local run and the tests, whose secrets are public).
 */
@Component
class ProductionSecretsGuard implements InitializingBean {

    /** The secrets committed in application-local.yml and application-test.yml. */
    static final Set<String> PUBLIC_SECRETS = Set.of(
            "local-development-signing-key-not-for-production-use",
            "test-signing-key-with-at-least-thirty-two-bytes",
            "local-app-password",
            "test-app-password",
            "test-metrics-password");

    private final Environment environment;
    private final SecurityProperties security;

    ProductionSecretsGuard(Environment environment, SecurityProperties security) {
        this.environment = environment;
        this.security = security;
    }

    @Override
    public void afterPropertiesSet() {
        if (environment.getProperty("tracehub.embedded-postgres.enabled", Boolean.class, false)) {
            return;
        }
        List<String> problems = problems(
                security.jwtSecret(),
                environment.getProperty("spring.datasource.password", ""),
                security.metricsPassword());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with unsafe secrets: " + String.join("; ", problems)
                    + ". Set them from the environment or *_FILE (see README, Configuration).");
        }
    }

    static List<String> problems(String jwtSecret, String databasePassword, String metricsPassword) {
        java.util.ArrayList<String> problems = new java.util.ArrayList<>();
        if (PUBLIC_SECRETS.contains(jwtSecret)) {
            problems.add("TRACEHUB_SECURITY_JWT_SECRET is a development value");
        }
        if (databasePassword.isBlank() || PUBLIC_SECRETS.contains(databasePassword)) {
            problems.add("SPRING_DATASOURCE_PASSWORD is empty or a development value");
        }
        if (metricsPassword != null && PUBLIC_SECRETS.contains(metricsPassword)) {
            problems.add("TRACEHUB_SECURITY_METRICS_PASSWORD is a development value");
        }
        return problems;
    }
}
