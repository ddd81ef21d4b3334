package cc.console.app;

import cc.console.domain.auth.CsrfTokens;
import cc.console.domain.auth.Principal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions of this node, by an unguessable id (the cookie), each with its CSRF token. A session ends at
 * sign-out, after {@code idle} without requests, or {@code lifetime} after sign-in however busy it was (so a stolen
 * cookie is not good for ever). Ids are only ever made here: an id a browser presents that this node did not make is
 * unknown, never adopted (no session fixation). Sessions are per node: a restart signs everyone out.
 *
 * <p>Thread-safe: HTTP requests on any event loop read and touch sessions.
 */
public final class Sessions {

    /** One signed-in browser. {@code lastSeen} moves on each request. */
    public static final class Session {
        private final String id;
        private final Principal principal;
        private final String csrfToken;
        private final Instant signedIn;
        private volatile Instant lastSeen;

        Session(String id, Principal principal, String csrfToken, Instant now) {
            this.id = id;
            this.principal = principal;
            this.csrfToken = csrfToken;
            this.signedIn = now;
            this.lastSeen = now;
        }

        public String id() {
            return id;
        }

        public Principal principal() {
            return principal;
        }

        public String csrfToken() {
            return csrfToken;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final InstantSource clock;
    private final Duration idle;
    private final Duration lifetime;

    /** Sessions ending after {@code idle} without requests, and at the latest {@link #DEFAULT_LIFETIME} after sign-in. */
    public Sessions(InstantSource clock, Duration idle) {
        this(clock, idle, DEFAULT_LIFETIME);
    }

    /** @param lifetime the longest a session lives after sign-in, used or not (the absolute timeout) */
    public Sessions(InstantSource clock, Duration idle, Duration lifetime) {
        if (idle.isNegative() || idle.isZero() || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("session idle and lifetime must be positive");
        }
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /** The absolute timeout when none is configured: a long working day. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    public Session open(Principal principal) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        Session s = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(id), principal,
                CsrfTokens.newToken(random), clock.instant());
        sessions.put(s.id, s);
        return s;
    }

    /** The live session with this id, touched; empty when unknown or idle too long (which also ends it). */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!live(s, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    /** Whether the session is still signed in, without counting this as activity. */
    public boolean isLive(String id) {
        Session s = id == null ? null : sessions.get(id);
        return s != null && live(s, clock.instant());
    }

    private boolean live(Session s, Instant now) {
        return now.isBefore(s.lastSeen.plus(idle)) && now.isBefore(s.signedIn.plus(lifetime));
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user (password changed, user deactivated, signed out everywhere); how many ended. */
    public int closeUser(String username) {
        int closed = 0;
        for (Session s : sessions.values()) {
            if (s.principal.username().equals(username) && sessions.remove(s.id, s)) {
                closed++;
            }
        }
        return closed;
    }

    public int size() {
        return sessions.size();
    }
}
