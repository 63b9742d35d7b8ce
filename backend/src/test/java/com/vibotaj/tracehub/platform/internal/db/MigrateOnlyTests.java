package com.vibotaj.tracehub.platform.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class MigrateOnlyTests {

    @Test
    void migrateOnlyRunsWithoutWebServerOrDemoDataAndWithMigrationsOn() {
        StandardEnvironment environment = environment(Map.of(
                "tracehub.migrate-only", "true", "spring.liquibase.enabled", "false", "tracehub.demo.enabled", "true"));

        new MigrateOnly.NoWebServer().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("spring.liquibase.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("tracehub.demo.enabled")).isEqualTo("false");
    }

    @Test
    void aNormalStartIsUntouched() {
        StandardEnvironment environment = environment(Map.of("spring.liquibase.enabled", "false"));

        new MigrateOnly.NoWebServer().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
        assertThat(environment.getProperty("spring.liquibase.enabled")).isEqualTo("false");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
