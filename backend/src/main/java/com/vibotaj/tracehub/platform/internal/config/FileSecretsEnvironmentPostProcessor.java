package com.vibotaj.tracehub.platform.internal.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Supports the {@code *_FILE} convention of container secrets: for {@code X_FILE=/run/secrets/x} the
 * file's content (trailing newline removed) becomes the value of {@code X}, with the same relaxed
 * binding as a real environment variable. Only our own namespaces ({@code SPRING_}, {@code TRACEHUB_})
 * are read: other tools use the same suffix for unrelated files. A named file that cannot be read stops the start-up: running
 * without the secret the operator asked for would be worse.
 */
public class FileSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private static final String SUFFIX = "_FILE";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> secrets = fromFiles(environment.getSystemEnvironment());
        if (!secrets.isEmpty()) {
            environment
                    .getPropertySources()
                    .addAfter(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new SystemEnvironmentPropertySource("fileSecrets", secrets));
        }
    }

    static Map<String, Object> fromFiles(Map<String, Object> environment) {
        Map<String, Object> secrets = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.endsWith(SUFFIX) && isOurs(name) && value instanceof String file) {
                String target = name.substring(0, name.length() - SUFFIX.length());
                secrets.put(target, read(name, file));
            }
        });
        return secrets;
    }

    private static boolean isOurs(String name) {
        return name.startsWith("SPRING_") || name.startsWith("TRACEHUB_");
    }

    private static String read(String variable, String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(variable + " names a file that cannot be read", e);
        }
    }
}
