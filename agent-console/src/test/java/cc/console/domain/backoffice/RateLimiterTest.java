package cc.console.domain.backoffice;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    @DisplayName("a key may burst its minute's allowance, then waits for the next request's share, which Retry-After tells")
    void burstThenRefill() {
        RateLimiter limiter = new RateLimiter();
        for (int i = 0; i < 60; i++) {
            assertTrue(limiter.take("k", 60, T0).allowed(), "request " + i);
        }
        RateLimiter.Decision refused = limiter.take("k", 60, T0);
        assertFalse(refused.allowed());
        assertEquals(Duration.ofSeconds(1), refused.retryAfter());
        assertFalse(limiter.take("k", 60, T0.plusMillis(999)).allowed());
        assertTrue(limiter.take("k", 60, T0.plusSeconds(1)).allowed());
        assertTrue(limiter.take("other", 60, T0).allowed(), "each key counts alone");
    }

    @Test
    @DisplayName("a slow key of 2 a minute waits 30 s for its third request; a revoked key's bucket is forgotten")
    void slowKey() {
        RateLimiter limiter = new RateLimiter();
        assertTrue(limiter.take("s", 2, T0).allowed());
        assertTrue(limiter.take("s", 2, T0).allowed());
        RateLimiter.Decision d = limiter.take("s", 2, T0.plusSeconds(10));
        assertFalse(d.allowed());
        assertEquals(20, d.retryAfter().toSeconds(), 1);
        limiter.forget("s");
        assertTrue(limiter.take("s", 2, T0.plusSeconds(10)).allowed());
    }
}
