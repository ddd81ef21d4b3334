package cc.core.adapter.redis;

import cc.core.app.livestate.AgentPresence;
import cc.core.app.livestate.LiveStateContract;
import cc.core.app.livestate.LiveStateStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live-state contract on a real Redis ({@value #DEFAULT_URI}, or env {@value #URI_ENV}), each test under a
 * random key prefix whose keys are deleted afterwards; plus how a dead or hung Redis shows.
 */
class RedisLiveStateIT extends LiveStateContract {

    static final String URI_ENV = "CC_TEST_REDIS_URI";
    static final String DEFAULT_URI = "redis://127.0.0.1:6379";
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final String uri = System.getenv().getOrDefault(URI_ENV, DEFAULT_URI);
    private Vertx vertx;
    private RedisClient adminClient;
    private StatefulRedisConnection<String, String> adminConnection;
    private RedisCommands<String, String> admin;
    private String prefix;

    @BeforeAll
    void connectAdmin() {
        vertx = Vertx.vertx();
        adminClient = RedisClient.create();
        try {
            adminConnection = adminClient.connect(RedisURI.create(uri));
        } catch (RuntimeException e) {
            adminClient.shutdown();
            throw new IllegalStateException("Redis is not reachable at " + uri + " (start it, or set " + URI_ENV
                    + " to a Redis URI): " + e.getMessage(), e);
        }
        admin = adminConnection.sync();
    }

    @AfterAll
    void disconnectAdmin() {
        if (adminConnection != null) {
            adminConnection.close();
            adminClient.shutdown();
        }
        result(vertx.close());
    }

    @Override
    protected LiveStateStore open() {
        prefix = "cc-it-" + UUID.randomUUID().toString().substring(0, 12) + ":";
        return result(RedisLiveState.connect(vertx, new RedisConfig(uri, prefix, Duration.ofSeconds(2))));
    }

    @Override
    protected void discard(LiveStateStore used) {
        used.close();
        List<String> keys = admin.keys(prefix + "*");
        if (!keys.isEmpty()) {
            admin.del(keys.toArray(String[]::new));
        }
    }

    @Override
    protected void elapse(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    protected Vertx vertx() {
        return vertx;
    }

    @Test
    @DisplayName("every key lives under the configured prefix, and a lease carries its time to live in Redis")
    void keysUnderPrefix() {
        result(store.putAgent(new AgentPresence("agent-1", "available", "", Instant.EPOCH, "node-a", "")));
        result(store.putCall(new cc.core.app.livestate.LiveCall("ix-1", "pbx-1", "PJSIP/a", "ivr", "", 0,
                Instant.EPOCH, "", java.util.Map.of())));
        result(store.acquireLease("router", "node-a", Duration.ofSeconds(20)));

        assertEquals(new TreeSet<>(Set.of(prefix + "agents", prefix + "calls", prefix + "lease:router")),
                new TreeSet<>(admin.keys(prefix + "*")));
        long pttl = admin.pttl(prefix + "lease:router");
        assertTrue(pttl > 0 && pttl <= 20_000, "pttl " + pttl);
        assertEquals("node-a", admin.get(prefix + "lease:router"));
    }

    @Test
    @DisplayName("a waiting call written by a node of the release before routing data is read with none")
    void callWithoutRoutingData() {
        admin.hset(prefix + "calls", "ix-7", "{\"interactionId\":\"ix-7\",\"server\":\"pbx-1\",\"channel\":"
                + "\"PJSIP/a\",\"state\":\"queued\",\"queue\":\"sales\",\"priority\":2,"
                + "\"since\":\"1970-01-01T00:00:00Z\",\"agentId\":\"\"}");

        assertEquals(List.of(new cc.core.app.livestate.LiveCall("ix-7", "pbx-1", "PJSIP/a", "queued", "sales", 2,
                Instant.EPOCH, "", java.util.Map.of())), result(store.calls()));
    }

    @Test
    @DisplayName("a malformed entry written by someone else is skipped when listing, the others still listed")
    void malformedEntrySkipped() {
        AgentPresence good = new AgentPresence("agent-1", "available", "", Instant.EPOCH, "node-a", "");
        result(store.putAgent(good));
        admin.hset(prefix + "agents", "agent-0", "{not json");

        assertEquals(List.of(good), result(store.agents()));
    }

    @Test
    @DisplayName("a Redis that is not listening fails the connect at once, naming the address")
    void closedPortFailsConnect() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        Throwable failed = failure(RedisLiveState.connect(vertx,
                new RedisConfig("redis://127.0.0.1:" + port, prefix, TIMEOUT)), Duration.ofSeconds(10));

        assertInstanceOf(LiveStateUnavailableException.class, failed);
        assertTrue(failed.getMessage().startsWith("cannot connect to Redis at 127.0.0.1:" + port),
                failed.getMessage());
    }

    @Test
    @DisplayName("a Redis that never answers fails the connect within the timeout instead of hanging")
    void silentServerFailsConnect() throws IOException {
        try (StallingProxy proxy = new StallingProxy("127.0.0.1", RedisURI.create(uri).getPort())) {
            proxy.stall();

            Throwable failed = failure(RedisLiveState.connect(vertx,
                    new RedisConfig("redis://127.0.0.1:" + proxy.port(), prefix, TIMEOUT)), Duration.ofSeconds(10));

            assertInstanceOf(LiveStateUnavailableException.class, failed);
            assertTrue(failed.getMessage().contains("127.0.0.1:" + proxy.port()), failed.getMessage());
        }
    }

    @Test
    @DisplayName("when Redis stops answering, calls fail within the timeout with a clear message and ping says no")
    void hungServerFailsCalls() throws IOException {
        try (StallingProxy proxy = new StallingProxy("127.0.0.1", RedisURI.create(uri).getPort())) {
            RedisLiveState viaProxy = result(RedisLiveState.connect(vertx,
                    new RedisConfig("redis://127.0.0.1:" + proxy.port(), prefix, TIMEOUT)));
            try {
                assertTrue(result(viaProxy.acquireLease("router", "node-a", Duration.ofSeconds(20))));

                proxy.stall();

                Throwable failed = failure(viaProxy.acquireLease("router", "node-a", Duration.ofSeconds(20)),
                        Duration.ofSeconds(10));
                assertInstanceOf(LiveStateUnavailableException.class, failed);
                assertTrue(failed.getMessage().startsWith("Redis at 127.0.0.1:" + proxy.port()
                        + " could not take lease router"), failed.getMessage());
                assertTrue(failed.getMessage().contains("timed out"), failed.getMessage());
                assertFalse(result(viaProxy.ping()));
            } finally {
                viaProxy.close();
            }
        }
    }
}
