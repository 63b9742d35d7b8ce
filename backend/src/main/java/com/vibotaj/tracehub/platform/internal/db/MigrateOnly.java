package com.vibotaj.tracehub.platform.internal.db;

import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * {@code --tracehub.migrate-only=true}: apply the Liquibase changelog with the owner role and exit,
 * without a web server. Deploys run migrations as this separate step, under the deploy lock, before
 * any new instance starts; application instances then run with Liquibase disabled.
 */
@Component
@ConditionalOnBooleanProperty("tracehub.migrate-only")
@Order(Ordered.HIGHEST_PRECEDENCE)
class MigrateOnly implements ApplicationRunner {

    private final ConfigurableApplicationContext context;

    MigrateOnly(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Liquibase has already run while the context started; a failure would have stopped it there.
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** Turns the web server off in migrate-only mode, before the application type is decided. */
    public static class NoWebServer implements EnvironmentPostProcessor {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            if (environment.getProperty("tracehub.migrate-only", Boolean.class, false)) {
                environment
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "migrateOnly",
                                Map.of(
                                        "spring.main.web-application-type", "none",
                                        "spring.liquibase.enabled", "true",
                                        "tracehub.demo.enabled", "false")));
            }
        }
    }
}
