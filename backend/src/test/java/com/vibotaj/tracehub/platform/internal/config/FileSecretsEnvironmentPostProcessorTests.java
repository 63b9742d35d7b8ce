package com.vibotaj.tracehub.platform.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class FileSecretsEnvironmentPostProcessorTests {

    @TempDir
    Path directory;

    @Test
    void readsTheFileNamedByASpringOrTracehubVariable() throws IOException {
        Map<String, Object> secrets = FileSecretsEnvironmentPostProcessor.fromFiles(Map.of(
                "SPRING_DATASOURCE_PASSWORD_FILE", file("db", "database-secret\n"),
                "TRACEHUB_SECURITY_JWT_SECRET_FILE", file("jwt", "signing-secret-of-enough-length-0123456789\r\n")));

        assertThat(secrets)
                .containsOnly(
                        Map.entry("SPRING_DATASOURCE_PASSWORD", "database-secret"),
                        Map.entry("TRACEHUB_SECURITY_JWT_SECRET", "signing-secret-of-enough-length-0123456789"));
    }

    @Test
    void keepsTheContentExceptTheTrailingLineBreak() throws IOException {
        Map<String, Object> secrets = FileSecretsEnvironmentPostProcessor.fromFiles(
                Map.of("TRACEHUB_SECRET_FILE", file("s", "  line one\nline two=with:symbols'\"\n\n")));

        assertThat(secrets).containsEntry("TRACEHUB_SECRET", "  line one\nline two=with:symbols'\"");
    }

    @Test
    void ignoresOtherToolsFileVariables() throws IOException {
        Map<String, Object> environment = new HashMap<>();
        environment.put(
                "TF_CLI_CONFIG_FILE", directory.resolve("does-not-exist").toString());
        environment.put("KUBECONFIG_FILE", file("kube", "not ours"));
        environment.put("GOOGLE_APPLICATION_CREDENTIALS_FILE", file("gcp", "not ours either"));
        environment.put("SPRING_DATASOURCE_PASSWORD", "a plain variable");
        environment.put("TRACEHUB_FILES", "not the suffix");

        assertThat(FileSecretsEnvironmentPostProcessor.fromFiles(environment)).isEmpty();
    }

    @Test
    void refusesAnUnreadableFileNamingTheVariableButNotTheContent() throws IOException {
        Path notUtf8 = directory.resolve("broken");
        byte[] content = "super-secret-value".getBytes(StandardCharsets.US_ASCII);
        byte[] withInvalidByte = new byte[content.length + 1];
        System.arraycopy(content, 0, withInvalidByte, 0, content.length);
        withInvalidByte[content.length] = (byte) 0xFF;
        Files.write(notUtf8, withInvalidByte);

        assertThatThrownBy(() -> FileSecretsEnvironmentPostProcessor.fromFiles(
                        Map.of("TRACEHUB_SECURITY_JWT_SECRET_FILE", notUtf8.toString())))
                .hasMessageContaining("TRACEHUB_SECURITY_JWT_SECRET_FILE")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("super-secret-value");
                    }
                });

        assertThatThrownBy(() -> FileSecretsEnvironmentPostProcessor.fromFiles(Map.of(
                        "SPRING_DATASOURCE_PASSWORD_FILE",
                        directory.resolve("missing").toString())))
                .hasMessageContaining("SPRING_DATASOURCE_PASSWORD_FILE");
        assertThatThrownBy(() -> FileSecretsEnvironmentPostProcessor.fromFiles(
                        Map.of("SPRING_DATASOURCE_PASSWORD_FILE", directory.toString())))
                .hasMessageContaining("SPRING_DATASOURCE_PASSWORD_FILE");
    }

    @Test
    void makesTheSecretAPropertyWithRelaxedBindingBelowTheRealEnvironment() throws IOException {
        Map<String, Object> variables = new HashMap<>();
        variables.put("TRACEHUB_SECURITY_JWT_SECRET_FILE", file("jwt", "from-the-file\n"));
        variables.put("SPRING_DATASOURCE_PASSWORD_FILE", file("db", "file-password\n"));
        variables.put("SPRING_DATASOURCE_PASSWORD", "real-variable-wins");
        StandardEnvironment environment = environmentWith(variables);

        new FileSecretsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("tracehub.security.jwt-secret")).isEqualTo("from-the-file");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("real-variable-wins");
    }

    @Test
    void addsNothingWhenNoFileIsNamed() {
        StandardEnvironment environment = environmentWith(Map.of("PATH", "/usr/bin"));
        int sources = environment.getPropertySources().size();

        new FileSecretsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().size()).isEqualTo(sources);
    }

    /** An environment whose operating-system variables are exactly {@code variables}. */
    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment() {
            @Override
            public Map<String, Object> getSystemEnvironment() {
                return variables;
            }
        };
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return environment;
    }

    private String file(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file.toString();
    }
}
