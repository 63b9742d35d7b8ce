package com.vibotaj.tracehub.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.identity.IdentityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String ADDRESS = "203.0.113.7";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new IdentityProperties(
                    Duration.ofMinutes(10),
                    Duration.ofDays(14),
                    true,
                    Duration.ofDays(7),
                    new IdentityProperties.Login(5, 30, WINDOW)),
            clock);

    @Test
    void allowsFewerFailuresThanTheLimit() {
        fail("ada@example.test", 4);

        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).isEmpty();
    }

    @Test
    void refusesTheAccountForTheRestOfTheWindowAfterFiveFailures() {
        fail("ada@example.test", 5);

        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).hasValue(WINDOW);
        // From another address too: the limit protects the account, not the connection.
        assertThat(throttle.retryAfter("ada@example.test", "198.51.100.1")).hasValue(WINDOW);
        assertThat(throttle.retryAfter("bob@example.test", ADDRESS)).isEmpty();
    }

    @Test
    void countsTheWaitFromTheFailureThatMustAgeOut() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("ada@example.test", ADDRESS);
            clock.advance(Duration.ofMinutes(1));
        }
        // Failures at 0..4 minutes, now is minute 5: free once the first one (minute 0) leaves the window.
        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).hasValue(WINDOW.minusMinutes(5));

        clock.advance(WINDOW.minusMinutes(5).minusSeconds(1));
        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).hasValue(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).isEmpty();
    }

    @Test
    void forgetsFailuresOlderThanTheWindow() {
        fail("ada@example.test", 5);
        clock.advance(WINDOW.plusSeconds(1));

        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).isEmpty();

        // Old failures do not count towards a new series either.
        fail("ada@example.test", 4);
        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).isEmpty();
        fail("ada@example.test", 1);
        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).hasValue(WINDOW);
    }

    @Test
    void aSuccessfulLoginResetsTheAccount() {
        fail("ada@example.test", 4);
        throttle.recordSuccess("ada@example.test");
        fail("ada@example.test", 4);

        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).isEmpty();

        fail("ada@example.test", 1);
        throttle.recordSuccess("ada@example.test");
        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).isEmpty();
    }

    @Test
    void aSuccessOfOneAccountDoesNotResetAnother() {
        fail("ada@example.test", 5);
        throttle.recordSuccess("bob@example.test");

        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).isPresent();
    }

    @Test
    void limitsAnAddressSprayingManyAccounts() {
        for (int i = 0; i < 29; i++) {
            throttle.recordFailure("user" + i + "@example.test", ADDRESS);
        }
        assertThat(throttle.retryAfter("fresh@example.test", ADDRESS)).isEmpty();

        throttle.recordFailure("user29@example.test", ADDRESS);

        assertThat(throttle.retryAfter("fresh@example.test", ADDRESS)).hasValue(WINDOW);
        assertThat(throttle.retryAfter("fresh@example.test", "198.51.100.1")).isEmpty();
        // A success of one account does not lift the address limit.
        throttle.recordSuccess("user0@example.test");
        assertThat(throttle.retryAfter("fresh@example.test", ADDRESS)).isPresent();

        clock.advance(WINDOW);
        assertThat(throttle.retryAfter("fresh@example.test", ADDRESS)).isEmpty();
    }

    @Test
    void reportsTheLongerWaitWhenBothLimitsApply() {
        for (int i = 0; i < 30; i++) {
            throttle.recordFailure("spray" + i + "@example.test", ADDRESS);
        }
        clock.advance(Duration.ofMinutes(10));
        fail("ada@example.test", 5);

        // The address frees in 5 minutes, the account only in 15.
        assertThat(throttle.retryAfter("ada@example.test", ADDRESS)).hasValue(WINDOW);
        assertThat(throttle.retryAfter("other@example.test", ADDRESS)).hasValue(Duration.ofMinutes(5));
    }

    private void fail(String account, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(account, ADDRESS);
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
