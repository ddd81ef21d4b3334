package cc.console.app;

import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.core.testkit.ManualClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    @DisplayName("a session ends at its absolute lifetime however busy it was, and a new sign-in starts a new one")
    void lifetime() {
        Sessions short8h = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(8));
        Sessions.Session s = short8h.open(ali);
        for (int i = 0; i < 16; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertTrue(short8h.find(s.id()).isPresent(), "used every 29 minutes, " + (i + 1) * 29 + " min in");
        }
        clock.advance(Duration.ofMinutes(20));
        assertFalse(short8h.isLive(s.id()), "8 h 4 min after sign-in, used 20 min ago");
        assertTrue(short8h.find(s.id()).isEmpty());
        Sessions.Session again = short8h.open(ali);
        assertNotEquals(s.id(), again.id());
        assertTrue(short8h.find(again.id()).isPresent());
    }

    @Test
    @DisplayName("an id this node did not make is never a session, and signing out everywhere ends only that user's")
    void unknownIdsAndEverywhere() {
        assertTrue(sessions.find("planted-by-an-attacker").isEmpty());
        Sessions.Session a = sessions.open(ali);
        Sessions.Session b = sessions.open(ali);
        Sessions.Session sara = sessions.open(new Principal("sara", "Sara", Role.SUPERVISOR, "", "en", ""));
        assertEquals(2, sessions.closeUser("ali"));
        assertFalse(sessions.isLive(a.id()));
        assertFalse(sessions.isLive(b.id()));
        assertTrue(sessions.isLive(sara.id()));
    }
}
