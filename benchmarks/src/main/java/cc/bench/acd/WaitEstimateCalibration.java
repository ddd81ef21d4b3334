package cc.bench.acd;

import cc.bench.Options;
import cc.core.config.ConfigNode;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.EnqueueCall;
import cc.core.contract.QueuePositionAnnounced;
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

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * How well the wait announced to callers matches the wait they then had: the whole server (ACD, IVR over FastAGI,
 * embedded database) against the simulator over AMI, one run per load level. Callers arrive as a Poisson stream
 * straight into {@code cc-hold} (as the IVR's enqueue node leaves them) and are handed to the ACD; agents talk a
 * lognormal handle time drawn per call (the caller hangs up after it; no wrap-up); nobody abandons. Every
 * {@code --announce} seconds each waiting caller is redirected to {@code cc-announce} and hears the place and the
 * estimate through the IVR, exactly as in production. Every announcement published by the ACD
 * ({@code cc.acd.call.position-announced}, including the one made on arrival, which is not played because the
 * caller is still in the IVR) is paired with the moment that caller's agent was chosen and rung
 * ({@code cc.acd.call.offered}); the actual wait is the time between (the answer follows after the fixed ring).
 *
 * <p>Printed per load level: announcements with an estimate, bias (mean of estimate - actual), median signed
 * error, p90 absolute error, share within +-30 s, within +-25 % of the actual wait, and within +-AHT/6 (30 s at a
 * 180 s handle time: handle times here are shortened so a run takes minutes, and errors scale with them).
 *
 * <p>With {@code --queues 2} the callers are spread evenly over two queues that every agent serves (the case where an
 * estimate counting every freed agent in every queue it serves ran short).
 *
 * <p>Options: {@code --agents} (5), {@code --queues} (1), {@code --handle} mean handle time ms (20000), {@code --sigma}
 * lognormal shape (0.8), {@code --loads} offered load per agent (0.9,1.0,1.15,1.25,1.4), {@code --seconds} of
 * arrivals per level (300), {@code --announce} s between announcements (5), {@code --ring} agent ring delay ms
 * (200), {@code --seed} (7).
 */
public final class WaitEstimateCalibration {
    private record Announcement(String callId, Instant at, int position, long estimateSeconds) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int agents = Integer.parseInt(o.getOrDefault("agents", "5"));
        int queues = Integer.parseInt(o.getOrDefault("queues", "1"));
        long handleMs = Long.parseLong(o.getOrDefault("handle", "20000"));
        double sigma = Double.parseDouble(o.getOrDefault("sigma", "0.8"));
        double[] loads = Arrays.stream(o.getOrDefault("loads", "0.9,1.0,1.15,1.25,1.4").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "300"));
        int announce = Integer.parseInt(o.getOrDefault("announce", "5"));
        long ringMs = Long.parseLong(o.getOrDefault("ring", "200"));
        long seed = Long.parseLong(o.getOrDefault("seed", "7"));
        System.out.printf("WaitEstimateCalibration: %d queue(s), %d agents serving all, handle time lognormal mean %.1f s sigma %.2f, "
                        + "%d s of Poisson arrivals per load level, announcements every %d s, ring %d ms, seed %d%n",
                queues, agents, handleMs / 1000.0, sigma, seconds, announce, ringMs, seed);
        System.out.printf("%-6s %6s %6s %8s %9s %9s %9s %8s %8s %9s %9s%n", "load", "calls", "annc", "no-est",
                "bias s", "median s", "p90|e| s", "+-30s", "+-25%", "+-AHT/6", "mean wait");
        for (double load : loads) {
            run(queues, agents, handleMs, sigma, load, seconds, announce, ringMs, seed);
        }
        System.exit(0);
    }

    private static void run(int queues, int agents, long handleMs, double sigma, double load, int seconds, int announce,
                            long ringMs, long seed) throws Exception {
        int agiPort;
        try (ServerSocket s = new ServerSocket(0)) {
            agiPort = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("wait-calibration");
        Files.createDirectories(dir.resolve("flows"));
        AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", "bench-secret")
                .agi("127.0.0.1", agiPort, "unused")
                .timings(Timings.defaults().withUnknownPromptMs(300))
                .phones(Phones.builder().prefix("5", PhoneBehaviour.answersAfter(Distribution.fixed(ringMs))).build())
                .build());
        StringBuilder yaml = new StringBuilder(String.join("\n",
                "http: {port: 0}",
                "asterisk:",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + sim.amiPort() + ", username: cc, secret: bench-secret}",
                "agi: {port: " + agiPort + "}",
                "ivr: {flows: '" + dir.resolve("flows") + "'}",
                "database: {dataDir: '" + dir.resolve("data") + "'}",
                "acd:",
                "  agentsAvailableAtStart: true",
                "  queues:", ""));
        List<String> queueIds = new ArrayList<>();
        for (int q = 0; q < queues; q++) {
            queueIds.add("bench" + q);
            yaml.append("    - {id: bench").append(q).append(", announceEvery: ").append(announce)
                    .append("s, expectedHandleTime: ").append(handleMs).append("ms}\n");
        }
        yaml.append("  agents:\n");
        for (int a = 0; a < agents; a++) {
            yaml.append("    - {id: a").append(a).append(", phone: PJSIP/").append(50000 + a)
                    .append(", queues: ").append(queueIds).append("}\n");
        }
        Server server = Server.start(ServerConfig.read(ConfigNode.parse("calibration.yaml", yaml.toString(),
                System::getenv))).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        List<Announcement> announced = new CopyOnWriteArrayList<>();
        Map<String, Instant> offeredAt = new ConcurrentHashMap<>();
        server.vertx().eventBus().<QueuePositionAnnounced>consumer(AcdAddresses.CALL_POSITION_ANNOUNCED, m -> {
            QueuePositionAnnounced a = m.body();
            announced.add(new Announcement(a.callId(), a.at(), a.position(), a.estimatedWaitSeconds()));
        });
        server.vertx().eventBus().<CallOffered>consumer(Addresses.ACD_CALL_OFFERED,
                m -> offeredAt.putIfAbsent(m.body().callerUniqueId(), m.body().at()));

        Random random = new Random(seed);
        double mu = Math.log(handleMs) - sigma * sigma / 2;
        double arrivalsPerMs = load * agents / handleMs;
        long startNs = System.nanoTime();
        long endNs = startNs + TimeUnit.SECONDS.toNanos(seconds);
        long nextNs = startNs;
        int placed = 0;
        List<String> callIds = new ArrayList<>();
        while (true) {
            nextNs += (long) (-Math.log(1 - random.nextDouble()) / arrivalsPerMs * 1e6);
            if (nextNs >= endNs) {
                break;
            }
            long sleep = nextNs - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            long talk = Math.max(1_000, Math.round(Math.exp(mu + sigma * random.nextGaussian())));
            placed++;
            SimulatedCall c = sim.placeInboundCall(InboundCall.of("0915" + placed, "Caller", "s")
                    .withContext("cc-hold").withPatienceMs(0).withTalkTimeMs(talk));
            callIds.add(c.uniqueid());
            server.vertx().eventBus().request(Addresses.ACD_CALL_ENQUEUE,
                    new EnqueueCall(c.uniqueid(), c.channel(), queueIds.get(placed % queues), 0,
                            placed % 2 == 0 ? "fa" : "en", Map.of(), Instant.now()));
        }
        long drainUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < drainUntil && !offeredAt.keySet().containsAll(callIds)) {
            Thread.sleep(200);
        }

        List<Double> signed = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        int noEstimate = 0;
        for (Announcement a : announced) {
            Instant answered = offeredAt.get(a.callId());
            if (answered == null) {
                continue;
            }
            if (a.estimateSeconds() < 0) {
                noEstimate++;
                continue;
            }
            double wait = (answered.toEpochMilli() - a.at().toEpochMilli()) / 1000.0;
            signed.add(a.estimateSeconds() - wait);
            actual.add(wait);
        }
        print(load, placed, signed, actual, noEstimate, handleMs);
        server.close();
        sim.close();
    }

    private static void print(double load, int calls, List<Double> signed, List<Double> actual, int noEstimate,
                              long handleMs) {
        int n = signed.size();
        if (n == 0) {
            System.out.printf("%-6.2f %6d %6d %8d   (no caller waited)%n", load, calls, 0, noEstimate);
            return;
        }
        double[] s = signed.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] abs = signed.stream().mapToDouble(Math::abs).sorted().toArray();
        double bias = Arrays.stream(s).average().orElse(0);
        double aht6 = handleMs / 6000.0;
        int in30 = 0;
        int in25 = 0;
        int inAht = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.abs(signed.get(i));
            in30 += e <= 30 ? 1 : 0;
            in25 += e <= 0.25 * actual.get(i) ? 1 : 0;
            inAht += e <= aht6 ? 1 : 0;
        }
        System.out.printf("%-6.2f %6d %6d %8d %9.1f %9.1f %9.1f %7.0f%% %7.0f%% %8.0f%% %8.1fs%n", load, calls, n,
                noEstimate, bias, percentile(s, 0.5), percentile(abs, 0.9), 100.0 * in30 / n, 100.0 * in25 / n,
                100.0 * inAht / n, actual.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    /** Nearest-rank percentile of an ascending array. */
    private static double percentile(double[] ascending, double p) {
        int rank = (int) Math.ceil(p * ascending.length);
        return ascending[Math.max(0, rank - 1)];
    }
}
