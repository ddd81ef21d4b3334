package cc.core.adapter.redis;

import cc.core.app.livestate.AgentPresence;
import cc.core.app.livestate.LiveCall;
import cc.core.app.livestate.LiveStateStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Live state in Redis, shared by every node connected to it.
 *
 * <p>Keys, all under the configured prefix ({@code cc:}): hash {@code cc:agents} (agent id to presence JSON),
 * hash {@code cc:calls} (interaction id to live-call JSON), and one string {@code cc:lease:<name>} per lease holding
 * the holder's node id with a time to live. A lease is taken with {@code SET key node NX PX ttl}; renewing and
 * releasing run a Lua script that acts only if this node is the holder, so a node whose lease expired cannot
 * extend or delete its successor's. A node that finds the lease held and then sees it expire before its renewal
 * check gets false this time and takes it on its next attempt.
 *
 * <p>Threading: Lettuce's async API on its own I/O threads; every future completes on the caller's Vert.x context.
 * Commands time out after the configured timeout, and commands issued while the connection is down fail at once, so
 * a dead Redis shows as failed futures ({@link LiveStateUnavailableException}), never as hung ones.
 */
public final class RedisLiveState implements LiveStateStore {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveState.class);

    private static final String RENEW_IF_MINE =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
    private static final String RELEASE_IF_MINE =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    private final Vertx vertx;
    private final RedisClient client;
    private final ClientResources resources;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;
    private final String where;
    private final String agentsKey;
    private final String callsKey;
    private final String leasePrefix;
    /** Malformed entries already logged, so a bad value is reported once, not on every listing. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisLiveState(Vertx vertx, RedisClient client, ClientResources resources,
                           StatefulRedisConnection<String, String> connection, String where, String prefix) {
        this.vertx = vertx;
        this.client = client;
        this.resources = resources;
        this.connection = connection;
        this.redis = connection.async();
        this.where = where;
        this.agentsKey = prefix + "agents";
        this.callsKey = prefix + "calls";
        this.leasePrefix = prefix + "lease:";
    }

    /** Connects; fails with a {@link LiveStateUnavailableException} naming the server when it cannot. */
    public static Future<RedisLiveState> connect(Vertx vertx, RedisConfig config) {
        RedisURI uri;
        try {
            uri = RedisURI.create(config.uri());
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalArgumentException("bad redis uri " + config, e));
        }
        uri.setTimeout(config.commandTimeout());
        String where = "Redis at " + uri.getHost() + ":" + uri.getPort();
        // reconnect at most a second apart (Lettuce's default backs off to 30 s): after a Redis outage every node is
        // back within a second, so the routing node takes its lease back before a standby may (RoutingLease)
        ClientResources resources = ClientResources.builder().reconnectDelay(Delay.exponential(Duration.ofMillis(10),
                Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS)).build();
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(config.commandTimeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        Context context = vertx.getOrCreateContext();
        return Future.fromCompletionStage(client.connectAsync(StringCodec.UTF8, uri), context)
                .map(connection -> {
                    log.info("live state in {} under prefix '{}'", where, config.keyPrefix());
                    return new RedisLiveState(vertx, client, resources, connection, where, config.keyPrefix());
                })
                .recover(e -> {
                    client.shutdownAsync().thenRun(resources::shutdown);
                    return Future.failedFuture(new LiveStateUnavailableException(
                            "cannot connect to " + where + ": " + message(e), e));
                });
    }

    @Override
    public Future<Void> putAgent(AgentPresence presence) {
        return call("put agent " + presence.agentId(),
                redis.hset(agentsKey, presence.agentId(), encode(presence).encode()), r -> null);
    }

    @Override
    public Future<Optional<AgentPresence>> agent(String agentId) {
        return call("read agent " + agentId, redis.hget(agentsKey, agentId),
                json -> Optional.ofNullable(json).map(j -> agent(new JsonObject(j))));
    }

    @Override
    public Future<List<AgentPresence>> agents() {
        return call("list agents", redis.hgetall(agentsKey), all -> decodeAll(all, agentsKey, RedisLiveState::agent)
                .stream().sorted(Comparator.comparing(AgentPresence::agentId)).toList());
    }

    @Override
    public Future<Void> removeAgent(String agentId) {
        return call("remove agent " + agentId, redis.hdel(agentsKey, agentId), r -> null);
    }

    @Override
    public Future<Void> putCall(LiveCall call) {
        return call("put call " + call.interactionId(),
                redis.hset(callsKey, call.interactionId(), encode(call).encode()), r -> null);
    }

    @Override
    public Future<Optional<LiveCall>> call(String interactionId) {
        return call("read call " + interactionId, redis.hget(callsKey, interactionId),
                json -> Optional.ofNullable(json).map(j -> liveCall(new JsonObject(j))));
    }

    @Override
    public Future<List<LiveCall>> calls() {
        return call("list calls", redis.hgetall(callsKey), all -> decodeAll(all, callsKey, RedisLiveState::liveCall)
                .stream().sorted(Comparator.comparing(LiveCall::interactionId)).toList());
    }

    @Override
    public Future<Void> removeCall(String interactionId) {
        return call("remove call " + interactionId, redis.hdel(callsKey, interactionId), r -> null);
    }

    @Override
    public Future<Boolean> acquireLease(String lease, String nodeId, Duration ttl) {
        String key = leasePrefix + lease;
        String ttlMillis = String.valueOf(Math.max(1, ttl.toMillis()));
        return call("take lease " + lease, redis.set(key, nodeId, SetArgs.Builder.nx().px(Math.max(1, ttl.toMillis()))),
                ok -> ok != null)
                .compose(taken -> taken ? Future.succeededFuture(true)
                        : call("renew lease " + lease, redis.<Long>eval(RENEW_IF_MINE, ScriptOutputType.INTEGER,
                                new String[] {key}, nodeId, ttlMillis), renewed -> renewed != null && renewed == 1L));
    }

    @Override
    public Future<Void> releaseLease(String lease, String nodeId) {
        return call("release lease " + lease, redis.<Long>eval(RELEASE_IF_MINE, ScriptOutputType.INTEGER,
                new String[] {leasePrefix + lease}, nodeId), r -> null);
    }

    @Override
    public Future<Optional<String>> leaseHolder(String lease) {
        return call("read lease " + lease, redis.get(leasePrefix + lease), Optional::ofNullable);
    }

    /** True when Redis answers PING within the command timeout; false (never a failure) otherwise. */
    @Override
    public Future<Boolean> ping() {
        return call("ping", redis.ping(), "PONG"::equals).otherwise(e -> {
            log.debug("{}", e.getMessage());
            return false;
        });
    }

    /** Closes the connection and stops Lettuce's threads; blocks for at most two seconds. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** Completes on the caller's context with {@code convert} of the reply, or fails naming the server and the act. */
    private <R, T> Future<T> call(String what, CompletionStage<R> reply, Function<R, T> convert) {
        Context context = vertx.getOrCreateContext();
        return Future.fromCompletionStage(reply, context)
                .recover(e -> Future.failedFuture(new LiveStateUnavailableException(
                        where + " could not " + what + ": " + message(e), e)))
                .map(convert::apply);
    }

    private <T> List<T> decodeAll(Map<String, String> all, String key, Function<JsonObject, T> decode) {
        List<T> out = new ArrayList<>(all.size());
        for (Map.Entry<String, String> e : all.entrySet()) {
            try {
                out.add(decode.apply(new JsonObject(e.getValue())));
            } catch (RuntimeException bad) {
                if (reported.add(key + " " + e.getKey() + " " + e.getValue())) {
                    log.warn("{}: skipping malformed entry {} of {}: {}", where, e.getKey(), key, bad.toString());
                }
            }
        }
        return out;
    }

    static JsonObject encode(AgentPresence p) {
        return new JsonObject()
                .put("agentId", p.agentId())
                .put("state", p.state())
                .put("reason", p.reason())
                .put("since", p.since().toString())
                .put("nodeId", p.nodeId())
                .put("interactionId", p.interactionId());
    }

    static AgentPresence agent(JsonObject j) {
        return new AgentPresence(required(j, "agentId"), required(j, "state"), j.getString("reason"),
                Instant.parse(required(j, "since")), required(j, "nodeId"), j.getString("interactionId"));
    }

    static JsonObject encode(LiveCall c) {
        return new JsonObject()
                .put("interactionId", c.interactionId())
                .put("server", c.server())
                .put("channel", c.channel())
                .put("state", c.state())
                .put("queue", c.queue())
                .put("priority", c.priority())
                .put("since", c.since().toString())
                .put("agentId", c.agentId())
                .put("routing", new JsonObject(new HashMap<>(c.routing())));
    }

    static LiveCall liveCall(JsonObject j) {
        Integer priority = j.getInteger("priority");
        return new LiveCall(required(j, "interactionId"), required(j, "server"), required(j, "channel"),
                required(j, "state"), j.getString("queue"), priority == null ? 0 : priority,
                Instant.parse(required(j, "since")), j.getString("agentId"), routing(j.getJsonObject("routing")));
    }

    /** Entries written before routing data existed have none. */
    private static Map<String, String> routing(JsonObject j) {
        Map<String, String> out = new HashMap<>();
        if (j != null) {
            j.forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
        }
        return out;
    }

    private static String required(JsonObject j, String field) {
        String value = j.getString(field);
        if (value == null) {
            throw new IllegalArgumentException("missing " + field + " in " + j.encode());
        }
        return value;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(" (").append(t.getMessage()).append(')');
            }
        }
        return sb.toString();
    }
}
