package cc.launcher;

import cc.acd.app.AcdVerticle;
import cc.core.config.ConfigNode;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.CallConnected;
import cc.core.contract.CallOffered;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.TrafficGenerator;
import cc.simulator.TrafficProfile;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis, the live state two server nodes share, killed under traffic for 15 s and started again on the same port
 * (empty, as a Redis without persistence comes back): callers keep reaching agents, none twice, none lost, and the
 * routing lease settles on one node. The Redis is the test's own ({@code redis-server} on a free port), never the
 * machine's.
 */
class RedisFaultIT {
    private static final String SECRET = "redis-fault-secret";
    private static final Duration DOWN = Duration.ofSeconds(15);
    private PostgresTestDatabase pg;
    private AsteriskSimulator simulator;
    private Process redis;
    private Path redisDir;
    private final List<Server> nodes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(Server::close);
        if (simulator != null) {
            simulator.close();
        }
        if (redis != null) {
            redis.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    @DisplayName("Redis killed for 15 s and started again under traffic with two nodes: no caller offered twice or"
            + " lost, and the routing lease settles on one node")
    void redisDiesAndComesBack() throws Exception {
        int port = Rig.freePort();
        redisDir = Files.createTempDirectory("redis-fault");
        redis = startRedis(port);
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        Phones.Builder phones = Phones.builder();
        List<String> agents = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            phones.number("60" + i, PhoneBehaviour.answersAfter(Distribution.fixed(200)));
            agents.add("    - {id: a" + i + ", phone: PJSIP/60" + i + ", queues: [sales]}");
        }
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(300))
                .phones(phones.build())
                .build());
        String uri = "redis://127.0.0.1:" + port + "/0";
        // the simulator's dialplan sends every caller's IVR to the first node; its enqueue goes to that node's ACD
        Server first = startNode("n1", agiPort, uri, agents);
        Rig.awaitTrue("n1 holds the routing lease", Duration.ofSeconds(5),
                () -> holder(first).equals(Optional.of("n1")));
        Server second = startNode("n2", 0, uri, agents);
        List<CallOffered> offers = new CopyOnWriteArrayList<>();
        List<CallConnected> connected = new CopyOnWriteArrayList<>();
        for (Server n : nodes) {
            n.vertx().eventBus().<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> offers.add(m.body()));
            n.vertx().eventBus().<CallConnected>consumer(AcdAddresses.CALL_CONNECTED, m -> connected.add(m.body()));
        }

        // callers wait as long as it takes (no one gives up), talk about 3 s
        TrafficGenerator callers = simulator.startTraffic(new TrafficProfile(1.0, List.of("02100000"), null,
                List.of(), Distribution.fixed(600_000), Distribution.exponential(3_000), "0938"));
        Thread.sleep(10_000);
        long placedBefore = callers.placed();
        redis.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        Thread.sleep(DOWN.toMillis());
        long placedDuring = callers.placed() - placedBefore;
        redis = startRedis(port);
        Thread.sleep(10_000);
        callers.stop();
        long placed = callers.placed();

        Rig.awaitTrue("one node holds the lease, both see it", Duration.ofSeconds(15), () -> {
            Optional<String> a = holder(first);
            return a.isPresent() && a.equals(holder(second));
        });
        String leader = holder(first).orElseThrow();
        Thread.sleep(3_000);
        assertEquals(Optional.of(leader), holder(second), "the lease stays where it settled");
        Rig.awaitTrue("every caller ended; left: " + simulator.channels(), Duration.ofSeconds(60),
                () -> simulator.channels().isEmpty());
        Thread.sleep(1_000);

        ServerTables tables = new ServerTables(pg);
        // one node records pbx1's calls (the recorder.pbx1 lease; it goes on recording while Redis is down), and the
        // rows are named by call: one row per caller
        long records = tables.one(Long.class, "select count(distinct caller_number) from interactions"
                + " where caller_number like '0938%' and ended_at is not null and end_cause <> ''");
        long reachedAgent = tables.one(Long.class, "select count(distinct caller_number) from interactions where"
                + " caller_number like '0938%' and agent_answered_at is not null");
        List<String> lost = tables.rows("select caller_number from interactions where caller_number like '0938%'"
                + " group by caller_number having count(agent_answered_at) = 0");
        long rows = tables.one(Long.class, "select count(*) from interactions where caller_number like '0938%'");
        long offeredTwice = offers.stream().collect(Collectors.groupingBy(CallOffered::callerUniqueId,
                Collectors.counting())).values().stream().filter(n -> n > 1).count();
        long connectedTwice = connected.stream().collect(Collectors.groupingBy(CallConnected::callId,
                Collectors.counting())).values().stream().filter(n -> n > 1).count();
        System.out.println("Redis outage: injected 1 kill of Redis (" + DOWN.toSeconds() + " s down, restarted empty)"
                + " with 2 nodes; calls during faults " + placedDuring + " (of " + placed + "); records complete "
                + records + "/" + placed + " in " + rows + " rows, reached an agent " + reachedAgent + ", lost "
                + lost.size()
                + "; duplicates " + connectedTwice + " (offered twice " + offeredTwice + "); lease settled on "
                + leader);
        assertEquals(placed, records, "every caller has a record");
        assertTrue(lost.isEmpty(), "callers who never reached an agent: " + lost);
        assertEquals(0, connectedTwice, "no caller connected twice");
        assertEquals(placed, rows, "each call recorded once");
        assertEquals(0, offeredTwice, "no caller offered twice: " + offers);
    }

    private Process startRedis(int port) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", redisDir.toString())
                .redirectErrorStream(true).redirectOutput(redisDir.resolve("redis.log").toFile()).start();
        Rig.awaitTrue("redis-server listens on " + port, Duration.ofSeconds(10), () -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return p;
    }

    private static Optional<String> holder(Server node) throws Exception {
        try {
            return node.liveState().leaseHolder(AcdVerticle.LEASE).toCompletionStage().toCompletableFuture()
                    .get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private Server startNode(String id, int agiPort, String redisUri, List<String> agents) {
        Server s = Server.start(ServerConfig.read(ConfigNode.parse(id + ".yaml", String.join("\n",
                "node: {id: " + id + "}",
                "http: {port: 0}",
                "asterisk:",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + simulator.amiPort() + ", username: cc,"
                        + " secret: '${AMI_SECRET}', reconnectInitialDelay: 200ms, reconnectMaxDelay: 1s}",
                "agi: {port: " + agiPort + "}",
                "ivr: {flows: src/test/resources/acd-flows, defaultFlow: acd}",
                "database: {url: '" + pg.config().url() + "', username: postgres, password: ''}",
                "livestate: {redis: '" + redisUri + "', keyPrefix: 'cc:'}",
                "acd:",
                "  leaseTtl: 2s",
                "  tickEvery: 100ms",
                "  ringTimeout: 3s",
                "  agentsAvailableAtStart: true",
                "  queues: [{id: sales, wrapUp: 200ms}]",
                "  agents:",
                String.join("\n", agents),
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        nodes.add(s);
        return s;
    }
}
