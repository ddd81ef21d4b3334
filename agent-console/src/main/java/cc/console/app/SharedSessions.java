package cc.console.app;

import cc.console.domain.auth.Principal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where several nodes keep the signed-in sessions they share (port; the cluster's map implements it), so a browser
 * signed in on one node is signed in on all, and a sign-out on one ends the session on all. Keys are the SHA-256 of
 * the session id, never the id itself: whoever can read the store cannot take over a session with what is in it.
 * Implementations must be thread-safe and answer quickly: {@link Sessions} asks them on every request.
 */
public interface SharedSessions {

    /** One session as the nodes share it; {@code lastSeen} moves at most every few seconds (see {@link Sessions}). */
    record Shared(Principal principal, String csrfToken, Instant signedIn, Instant lastSeen) {}

    /** Stores (or replaces) a session, to be dropped by the store after {@code expireAfter} at the latest. */
    void put(String key, Shared session, Duration expireAfter);

    Optional<Shared> get(String key);

    /**
     * {@link #get} without blocking the caller: the console's requests read the store through this on their event
     * loop. The stage may complete on any thread. By default the blocking {@link #get}, for stores that answer in
     * memory.
     */
    default java.util.concurrent.CompletionStage<Optional<Shared>> getAsync(String key) {
        return java.util.concurrent.CompletableFuture.completedFuture(get(key));
    }

    /** {@link #put} without waiting for the store's acknowledgement (the last use written back on a request). */
    default void putQuietly(String key, Shared session, Duration expireAfter) {
        put(key, session, expireAfter);
    }

    void remove(String key);

    /** Removes every session of the user; how many were removed. */
    int removeUser(String username);
}
