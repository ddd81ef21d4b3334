package cc.console.domain.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class SignInThrottleTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle();

    private Duration waitAt(String user, String address, Instant now) {
        SignInThrottle.Decision d = throttle.check(user, address, now);
        return d instanceof SignInThrottle.Wait w ? w.retryAfter() : Duration.ZERO;
    }

    @Test
    @DisplayName("three wrong passwords are free, then each failure doubles the lock-out")
    void backsOff() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(SignInThrottle.Allowed.class, throttle.check("ali", "10.0.0.1", T0));
            throttle.failed("ali", "10.0.0.1", T0);
        }
        assertEquals(Duration.ZERO, waitAt("ali", "10.0.0.1", T0));
        throttle.failed("ali", "10.0.0.1", T0);
        assertEquals(Duration.ofSeconds(1), waitAt("ali", "10.0.0.1", T0));
        Instant t1 = T0.plusSeconds(1);
        assertEquals(Duration.ZERO, waitAt("ali", "10.0.0.1", t1));
        throttle.failed("ali", "10.0.0.1", t1);
        assertEquals(Duration.ofSeconds(2), waitAt("ali", "10.0.0.1", t1));
        Instant t2 = t1.plusSeconds(2);
        throttle.failed("ali", "10.0.0.1", t2);
        assertEquals(Duration.ofSeconds(4), waitAt("ali", "10.0.0.1", t2));
    }

    @Test
    @DisplayName("a user locked out stays locked out from another address, and an address guessing at many users is locked out too")
    void perUserAndPerAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ali", "10.0.0.1", T0);
        }
        assertEquals(Duration.ofSeconds(1), waitAt("ali", "10.0.0.99", T0));
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.0.0.7", T0);
        }
        assertEquals(Duration.ZERO, waitAt("sara", "10.0.0.7", T0), "an office behind one address may mistype 20 times");
        throttle.failed("user20", "10.0.0.7", T0);
        assertEquals(Duration.ofSeconds(1), waitAt("sara", "10.0.0.7", T0));
        assertEquals(Duration.ZERO, waitAt("sara", "10.0.0.8", T0));
    }

    @Test
    @DisplayName("lock-outs are capped at fifteen minutes and forgotten after a quiet quarter hour")
    void capsAndForgets() {
        Instant t = T0;
        for (int i = 0; i < 40; i++) {
            throttle.failed("ali", "a", t);
        }
        assertEquals(SignInThrottle.MAX_LOCK, waitAt("ali", "a", t));
        Instant later = t.plus(Duration.ofMinutes(16));
        throttle.failed("ali", "a", later);
        assertEquals(1, throttle.failures("ali"));
        assertEquals(Duration.ZERO, waitAt("ali", "b", later));
    }

    @Test
    @DisplayName("a successful sign-in clears the user's failures, not the address's")
    void successClearsUser() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ali", "a", T0);
        }
        throttle.succeeded("ali", T0);
        assertEquals(0, throttle.failures("ali"));
        for (int i = 0; i < 18; i++) {
            throttle.failed("bob" + i, "a", T0);
        }
        assertEquals(Duration.ofSeconds(1), waitAt("carol", "a", T0));
    }
}
