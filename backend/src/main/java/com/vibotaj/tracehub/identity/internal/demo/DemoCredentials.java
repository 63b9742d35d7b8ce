package com.vibotaj.tracehub.identity.internal.demo;

import com.vibotaj.tracehub.identity.DemoProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The demo password: from configuration, or generated on the first load and kept in an owner-only
 * file so later runs can still tell the developer where to find it. It is shown once, never logged.
 */
final class DemoCredentials {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DemoProperties properties;

    DemoCredentials(DemoProperties properties) {
        this.properties = properties;
    }

    record Password(String value, boolean configured) {
        /** The password may be printed when configured (the developer chose it) or just generated. */
        Optional<String> printable(boolean fresh) {
            return configured || fresh ? Optional.of(value) : Optional.empty();
        }
    }

    Password resolve(boolean demoExists) {
        if (properties.password() != null && !properties.password().isBlank()) {
            return new Password(properties.password(), true);
        }
        Path file = file();
        if (file != null && Files.isReadable(file)) {
            return new Password(read(file), false);
        }
        if (demoExists) {
            // Users exist but the password is unknown: keep them, but give new ones a fresh password.
            return new Password(generate(), false);
        }
        String generated = generate();
        if (file != null) {
            write(file, generated);
        }
        return new Password(generated, false);
    }

    String location() {
        Path file = file();
        return file == null ? "the first run's output" : file.toString();
    }

    private Path file() {
        return properties.credentialsPath() == null ? null : Path.of(properties.credentialsPath());
    }

    static String generate() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String password) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the user's profile directory protects it instead.
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
