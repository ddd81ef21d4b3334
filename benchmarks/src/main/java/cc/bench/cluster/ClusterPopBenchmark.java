package cc.bench.cluster;

import cc.acd.app.AcdVerticle;
import cc.bench.BenchServer;
import cc.bench.Options;
import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.core.config.ConfigNode;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.launcher.Server;
import cc.launcher.ServerConfig;
import cc.simulator.AsteriskSimulator;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cc.bench.cluster.Waits.await;
import static cc.bench.cluster.Waits.execute;
import static cc.bench.cluster.Waits.loadAverage;
import static cc.bench.cluster.Waits.within;

/**
 * Pop latency across three server nodes and the routing takeover after the routing node dies.
 *
 * <p>Three whole server nodes run in this JVM, each with its own Vert.x (and its own clustered Vert.x, Hazelcast on
 * loopback with static members), sharing one real Redis (a random key prefix), one real PostgreSQL database (created
 * and dropped) and one simulator over AMI. n1 starts first and takes the routing lease. The simulator's FastAGI goes
 * to n2 (a node that does not route): every caller's IVR runs on n2 and its enqueue crosses to the routing node.
 * {@code --agents} agents are spread evenly over the nodes (agent i on node i mod 3); each signs in over HTTP on its
 * node (PBKDF2), opens the live WebSocket there and goes available through the REST API. Callers arrive at
 * {@code --rate} per second, are answered, queued and offered; agents' phones ring {@code --ring} ms, then talk
 * 0.75 to 1.25 times {@code --talk} ms and hang up (no wrap-up).
 *
 * <p>Pop latency is from the {@code offeredAt} the ACD stamps on the offer when it decides it (the same moment it
 * originates the agent's phone) to the moment the agent's WebSocket client receives the pop, split by whether the
 * agent's browser is on the routing node. Pops of offers made in the {@code --seconds} window after {@code --warmup}
 * seconds count.
 *
 * <p>Then the takeover: the routing node dies (n1, unless the lease moved under load; were it n2, the FastAGI node,
 * no caller would arrive any more). In-process, so a death is mimicked: its Hazelcast member is terminated (no leave
 * message: the others notice through heartbeats) and the node is then closed, its ACD keeping the routing lease in
 * Redis (the ACD never gives the lease up on stop), so another node takes it only once it expires
 * ({@code acd.leaseTtl}, the shipped default unless {@code --lease-ttl}). Printed: the time from the death until
 * another node holds the lease, makes its first offer, and until the first pop of an offer made after the death
 * reaches a browser on a surviving node; then the pop latency for {@code --after} seconds.
 *
 * <p>Options: {@code --agents} (1500), {@code --rate} calls/s (50), {@code --talk} ms (20000), {@code --ring} ms
 * (1000), {@code --warmup} s (60), {@code --seconds} s (120), {@code --after} s (30), {@code --sign-in-parallel} (8),
 * {@code --http-sign-ins} how many agents sign in over HTTP (every one; the others' sessions are opened directly in
 * the shared store, as a sign-in would, without its PBKDF2 work), {@code --log-level} (WARN),
 * {@code --lease-ttl} (shipped default), {@code --pg-url} the maintenance database where {@code cc_cluster_<random>}
 * is created and dropped ({@code jdbc:postgresql://127.0.0.1:5432/postgres}, user postgres), {@code --redis}
 * ({@code redis://127.0.0.1:6379/0}).
 */
public final class ClusterPopBenchmark {
    private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");
    private static final String PASSWORD = "a long enough bench pass phrase";
    private static final String AMI_SECRET = "bench-secret";

    private final Map<String, String> o;
    private final int agents;
    private final double rate;
    private final List<Server> nodes = new ArrayList<>();
    /** agentId|offeredAt iso -> index of the node whose ACD made the offer. */
    private final Map<String, Integer> routedBy = new ConcurrentHashMap<>();
    private final AtomicLong[] offersBy = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
    private final AtomicReference<Instant> firstOfferAfterDeath = new AtomicReference<>();
    private final AtomicReference<Instant> firstPopAfterDeath = new AtomicReference<>();
    private volatile Instant death = Instant.MAX;
    /** The node that dies: the one routing when the takeover starts. */
    private volatile int dying = -1;

    private ClusterPopBenchmark(Map<String, String> o) {
        this.o = o;
        this.agents = Integer.parseInt(o.getOrDefault("agents", "1500"));
        this.rate = Double.parseDouble(o.getOrDefault("rate", "50"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        // three nodes' start-up and Hazelcast's membership chatter would bury the figures
        System.setProperty("hazelcast.health.monitoring.level", "OFF");
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.valueOf(o.getOrDefault("log-level", "WARN")));
        String adminUrl = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        Matcher m = PG_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--pg-url " + adminUrl + " is not a jdbc:postgresql://host:port/db URL");
        }
        String dbName = "cc_cluster_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        execute(adminUrl, "create database " + dbName);
        int code = 0;
        try {
            new ClusterPopBenchmark(o).run(m.group(1) + dbName + m.group(3));
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        } finally {
            execute(adminUrl, "drop database if exists " + dbName + " with (force)");
        }
        System.exit(code);
    }

    private void run(String dbUrl) throws Exception {
        long talkMs = Long.parseLong(o.getOrDefault("talk", "20000"));
        long ringMs = Long.parseLong(o.getOrDefault("ring", "1000"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "60"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "120"));
        int after = Integer.parseInt(o.getOrDefault("after", "30"));
        int parallel = Integer.parseInt(o.getOrDefault("sign-in-parallel", "8"));
        int httpSignIns = Integer.parseInt(o.getOrDefault("http-sign-ins", String.valueOf(agents)));
        System.out.printf("machine: %d cores, max heap %d MiB, java %s; load average at start: %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), loadAverage());
        System.out.printf("ClusterPopBenchmark: 3 nodes in this JVM (each its own Vert.x and Hazelcast member), "
                        + "%d agents, %.0f calls/s, ring %d ms, talk %d ms +-25%%, warm-up %d s, measured %d s%n",
                agents, rate, ringMs, talkMs, warmup, seconds);

        int agiPort = BenchServer.freePort();
        Path flows = BenchServer.flowIntoQueue(Files.createTempDirectory("cc-cluster-bench"), "bench", "5s");
        AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", AMI_SECRET)
                .agi("127.0.0.1", agiPort, "bench?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(300))
                .phones(Phones.builder().prefix("5", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(ringMs),
                        Distribution.uniform(talkMs * 3 / 4, talkMs * 5 / 4))).build())
                .build());
        String prefix = "cc_bench_" + HexFormat.of().toHexDigits(new SecureRandom().nextLong()) + ":";
        String cluster = "cc-bench-" + HexFormat.of().toHexDigits(new SecureRandom().nextInt());
        List<Integer> hzPorts = List.of(BenchServer.freePort(), BenchServer.freePort(), BenchServer.freePort());
        long t0 = System.nanoTime();
        Server n1 = startNode(0, sim, 0, flows, dbUrl, prefix, cluster, hzPorts);
        await("n1 holds the routing lease", Duration.ofSeconds(30), () -> holder(n1).equals(Optional.of("n1")));
        startNode(1, sim, agiPort, flows, dbUrl, prefix, cluster, hzPorts);
        startNode(2, sim, 0, flows, dbUrl, prefix, cluster, hzPorts);
        await("three cluster members", Duration.ofSeconds(60),
                () -> n1.cluster().orElseThrow().members().size() == 3);
        System.out.printf("3 nodes up in %.1f s (n1 routes; FastAGI on n2)%n", (System.nanoTime() - t0) / 1e9);
        for (int i = 0; i < 3; i++) {
            int node = i;
            nodes.get(i).vertx().eventBus().<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, msg -> {
                CallOffered offer = msg.body();
                routedBy.put(offer.agentId() + "|" + offer.at(), node);
                offersBy[node].incrementAndGet();
                if (node != dying && offer.at().isAfter(death)) {
                    firstOfferAfterDeath.compareAndSet(null, offer.at());
                }
            });
        }

        String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
        List<Future<?>> saves = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            saves.add(n1.console().users().save(new UserAccount(new Principal("agent" + i, "Agent " + i, Role.AGENT,
                    "a" + i, "en", ""), hash, true)));
        }
        Future.all(saves).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);

        AgentDesks desks = new AgentDesks(agents);
        desks.watch((agentNode, offeredAt, received) -> {
            if (agentNode != dying && offeredAt.isAfter(death)) {
                firstPopAfterDeath.compareAndSet(null, received);
            }
        });
        t0 = System.nanoTime();
        int ready = desks.signInAll(agents, nodes.stream().map(Server::httpPort).toList(),
                nodes.stream().map(n -> n.console().sessions()).toList(), PASSWORD, parallel, httpSignIns);
        System.out.printf("%d of %d agents signed in (%d over HTTP, the others with a session opened in the shared"
                        + " store), live sockets open (n1 %d, n2 %d, n3 %d), available through the REST API; %.1f s%n",
                ready, agents, desks.httpSignedIn.get(), desks.socketsOpen[0].get(), desks.socketsOpen[1].get(),
                desks.socketsOpen[2].get(), (System.nanoTime() - t0) / 1e9);

        CallLoad load = new CallLoad(sim, rate);
        load.start();
        PopFigures measured = new PopFigures("measured");
        PopFigures afterTakeover = new PopFigures("after takeover");
        desks.figures.set(List.of(measured, afterTakeover));
        Thread.sleep(warmup * 1000L);
        Instant windowStart = Instant.now();
        measured.open(windowStart);
        long placedAtStart = load.placed.get();
        long[] offersAtStart = offerCounts();
        long popsAtStart = desks.pops.get();
        Thread.sleep(seconds * 1000L);
        Instant windowEnd = Instant.now();
        measured.close(windowEnd);
        long placedInWindow = load.placed.get() - placedAtStart;
        long[] offersAtEnd = offerCounts();
        long offersInWindow = offersAtEnd[0] - offersAtStart[0] + offersAtEnd[1] - offersAtStart[1]
                + offersAtEnd[2] - offersAtStart[2];
        long popsInWindow = desks.pops.get() - popsAtStart;
        Thread.sleep(3_000);  // the last pops of the window arrive

        System.out.println();
        System.out.printf("load in the measured window: %d calls placed (%.1f calls/s), %d offers (%.1f/s; n1 %d,"
                        + " n2 %d, n3 %d), %d pops received; agents ready %d, sockets open %d; load average %s%n",
                placedInWindow, placedInWindow / (double) seconds, offersInWindow, offersInWindow / (double) seconds,
                offersAtEnd[0] - offersAtStart[0], offersAtEnd[1] - offersAtStart[1],
                offersAtEnd[2] - offersAtStart[2], popsInWindow, ready,
                desks.socketsOpen[0].get() + desks.socketsOpen[1].get() + desks.socketsOpen[2].get(), loadAverage());
        System.out.printf("calls so far: %d reached an agent, %d ended without one, %d up; pops on the wrong socket:"
                + " %d%n", load.reachedAgent.get(), load.withoutAgent.get(), load.up.get(), desks.wrongSocket.get());
        measured.classify(offer -> routedBy.getOrDefault(offer, -1));
        System.out.printf("pops of the window's offers: %d of %d%n", measured.count(), offersInWindow);
        PopFigures.header();
        measured.print();
        System.out.printf("target: pop p99 under 100 ms: %s%n", measured.count() == 0 ? "NOT MEASURED"
                : measured.p99Ms() < 100 ? "met" : "missed");

        // ---- the routing node dies ----
        long withoutAgentBefore = load.withoutAgent.get();
        String routing = holder(n1).orElse("n1");
        dying = Integer.parseInt(routing.substring(1)) - 1;
        Server survivor = nodes.get(dying == 0 ? 1 : 0);
        Instant died = Instant.now();
        death = died;
        kill(nodes.get(dying), hzPorts.get(dying));
        AtomicReference<Instant> leaseTaken = new AtomicReference<>();
        boolean tookOver = within(Duration.ofSeconds(90), () -> {
            if (leaseTaken.get() == null && holder(survivor).map(h -> !h.equals(routing)).orElse(false)) {
                leaseTaken.set(Instant.now());
            }
            return leaseTaken.get() != null && firstOfferAfterDeath.get() != null && firstPopAfterDeath.get() != null;
        });
        if (tookOver) {
            afterTakeover.open(firstOfferAfterDeath.get());
            Thread.sleep(after * 1000L);
            afterTakeover.close(Instant.now());
            Thread.sleep(3_000);
        }
        load.stop();

        System.out.println();
        System.out.printf("takeover: %s, the routing node, died (Hazelcast member terminated, node closed in-process,"
                + " routing lease kept; acd.leaseTtl %s)%n", routing, o.getOrDefault("lease-ttl", "as shipped, 3s"));
        System.out.printf("  lease held by another node after %s (polled every 50 ms)%n", since(died, leaseTaken.get()));
        System.out.printf("  first offer by another node after %s%n", since(died, firstOfferAfterDeath.get()));
        System.out.printf("  first pop of an offer made after the death on a surviving node's socket after %s%n",
                since(died, firstPopAfterDeath.get()));
        System.out.printf("  target: takeover under 5 s: %s%n", !tookOver ? "missed (not within 90 s)"
                : Duration.between(died, firstPopAfterDeath.get()).toMillis() < 5_000 ? "met" : "missed");
        System.out.printf("calls in all: %d placed, %d reached an agent, %d ended without one (%d of them ended after"
                        + " the death), %d still up%n",
                load.placed.get(), load.reachedAgent.get(), load.withoutAgent.get(),
                load.withoutAgent.get() - withoutAgentBefore, load.up.get());
        afterTakeover.classify(offer -> routedBy.getOrDefault(offer, -1));
        PopFigures.header();
        afterTakeover.print();
        System.out.printf("load average at the end: %s%n", loadAverage());

        desks.close();
        for (int i = 0; i < 3; i++) {
            if (i != dying) {
                nodes.get(i).close();
            }
        }
        sim.close();
    }

    /**
     * A death, as near as one JVM allows: the Hazelcast member is terminated without a leave message, then the node
     * is closed on a thread of its own (its ACD stops without giving up the routing lease).
     */
    private static void kill(Server node, int hazelcastPort) {
        for (HazelcastInstance hz : Hazelcast.getAllHazelcastInstances()) {
            if (hz.getCluster().getLocalMember().getAddress().getPort() == hazelcastPort) {
                hz.getLifecycleService().terminate();
            }
        }
        Thread closer = new Thread(node::close, "cc-bench-kill");
        closer.setDaemon(true);
        closer.start();
    }

    private long[] offerCounts() {
        return new long[] {offersBy[0].get(), offersBy[1].get(), offersBy[2].get()};
    }

    private Server startNode(int index, AsteriskSimulator sim, int agiPort, Path flows, String dbUrl, String prefix,
                             String cluster, List<Integer> hzPorts) throws Exception {
        String id = "n" + (index + 1);
        String members = String.join(", ", hzPorts.stream().map(p -> "'127.0.0.1:" + p + "'").toList());
        StringBuilder yaml = new StringBuilder(String.join("\n",
                "node: {id: " + id + "}",
                "http: {port: 0}",
                "asterisk:",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + sim.amiPort() + ", username: cc, secret: "
                        + AMI_SECRET + ", reconnectInitialDelay: 200ms, reconnectMaxDelay: 1s}",
                "agi: {port: " + agiPort + "}",
                "ivr: {flows: '" + flows + "', defaultFlow: bench}",
                "database: {url: '" + dbUrl + "', username: postgres, password: ''}",
                "livestate: {redis: '" + o.getOrDefault("redis", "redis://127.0.0.1:6379/0") + "', keyPrefix: '"
                        + prefix + "'}",
                "cluster: {enabled: true, name: " + cluster + ", host: 127.0.0.1, port: " + hzPorts.get(index)
                        + ", members: [" + members + "]}",
                "acd:",
                "  agentsAvailableAtStart: false",
                ""));
        if (o.containsKey("lease-ttl")) {
            yaml.append("  leaseTtl: ").append(o.get("lease-ttl")).append('\n');
        }
        yaml.append("  queues: [{id: bench, wrapUp: 0s}]\n  agents:\n");
        BenchServer.agents(yaml, "a", agents, 50000, "bench");
        Server s = Server.start(ServerConfig.read(ConfigNode.parse(id + ".yaml", yaml.toString(), System::getenv)))
                .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        nodes.add(s);
        return s;
    }

    /** The routing lease's holder as Redis has it; empty also when the read takes over 2 s (an overloaded node). */
    private static Optional<String> holder(Server node) throws Exception {
        try {
            return node.liveState().leaseHolder(AcdVerticle.LEASE).toCompletionStage().toCompletableFuture()
                    .get(2, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        }
    }

    private static String since(Instant from, Instant to) {
        return to == null ? "never (90 s)" : Duration.between(from, to).toMillis() + " ms";
    }

    /** Inbound callers at a steady rate; each waits up to a minute for an agent. */
    private static final class CallLoad {
        final AtomicLong placed = new AtomicLong();
        final AtomicLong reachedAgent = new AtomicLong();
        final AtomicLong withoutAgent = new AtomicLong();
        final AtomicInteger up = new AtomicInteger();
        private final AsteriskSimulator sim;
        private final double rate;
        private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();

        CallLoad(AsteriskSimulator sim, double rate) {
            this.sim = sim;
            this.rate = rate;
        }

        void start() {
            pacer.scheduleAtFixedRate(() -> {
                long n = placed.incrementAndGet();
                up.incrementAndGet();
                SimulatedCall call = sim.placeInboundCall(InboundCall.of(String.format("0915%07d", n % 10_000_000),
                        "Caller " + n, "5550100").withPatienceMs(60_000));
                call.ended().whenComplete((out, e) -> {
                    up.decrementAndGet();
                    (e == null && out.reachedAgent() ? reachedAgent : withoutAgent).incrementAndGet();
                });
            }, 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);
        }

        void stop() {
            pacer.shutdownNow();
        }
    }
}
