package cc.console.app;

import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.core.testkit.ManualClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30));
    private final Principal ali = new Principal("ali", "Ali", Role.AGENT, "a1", "fa", "");

    @Test
    @DisplayName("a session lives while used and ends after the idle time; each has its own id and CSRF token")
    void idle() {
        Sessions.Session s = sessions.open(ali);
        Sessions.Session other = sessions.open(ali);
        assertNotEquals(s.id(), other.id());
        assertNotEquals(s.csrfToken(), other.csrfToken());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.isLive(s.id()), "used 29 minutes ago");
        assertFalse(sessions.isLive(other.id()), "idle 58 minutes");
        assertTrue(sessions.find(other.id()).isEmpty());
        clock.advance(Duration.ofMinutes(30));
        assertFalse(sessions.isLive(s.id()));
    }

    @Test
    @DisplayName("changing a user signs out all their sessions")
    void closeUser() {
        Sessions.Session s = sessions.open(ali);
        sessions.closeUser("ali");
        assertTrue(sessions.find(s.id()).isEmpty());
        assertTrue(sessions.find(null).isEmpty());
    }
}
