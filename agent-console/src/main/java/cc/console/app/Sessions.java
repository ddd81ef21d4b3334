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
 * unknown, never adopted (no session fixation). Sessions are per node (a restart signs everyone out) unless
 * {@link #shareThrough} gives them a store the nodes share: then a session opened on one node is found on every node,
 * and ending it on one ends it on all.
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
    /** The store the nodes share, when several nodes serve the console; null with one node. */
    private volatile SharedSessions shared;
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
        SharedSessions store = shared;
        if (store != null) {
            store.put(key(s.id), new SharedSessions.Shared(principal, s.csrfToken, s.signedIn, s.lastSeen), lifetime);
        }
        return s;
    }

    /**
     * Keeps every session in a store the nodes share from now on (call at start, before the first sign-in). Each
     * request then reads the session from the store, so a sign-out or a user's sessions ended on another node end
     * it here at once; the time it was last used is written back at most every {@link #touchEvery()}.
     */
    public void shareThrough(SharedSessions store) {
        this.shared = java.util.Objects.requireNonNull(store, "store");
    }

    /** How often a session's last use is written to the shared store: a tenth of the idle time, at least 1 s. */
    Duration touchEvery() {
        Duration d = idle.dividedBy(10);
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }

    /** The shared store's key of a session: the SHA-256 of its id, so the store never holds a usable id. */
    static String key(String id) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The session as the shared store has it (null when another node ended it), merged into this node's copy: the
     * latest use seen by any node counts. Touches the store when this use moves the last use on enough.
     */
    private Session fromShared(SharedSessions store, String id, Session local, Instant now, boolean touch) {
        return merged(store, id, store.get(key(id)), local, now, touch);
    }

    /** Merges what the shared store answered ({@code found}) into this node's copy; see {@link #fromShared}. */
    private Session merged(SharedSessions store, String id, Optional<SharedSessions.Shared> found, Session local,
                           Instant now, boolean touch) {
        String key = key(id);
        if (found.isEmpty()) {
            if (local != null) {
                sessions.remove(id, local);
            }
            return null;
        }
        SharedSessions.Shared sh = found.get();
        Session s = local;
        if (s == null) {
            s = new Session(id, sh.principal(), sh.csrfToken(), sh.signedIn());
            Session raced = sessions.putIfAbsent(id, s);
            s = raced == null ? s : raced;
        }
        if (sh.lastSeen().isAfter(s.lastSeen)) {
            s.lastSeen = sh.lastSeen();
        }
        if (touch && live(s, now) && !now.isBefore(sh.lastSeen().plus(touchEvery()))) {
            store.putQuietly(key, new SharedSessions.Shared(sh.principal(), sh.csrfToken(), sh.signedIn(), now),
                    Duration.between(now, s.signedIn.plus(lifetime)));
        }
        return s;
    }

    /**
     * {@link #find} for an event loop: with a shared store the read does not block (it completes on the caller's
     * Vert.x context, or on the store's thread when called off any context); with none it completes at once.
     */
    public io.vertx.core.Future<Optional<Session>> findAsync(String id) {
        SharedSessions store = shared;
        if (store == null || id == null) {
            return io.vertx.core.Future.succeededFuture(find(id));
        }
        return fromStore(store, id).map(found -> {
            Instant now = clock.instant();
            return touched(store, id, merged(store, id, found, sessions.get(id), now, true), now);
        });
    }

    /** {@link #isLive} for an event loop, as {@link #findAsync} reads. */
    public io.vertx.core.Future<Boolean> isLiveAsync(String id) {
        SharedSessions store = shared;
        if (store == null || id == null) {
            return io.vertx.core.Future.succeededFuture(isLive(id));
        }
        return fromStore(store, id).map(found -> {
            Instant now = clock.instant();
            Session s = merged(store, id, found, sessions.get(id), now, false);
            return s != null && live(s, now);
        });
    }

    private static io.vertx.core.Future<Optional<SharedSessions.Shared>> fromStore(SharedSessions store, String id) {
        java.util.concurrent.CompletionStage<Optional<SharedSessions.Shared>> read;
        try {
            read = store.getAsync(key(id));
        } catch (RuntimeException e) {
            return io.vertx.core.Future.failedFuture(e);
        }
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return context == null ? io.vertx.core.Future.fromCompletionStage(read)
                : io.vertx.core.Future.fromCompletionStage(read, context);
    }

    /** The live session with this id, touched; empty when unknown or idle too long (which also ends it). */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        Instant now = clock.instant();
        SharedSessions store = shared;
        if (store != null) {
            s = fromShared(store, id, s, now, true);
        }
        return touched(store, id, s, now);
    }

    /** The session found (or null), ended when idle too long, else touched now. */
    private Optional<Session> touched(SharedSessions store, String id, Session s, Instant now) {
        if (s == null) {
            return Optional.empty();
        }
        if (!live(s, now)) {
            sessions.remove(id);
            if (store != null) {
                store.remove(key(id));
            }
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    /** Whether the session is still signed in, without counting this as activity. */
    public boolean isLive(String id) {
        Session s = id == null ? null : sessions.get(id);
        SharedSessions store = shared;
        if (store != null && id != null) {
            s = fromShared(store, id, s, clock.instant(), false);
        }
        return s != null && live(s, clock.instant());
    }

    private boolean live(Session s, Instant now) {
        return now.isBefore(s.lastSeen.plus(idle)) && now.isBefore(s.signedIn.plus(lifetime));
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
            SharedSessions store = shared;
            if (store != null) {
                store.remove(key(id));
            }
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
        SharedSessions store = shared;
        if (store != null) {
            // the sessions opened on other nodes too; each node's copy goes at its next request
            closed = Math.max(closed, store.removeUser(username));
        }
        return closed;
    }

    public int size() {
        return sessions.size();
    }
}
