package cc.bench.callcontrol;

import cc.bench.BenchServer;
import cc.bench.Options;
import cc.console.adapter.http.ConsoleWeb;
import cc.console.app.Sessions;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.core.config.ConfigNode;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.launcher.Server;
import cc.launcher.ServerConfig;
import cc.simulator.AsteriskSimulator;
import cc.simulator.InboundCall;
import cc.simulator.RecordingSnapshot;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Screen-pop latency while hundreds of calls are recorded, against the same pops with nothing recorded, in one run:
 * the whole server (IVR over FastAGI, ACD, records, call control, agent console over real WebSockets; embedded
 * database) against the simulator over real AMI. {@code --agents} agents each hold a live console socket. Pops are
 * measured as {@code PopLatencyBenchmark} measures them: {@link CallOffered} published for random agents at
 * {@code --rate} per second, timed from the publish to the pop arriving on that agent's socket. Three phases, each
 * {@code --warmup} + {@code --seconds}:
 * <ol>
 *   <li>reference: no calls, nothing recorded;</li>
 *   <li>recording: as many callers as agents through the IVR into a queue with {@code recording: always}, every agent
 *       on a call (long talks), call control having started a MixMonitor on every caller's channel at the answer;
 *       the simulator's running count is checked and printed before and after;</li>
 *   <li>recordings ending: the callers hang up spread over the measured seconds, so the simulator writes every WAV
 *       file (it writes a recording's file when it stops, on its event loop, as Asterisk's writer would flush) and
 *       call control and the recordings library store each file's end.</li>
 * </ol>
 * Server, simulator and socket clients share this JVM and machine, so the simulator's and the clients' work is
 * inside the figures.
 *
 * <p>Options: {@code --agents} (500), {@code --rate} pops/s (50), {@code --seconds} measured per phase (20),
 * {@code --warmup} s per phase (5), {@code --ring} agents' ring ms (100), {@code --place-rate} calls/s placed for
 * phase 2 (50), {@code --recording} the queue's policy ({@code always}; {@code never} runs the same calls and
 * hang-ups with nothing recorded, to tell what the recordings cost from what the calls themselves cost).
 */
public final class RecordingPopBenchmark {
    private static final long MAX_NS = TimeUnit.MINUTES.toNanos(5);
    private static final long TARGET_MS = 100;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int agents = Integer.parseInt(o.getOrDefault("agents", "500"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "50"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        long ringMs = Long.parseLong(o.getOrDefault("ring", "100"));
        int placeRate = Integer.parseInt(o.getOrDefault("place-rate", "50"));
        String recording = o.getOrDefault("recording", "always");
        if (!recording.equals("always") && !recording.equals("never")) {
            throw new IllegalArgumentException("--recording is always or never, got " + recording);
        }
        int mustRun = recording.equals("always") ? agents : 0;

        Machine.print();
        System.out.printf("RecordingPopBenchmark: %d agents on console sockets, %d pops/s for %d s after %d s warm-up "
                        + "per phase; %d callers placed at %d/s into a queue with recording: %s; embedded "
                        + "database%n", agents, rate, seconds, warmup, agents, placeRate, recording);

        int agiPort = BenchServer.freePort();
        Path dir = Files.createTempDirectory("recpop-bench");
        Path flows = BenchServer.flowIntoQueue(dir, "rec", "60s");
        AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", "bench-secret")
                .recordingsDir(dir.resolve("asterisk"))
                .agi("127.0.0.1", agiPort, "bench?lang=en")
                // agents stay on the line: the callers end the calls in phase 3
                .phones(Phones.builder().prefix("5", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(ringMs),
                        Distribution.fixed(3_600_000))).build())
                .build());
        StringBuilder yaml = BenchServer.yaml(sim.amiPort(), agiPort, flows,
                "{dataDir: '" + dir.resolve("data") + "'}");
        yaml.append(String.join("\n",
                "  ringTimeout: 10s",
                "  queues: [{id: rec, wrapUp: 0s, recording: " + recording + "}]",
                "  agents:", ""));
        BenchServer.agents(yaml, "r", agents, 50000, "rec");
        Server server = Server.start(ServerConfig.read(ConfigNode.parse("recpop-bench.yaml", yaml.toString(),
                System::getenv))).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

        Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        WebSocketClient ws = clients.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(agents + 10).setMaxFrameSize(1 << 20).setMaxMessageSize(16 << 20));
        Map<String, Long> published = new ConcurrentHashMap<>();
        Histogram[] current = {new Histogram(MAX_NS, 3)};
        AtomicLong received = new AtomicLong();
        AtomicLong wrongAgent = new AtomicLong();
        List<Future<WebSocket>> connecting = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String agentId = "r" + a;
            Sessions.Session s = server.console().sessions().open(new Principal("user-" + a, "Agent " + a,
                    Role.AGENT, agentId, "en", ""));
            connecting.add(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.httpPort())
                            .setURI("/live").addHeader("Cookie", ConsoleWeb.COOKIE + "=" + s.id()))
                    .onSuccess(socket -> socket.textMessageHandler(text -> {
                        long now = System.nanoTime();
                        if (!text.startsWith("{\"type\":\"pop\"")) {
                            return;
                        }
                        Long t0 = published.remove(field(text, "\"id\":\""));
                        if (t0 == null) {
                            return; // a real call's pop, or a warm-up one
                        }
                        synchronized (current) {
                            current[0].recordValue(Math.min(MAX_NS, now - t0));
                        }
                        received.incrementAndGet();
                        if (!text.contains("\"agentId\":\"" + agentId + "\"")) {
                            wrongAgent.incrementAndGet();
                        }
                    })));
        }
        Future.all(connecting).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        // the server registers a socket with the hub just after the handshake the client has seen
        long hubWait = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.console().hub().size() < agents && System.nanoTime() < hubWait) {
            Thread.sleep(20);
        }
        System.out.printf("%d agent sockets connected%n", server.console().hub().size());

        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        long expected = (long) rate * seconds;

        // ---- phase 1: nothing recorded ----
        Histogram reference = pops(server, rate, seconds, warmup, agents, random, "ref", published, current, received,
                () -> {});
        lines.add(line("pop, nothing recorded (reference)", reference, expected, running(sim)));

        // ---- phase 2: every agent on a recorded call ----
        List<SimulatedCall> calls = new ArrayList<>();
        long periodNs = 1_000_000_000L / placeRate;
        long placingFrom = System.nanoTime();
        for (int n = 0; n < agents; n++) {
            long wait = placingFrom + n * periodNs - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            calls.add(sim.placeInboundCall(InboundCall.of(String.format("0915%07d", n), "Caller " + n, "5550100")
                    .withPatienceMs(0).withTalkTimeMs(0)));
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((running(sim) < mustRun || agentsTalking(sim) < agents) && System.nanoTime() < waitUntil) {
            Thread.sleep(200);
        }
        long runningBefore = running(sim);
        System.out.printf("before phase 2: %d agents talking, %d recordings running at once (simulator.recordings())%n",
                agentsTalking(sim), runningBefore);
        Histogram recorded = pops(server, rate, seconds, warmup, agents, random, "rec", published, current, received,
                () -> {});
        long runningAfter = running(sim);
        System.out.printf("recordings running at once after phase 2: %d%n", runningAfter);
        // the phase means something only if every agent's call was recorded the whole time
        lines.add(line("pop, " + agents + " calls, " + runningBefore + " recorded", recorded,
                runningBefore < mustRun || runningAfter < mustRun ? -1 : expected,
                Math.min(runningBefore, runningAfter)));

        // ---- phase 3: the callers hang up spread over the measured seconds; the WAV files are written ----
        long[] hungUp = {0};
        long hangUpFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        long hangUpEvery = TimeUnit.SECONDS.toNanos(seconds) / Math.max(1, calls.size());
        Histogram ending = pops(server, rate, seconds, warmup, agents, random, "end", published, current, received,
                () -> {
                    long due = (System.nanoTime() - hangUpFrom) / hangUpEvery + 1;
                    while (hungUp[0] < Math.min(due, calls.size()) && System.nanoTime() >= hangUpFrom) {
                        calls.get((int) hungUp[0]++).hangup();
                    }
                });
        while (hungUp[0] < calls.size()) {
            calls.get((int) hungUp[0]++).hangup();
        }
        Thread.sleep(3_000);
        List<RecordingSnapshot> all = sim.recordings();
        long files = 0;
        long bytes = 0;
        if (Files.isDirectory(sim.recordingsDir())) {
            try (Stream<Path> walk = Files.walk(sim.recordingsDir())) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".wav")).toList()) {
                    files++;
                    bytes += Files.size(p);
                }
            }
        }
        lines.add(line("pop, calls ending" + (mustRun > 0 ? " (WAVs written)" : ""), ending, expected,
                running(sim)));
        String loadAtEnd = Machine.loadAverage();

        System.out.println();
        System.out.printf("%-40s %8s %8s %8s %8s %8s %8s %11s %s%n", "measure (publish -> agent socket)", "count",
                "p50 ms", "p90 ms", "p99 ms", "max ms", "target", "verdict", "recordings running at the end");
        lines.forEach(System.out::println);
        System.out.printf("recordings: %d started in all, %d still running; %d WAV files on the simulated host, %.1f MB"
                        + "; pops on the wrong agent's socket: %d; load average at the end: %s%n", all.size(),
                running(sim), files, bytes / 1e6, wrongAgent.get(), loadAtEnd);
        System.out.println(Machine.gcSummary());
        clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.close();
        sim.close();
        Machine.deleteTree(dir);
        System.exit(0);
    }

    /**
     * Publishes offers for random agents at {@code rate} for {@code warmup + seconds} and returns the measured pops'
     * latencies (warm-up ones not counted); {@code eachTick} runs between offers (phase 3 hangs callers up there).
     */
    private static Histogram pops(Server server, int rate, int seconds, int warmup, int agents, Random random,
                                  String phase, Map<String, Long> published, Histogram[] current, AtomicLong received,
                                  Runnable eachTick) throws Exception {
        synchronized (current) {
            current[0] = new Histogram(MAX_NS, 3);
        }
        long total = (long) rate * seconds;
        long warmupOffers = (long) rate * warmup;
        long periodNs = 1_000_000_000L / rate;
        long start = System.nanoTime();
        received.set(0);
        for (long i = -warmupOffers; i < total; i++) {
            long due = start + (i + warmupOffers) * periodNs;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            eachTick.run();
            String id = phase + (i < 0 ? "-warm-" : "-pop-") + i;
            if (i >= 0) {
                published.put(id, System.nanoTime());
            }
            server.vertx().eventBus().publish(Addresses.ACD_CALL_OFFERED, new CallOffered("r" + random.nextInt(agents),
                    id, "u-" + id, String.format("0912%07d", random.nextInt(2000)), "rec",
                    Map.of("topic", "card blocked"), Instant.now()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.get() < total && System.nanoTime() < deadline) {
            eachTick.run();
            Thread.sleep(20);
        }
        synchronized (current) {
            return current[0].copy();
        }
    }

    /** Agents' legs in a bridge (with their callers). */
    private static long agentsTalking(AsteriskSimulator sim) {
        return sim.channels().stream().filter(ch -> ch.name().startsWith("PJSIP/5") && !ch.bridgeId().isEmpty())
                .count();
    }

    private static long running(AsteriskSimulator sim) {
        return sim.recordings().stream().filter(RecordingSnapshot::running).count();
    }

    /** One row; {@code expected} -1 marks a phase whose load was not what it should be (INCOMPLETE). */
    private static String line(String name, Histogram h, long expected, long runningAtEnd) {
        double p99 = h.getValueAtPercentile(99) / 1e6;
        String verdict = h.getTotalCount() != expected ? "INCOMPLETE" : p99 < TARGET_MS ? "met" : "missed";
        return String.format("%-40s %8d %8.1f %8.1f %8.1f %8.1f %5d ms %11s %d", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6, p99, h.getMaxValue() / 1e6,
                TARGET_MS, verdict, runningAtEnd);
    }

    private static String field(String json, String key) {
        int i = json.indexOf(key);
        if (i < 0) {
            return "";
        }
        int from = i + key.length();
        return json.substring(from, json.indexOf('"', from));
    }
}
