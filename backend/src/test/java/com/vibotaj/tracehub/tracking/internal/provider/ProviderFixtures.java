package com.vibotaj.tracehub.tracking.internal.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared test material: recorded provider bodies, fast client settings, a sleeper that only records. */
public final class ProviderFixtures {

    private ProviderFixtures() {}

    public static String fixture(String path) {
        return new String(fixtureBytes(path), StandardCharsets.UTF_8);
    }

    public static byte[] fixtureBytes(String path) {
        String resource = "tracking/fixtures/" + path;
        try (InputStream in = ProviderFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings that keep tests fast: tiny back-off, no client-side throttling. */
    public static TrackingProviderProperties.Http fastHttp(int maxAttempts) {
        return fastHttp(maxAttempts, Duration.ofSeconds(5));
    }

    public static TrackingProviderProperties.Http fastHttp(int maxAttempts, Duration readTimeout) {
        return new TrackingProviderProperties.Http(
                6000, Duration.ofSeconds(2), readTimeout, maxAttempts, Duration.ofMillis(5), Duration.ofSeconds(5));
    }

    /** Records requested waits instead of sleeping. */
    public static final class RecordingSleeper implements Sleeper {
        private final List<Duration> waits = new ArrayList<>();

        @Override
        public synchronized void sleep(Duration duration) {
            waits.add(duration);
        }

        public synchronized List<Duration> waits() {
            return List.copyOf(waits);
        }
    }
}
