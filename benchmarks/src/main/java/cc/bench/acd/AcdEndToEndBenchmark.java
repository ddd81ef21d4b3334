package cc.bench.acd;

import cc.bench.Options;
import cc.core.config.ConfigNode;
import cc.core.contract.Addresses;
import cc.core.contract.EnqueueCall;
import cc.core.domain.call.CallEvent;
import cc.launcher.Server;
import cc.launcher.ServerConfig;
import cc.simulator.AsteriskSimulator;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ACD inside the whole server, against the simulator over real AMI: callers are placed on hold in the simulator
 * and handed to the ACD at a fixed rate (as the IVR's enqueue node does); the latency measured is from the enqueue
 * request to the agent's originate reaching the simulator, seen as the {@code CC_OFFER} variable being set on the
 * agent's new channel and reported back over AMI (so it includes the event's way back).
 *
 * <p>What is measured, in two rows of one run: callers who arrive to a free agent (enqueue to originate), and callers
 * who had to wait (from their agent becoming available, i.e. the previous caller's hang-up reaching the server, to
 * the agent's next originate). The defaults give both: 112 agents, 100 calls/s, exponential talk times of 1 s mean,
 * so the agents are about 98 % busy (120 made too few callers wait once the server got faster) and a share of
 * callers waits while the queue stays stable. A row with fewer than 100 offers makes the run INCOMPLETE (then
 * change {@code --agents}). What is not measured: the IVR before the enqueue (callers are handed to the ACD
 * directly), a real phone's ringing (the simulator's leg rings {@code --ring} ms), the database (embedded), the
 * console.
 *
 * <p>Options: {@code --rate} calls/s (100), {@code --seconds} measured (20), {@code --warmup} s (5),
 * {@code --agents} (112), {@code --talk} mean talk ms (1000), {@code --talk-dist} {@code exp} or {@code fixed}
 * (exp), {@code --ring} agent ring delay ms (100).
 */
public final class AcdEndToEndBenchmark {
    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        double rate = Double.parseDouble(o.getOrDefault("rate", "100"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        int agents = Integer.parseInt(o.getOrDefault("agents", "112"));
        long talkMs = Long.parseLong(o.getOrDefault("talk", "1000"));
        boolean expTalk = !o.getOrDefault("talk-dist", "exp").equals("fixed");
        java.util.Random talkRandom = new java.util.Random(17);
        long ringMs = Long.parseLong(o.getOrDefault("ring", "100"));
        System.out.printf("AcdEndToEndBenchmark: %.0f calls/s, %d s warm-up + %d s measured, %d agents, "
                + "ring %d ms, caller talks %d ms (%s) then hangs up; embedded database, in-memory live state%n",
                rate, warmup, seconds, agents, ringMs, talkMs, expTalk ? "exponential mean" : "fixed");

        Path dir = Files.createTempDirectory("acd-bench");
        Files.createDirectories(dir.resolve("flows"));
        AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", "bench-secret")
                .agi("127.0.0.1", 1, "unused")
                .phones(Phones.builder().prefix("5", PhoneBehaviour.answersAfter(Distribution.fixed(ringMs))).build())
                .build());
        StringBuilder yaml = new StringBuilder(String.join("\n",
                "http: {port: 0}",
                "asterisk:",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + sim.amiPort() + ", username: cc, secret: bench-secret}",
                "agi: {port: 0}",
                "ivr: {flows: '" + dir.resolve("flows") + "'}",
                "database: {dataDir: '" + dir.resolve("data") + "'}",
                "acd:",
                "  agentsAvailableAtStart: true",
                "  queues: [{id: bench}]",
                "  agents:", ""));
        for (int a = 0; a < agents; a++) {
            yaml.append("    - {id: a").append(a).append(", phone: PJSIP/").append(50000 + a)
                    .append(", queues: [bench]}\n");
        }
        Server server = Server.start(ServerConfig.read(ConfigNode.parse("bench.yaml", yaml.toString(),
                System::getenv))).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram all = new Histogram(60_000_000_000L, 3);
        Histogram free = new Histogram(60_000_000_000L, 3);
        Histogram freed = new Histogram(60_000_000_000L, 3);
        Map<String, Long> availableAt = new ConcurrentHashMap<>();
        Map<String, String> agentOfCall = new ConcurrentHashMap<>();
        AtomicLong waited = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        // Handlers run in AMI event order on the link's context, before the ACD (which hops onto its own context)
        // sees the same event: a caller's hang-up here is the moment its agent becomes available (no wrap-up).
        server.telephony().onCallEvent(e -> {
            if (e instanceof CallEvent.CallHungUp h) {
                String agent = agentOfCall.remove(h.leg().uniqueId());
                if (agent != null) {
                    availableAt.put(agent, System.nanoTime());
                }
            }
            if (e instanceof CallEvent.VariableSet v && v.name().equals("CC_OFFER")) {
                long now = System.nanoTime();
                String name = v.leg().channelName();
                String agentId = "a" + (Integer.parseInt(name.substring("PJSIP/".length(), name.indexOf('-'))) - 50000);
                agentOfCall.put(v.value(), agentId);
                Long t0 = sentAt.remove(v.value());
                if (t0 == null || t0 < measureFrom) {
                    return;
                }
                Long agentFreed = availableAt.remove(agentId);
                synchronized (all) {
                    long ns = now - t0;
                    all.recordValue(ns);
                    if (agentFreed != null && agentFreed > t0) {
                        // the caller waited for this agent: measure from the agent becoming available
                        freed.recordValue(now - agentFreed);
                        waited.incrementAndGet();
                    } else {
                        free.recordValue(ns);
                    }
                }
            }
        });

        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicLong placed = new AtomicLong();
        long periodNs = (long) (1e9 / rate);
        long total = (long) (rate * (warmup + seconds));
        pacer.scheduleAtFixedRate(() -> {
            if (placed.get() >= total) {
                return;
            }
            placed.incrementAndGet();
            SimulatedCall c = sim.placeInboundCall(InboundCall.of("0915" + placed.get(), "Bench", "s")
                    .withContext("cc-hold").withPatienceMs(0).withTalkTimeMs(expTalk
                            ? Math.max(1, Math.round(-Math.log(1 - talkRandom.nextDouble()) * talkMs)) : talkMs));
            sentAt.put(c.uniqueid(), System.nanoTime());
            server.vertx().eventBus().request(Addresses.ACD_CALL_ENQUEUE,
                    new EnqueueCall(c.uniqueid(), c.channel(), "bench", 0, "en", Map.of(), Instant.now()))
                    .onFailure(err -> refused.incrementAndGet());
        }, 0, periodNs, TimeUnit.NANOSECONDS);
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmup + seconds) + 2_000);
        pacer.shutdownNow();

        synchronized (all) {
            System.out.printf("%nplaced %d calls, refused %d; measured offers %d, of which %d waited "
                    + "for an agent%n", placed.get(), refused.get(), all.getTotalCount(), waited.get());
            System.out.println("latency to the agent's originate seen at the simulator (ms)");
            System.out.printf("%-34s %8s %8s %8s %8s %8s%n", "", "count", "p50", "p90", "p99", "max");
            row("caller arrives to a free agent", free);
            row("agent becomes available (waiter)", freed);
            row("all offers, from enqueue", all);
            Histogram routing = free.copy();
            routing.add(freed);
            double p99 = routing.getValueAtPercentile(99) / 1e6;
            System.out.printf("target p99 < 50 ms (free agent or agent becoming available, %d offers): %s "
                    + "(p99 %.2f ms)%n", routing.getTotalCount(), p99 < 50 ? "met" : "NOT met", p99);
            if (free.getTotalCount() < 100 || freed.getTotalCount() < 100) {
                System.out.printf("INCOMPLETE: %d offers to a free agent and %d to a waiting caller; each row needs at"
                        + " least 100 (fewer --agents make callers wait, more let them find a free agent)%n",
                        free.getTotalCount(), freed.getTotalCount());
            }
        }
        server.close();
        sim.close();
        System.exit(0);
    }

    private static void row(String name, Histogram h) {
        System.out.printf("%-34s %8d %8.2f %8.2f %8.2f %8.2f%n", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
    }
}
