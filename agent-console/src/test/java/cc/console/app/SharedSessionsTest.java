package cc.console.app;

import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.core.testkit.ManualClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two nodes' sessions on one shared store (the cluster's map stands in as a plain map): sign in once, any node. */
class SharedSessionsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final InMemory store = new InMemory();
    private final Sessions node1 = shared(new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(8)));
    private final Sessions node2 = shared(new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(8)));
    private final Principal ali = new Principal("ali", "Ali", Role.AGENT, "a1", "fa", "PJSIP/1001");

    @Test
    @DisplayName("signed in on one node, the browser is signed in on the other with the same user and CSRF token; "
            + "the store holds no usable session id")
    void signInOnceAnyNode() {
        Sessions.Session s = node1.open(ali);
        Sessions.Session there = node2.find(s.id()).orElseThrow();
        assertEquals(ali, there.principal());
        assertEquals(s.csrfToken(), there.csrfToken());
        assertFalse(store.map.containsKey(s.id()), "keys are hashes of the ids");
        assertTrue(node2.find("made-up").isEmpty());
    }

    @Test
    @DisplayName("signing out on one node ends the session on every node; so does ending a user's sessions")
    void signOutEverywhere() {
        Sessions.Session s = node1.open(ali);
        assertTrue(node2.find(s.id()).isPresent());
        node2.close(s.id());
        assertTrue(node1.find(s.id()).isEmpty(), "signed out on node 2");
        assertFalse(node1.isLive(s.id()));

        Sessions.Session a = node1.open(ali);
        Sessions.Session b = node2.open(ali);
        assertTrue(node2.find(a.id()).isPresent());
        assertEquals(2, node1.closeUser("ali"));
        assertTrue(node2.find(a.id()).isEmpty());
        assertTrue(node2.find(b.id()).isEmpty());
        assertTrue(store.map.isEmpty());
    }

    @Test
    @DisplayName("a browser busy on one node stays signed in on the other; idle on all, it ends; the lifetime holds")
    void idleCountsEveryNode() {
        Sessions.Session s = node1.open(ali);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(node2.find(s.id()).isPresent());
        }
        assertTrue(node1.isLive(s.id()), "used on node 2 20 minutes ago, unused on node 1 for an hour");
        clock.advance(Duration.ofMinutes(31));
        assertFalse(node1.isLive(s.id()));
        assertTrue(node1.find(s.id()).isEmpty());
        assertTrue(node2.find(s.id()).isEmpty());

        Sessions.Session busy = node1.open(ali);
        for (int i = 0; i < 16; i++) {
            clock.advance(Duration.ofMinutes(29));
            (i % 2 == 0 ? node1 : node2).find(busy.id());
        }
        clock.advance(Duration.ofMinutes(20));
        assertTrue(node2.find(busy.id()).isEmpty(), "8 h after sign-in, however busy");
    }

    @Test
    @DisplayName("the non-blocking reads answer as the blocking ones: found on the other node, touched there, ended "
            + "by a sign-out, idle on every node")
    void asyncReadsAnswerAsTheBlockingOnes() {
        Sessions.Session s = node1.open(ali);
        Sessions.Session there = node2.findAsync(s.id()).result().orElseThrow();
        assertEquals(s.csrfToken(), there.csrfToken());
        assertTrue(node2.findAsync("made-up").result().isEmpty());
        clock.advance(Duration.ofMinutes(20));
        assertTrue(node2.findAsync(s.id()).result().isPresent());
        clock.advance(Duration.ofMinutes(20));
        assertTrue(node1.isLiveAsync(s.id()).result(), "used on node 2 20 minutes ago: the touch reached the store");
        clock.advance(Duration.ofMinutes(11));
        assertFalse(node1.isLiveAsync(s.id()).result());
        assertTrue(node2.findAsync(s.id()).result().isEmpty());

        Sessions.Session b = node1.open(ali);
        node2.close(b.id());
        assertTrue(node1.findAsync(b.id()).result().isEmpty(), "signed out on node 2");
        assertFalse(node1.isLiveAsync(b.id()).result());
    }

    private Sessions shared(Sessions s) {
        s.shareThrough(store);
        return s;
    }

    /** The shared store as a map in this JVM; expiry is left to the sessions' own checks. */
    private static final class InMemory implements SharedSessions {
        final Map<String, Shared> map = new ConcurrentHashMap<>();

        @Override
        public void put(String key, Shared session, Duration expireAfter) {
            map.put(key, session);
        }

        @Override
        public Optional<Shared> get(String key) {
            return Optional.ofNullable(map.get(key));
        }

        @Override
        public void remove(String key) {
            map.remove(key);
        }

        @Override
        public int removeUser(String username) {
            int before = map.size();
            map.values().removeIf(s -> s.principal().username().equals(username));
            return before - map.size();
        }
    }
}
