package cc.launcher.cluster;

import cc.console.app.SharedSessions;
import cc.core.contract.RecordJson;
import com.hazelcast.map.IMap;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Console sessions in a Hazelcast map every node shares, by the SHA-256 of the session id (never the id), each as
 * the JSON of {@link SharedSessions.Shared}; Hazelcast drops an entry at the session's lifetime. The console reads
 * the map on each request through {@link #getAsync} (IMap.getAsync: the event loop does not wait for the round trip to
 * the member that owns the key) and writes a session's last use back with {@link #putQuietly} (IMap.setAsync); the
 * rarer calls (sign-in, sign-out, ending a user's sessions) block for one round trip.
 */
final class HazelcastSessions implements SharedSessions {
    static final String MAP = "cc.console.sessions";
    private final IMap<String, String> map;

    HazelcastSessions(IMap<String, String> map) {
        this.map = map;
    }

    @Override
    public void put(String key, Shared session, Duration expireAfter) {
        long seconds = Math.max(1, expireAfter.toSeconds());
        map.set(key, RecordJson.encode(session).encode(), seconds, TimeUnit.SECONDS);
    }

    @Override
    public Optional<Shared> get(String key) {
        String json = map.get(key);
        return json == null ? Optional.empty() : Optional.of(RecordJson.decode(Shared.class, new JsonObject(json)));
    }

    @Override
    public java.util.concurrent.CompletionStage<Optional<Shared>> getAsync(String key) {
        return map.getAsync(key).thenApply(json -> json == null ? Optional.<Shared>empty()
                : Optional.of(RecordJson.decode(Shared.class, new JsonObject(json))));
    }

    @Override
    public void putQuietly(String key, Shared session, Duration expireAfter) {
        long seconds = Math.max(1, expireAfter.toSeconds());
        map.setAsync(key, RecordJson.encode(session).encode(), seconds, TimeUnit.SECONDS);
    }

    @Override
    public void remove(String key) {
        map.delete(key);
    }

    @Override
    public int removeUser(String username) {
        int removed = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            Shared s = RecordJson.decode(Shared.class, new JsonObject(e.getValue()));
            if (s.principal().username().equals(username)) {
                // unconditionally: a use on another node may have just rewritten the entry's last use
                map.delete(e.getKey());
                removed++;
            }
        }
        return removed;
    }
}
