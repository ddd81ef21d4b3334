package cc.bench.faults;

import cc.bench.BenchServer;
import cc.bench.Options;
import cc.core.config.ConfigNode;
import cc.core.testkit.PostgresTestDatabase;
import cc.core.testkit.TcpProxy;
import cc.launcher.Server;
import cc.launcher.ServerConfig;
import cc.simulator.AgiFault;
import cc.simulator.AsteriskSimulator;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The whole server under steady inbound traffic with a fault every 30 s, in turn: PostgreSQL cut for 10 s (a TCP
 * proxy between the server and the database refuses and resets every connection, then forwards again) and the AMI
 * link cut (the simulator drops every AMI connection; the server reconnects), when {@code redis-server} is on the
 * machine the server's live-state Redis restarted (a Redis of this program's own on a free port, with its
 * append-only file, stopped for 5 s; never the machine's 6379), and FastAGI misbehaving for 10 s (every caller
 * arriving then meets one of the simulator's named FastAGI failures at its first, second or third command: no reply,
 * garbage, the socket closed instead of the reply or just after it; {@code agi.replyTimeout} 5 s here). {@code
 * --rate} callers a second through
 * the IVR into a queue of agents (phones answer in 200 ms, callers talk 4 s then hang up) for {@code --minutes}.
 *
 * <p>Counted per fault, over the calls placed from its start until 5 s after its end: records complete afterwards
 * (one interaction per caller number, ended, with segments), lost (none), duplicates (more than one), and the time
 * from the fault's end until /health answered 200 again, and the longest wait of a caller placed in that window
 * (arrival to an agent answering, from the record; callers given a FastAGI failure never reach an agent and are
 * left out of waits) beside the waits of the calls placed outside every fault window (median, p99, max): what the
 * fault added. Then the totals over every call of the run. {@code --redis false} runs the live state in memory and
 * leaves the Redis fault out.
 *
 * <p>Usage: {@code java -cp benchmarks.jar cc.bench.faults.FaultLoadRun [--minutes 10] [--rate 20] [--agents 150]}
 * ({@code scripts/benchmarks.sh faults}; needs the machine's PostgreSQL, where it makes and drops its own database).
 */
public final class FaultLoadRun {
    private static final long FAULT_EVERY_MS = 30_000;
    private static final long DB_CUT_MS = 10_000;
    private static final long AFTER_MS = 5_000;
    private static final long REDIS_DOWN_MS = 5_000;
    private static final long AGI_FAULTS_MS = 10_000;
    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

    private FaultLoadRun() {}

    /** One fault: what, when it started and ended (epoch ms), when /health was 200 again (-1: not seen). */
    private static final class Fault {
        final String kind;
        final long start;
        long end;
        long healthy = -1;

        Fault(String kind, long start) {
            this.kind = kind;
            this.start = start;
        }
    }

    private record Placed(String number, long at, boolean agiFault) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int minutes = Integer.parseInt(o.getOrDefault("minutes", "10"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "20"));
        int agents = Integer.parseInt(o.getOrDefault("agents", "150"));
        boolean withRedis = Boolean.parseBoolean(o.getOrDefault("redis", Boolean.toString(Files.isExecutable(
                REDIS_SERVER))));
        List<String> kinds = withRedis ? List.of("database cut 10 s", "AMI link cut", "Redis restart (5 s down)",
                "FastAGI failures 10 s") : List.of("database cut 10 s", "AMI link cut", "FastAGI failures 10 s");
        System.out.printf(Locale.ROOT, "FaultLoadRun: %.0f calls/s for %d min, %d agents, a fault every %d s (database"
                + " cut %d s, AMI link cut%s, FastAGI failures, in turn); load average %s%n", rate, minutes, agents,
                FAULT_EVERY_MS / 1000, DB_CUT_MS / 1000, withRedis ? ", Redis restart" : "",
                cc.bench.ivr.IvrLoadBenchmark.loadAverage());

        Phones.Builder phones = Phones.builder();
        for (int a = 0; a < agents; a++) {
            phones.number(Integer.toString(40000 + a), PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200),
                    Distribution.fixed(600_000)));
        }
        int agiPort = BenchServer.freePort();
        AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", "bench-secret")
                .agi("127.0.0.1", agiPort, "bench")
                .timings(Timings.defaults().withUnknownPromptMs(300))
                .phones(phones.build())
                .build());
        PostgresTestDatabase pg = PostgresTestDatabase.create(8);
        URI db = URI.create(pg.config().url().substring("jdbc:".length()));
        TcpProxy proxy = TcpProxy.start(db.getHost(), db.getPort());
        String proxied = pg.config().url().replace(db.getHost() + ":" + db.getPort(), "127.0.0.1:" + proxy.port());
        Path dir = Files.createTempDirectory("fault-load");
        OwnRedis redis = withRedis ? OwnRedis.start(dir.resolve("redis")) : null;
        Path flows = BenchServer.flowIntoQueue(dir, "inbound", "30s");
        StringBuilder yaml = BenchServer.yaml(sim.amiPort(), agiPort, flows,
                "{url: '" + proxied + "', username: postgres, password: '', poolSize: 8}");
        yaml.append("  tickEvery: 100ms\n  queues: [{id: inbound, wrapUp: 0s, recording: never}]\n  agents:\n");
        BenchServer.agents(yaml, "agent-", agents, 40000, "inbound");
        if (redis != null) {
            int acd = yaml.indexOf("acd:\n");
            yaml.insert(acd, "livestate: {redis: 'redis://127.0.0.1:" + redis.port + "/0', keyPrefix: 'fault-load'}\n");
        }
        String ami = "reconnectInitialDelay: 200ms, reconnectMaxDelay: 1s}";
        Server server = Server.start(ServerConfig.read(ConfigNode.parse("fault-load.yaml",
                yaml.toString().replace("secret: bench-secret}", "secret: bench-secret, " + ami)
                        .replace("agi: {port: " + agiPort + "}", "agi: {port: " + agiPort + ", replyTimeout: 5s}"),
                System::getenv))).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + server.httpPort() + "/health");
        List<Placed> placed = new CopyOnWriteArrayList<>();
        List<SimulatedCall> calls = new CopyOnWriteArrayList<>();
        List<Fault> faults = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong agiFaultsUntil = new java.util.concurrent.atomic.AtomicLong();
        AgiFault.Kind[] agiKinds = AgiFault.Kind.values();
        try {
            long startedAt = System.currentTimeMillis();
            long endAt = startedAt + TimeUnit.MINUTES.toMillis(minutes);
            Thread callers = new Thread(() -> {
                Random random = new Random(1);
                long next = System.nanoTime();
                for (int n = 1; System.currentTimeMillis() < endAt; n++) {
                    String number = String.format(Locale.ROOT, "0913%07d", n);
                    boolean agiFault = System.currentTimeMillis() < agiFaultsUntil.get();
                    try {
                        if (agiFault) {
                            sim.injectAgiFault(number, new AgiFault(1 + n % 3, agiKinds[n % agiKinds.length]));
                        }
                        calls.add(sim.placeInboundCall(new InboundCall(number, "Caller " + n, "02100000", null,
                                List.of(), 60_000, 4_000)));
                        placed.add(new Placed(number, System.currentTimeMillis(), agiFault));
                    } catch (RuntimeException e) {
                        System.out.println("call " + number + " not placed: " + e.getMessage());
                    }
                    next += (long) (-Math.log(1 - random.nextDouble()) / rate * 1e9);
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "fault-load-callers");
            callers.start();
            for (int i = 0; ; i++) {
                long at = startedAt + (i + 1) * FAULT_EVERY_MS;
                if (at + DB_CUT_MS + AFTER_MS > endAt) {
                    break;
                }
                sleepUntil(at);
                String kind = kinds.get(i % kinds.size());
                Fault f = new Fault(kind, System.currentTimeMillis());
                faults.add(f);
                if (kind.startsWith("database")) {
                    proxy.cut();
                    sleepUntil(f.start + DB_CUT_MS);
                    proxy.restore();
                } else if (kind.startsWith("AMI")) {
                    sim.dropAmiConnections();
                } else if (kind.startsWith("FastAGI")) {
                    agiFaultsUntil.set(f.start + AGI_FAULTS_MS);
                    sleepUntil(f.start + AGI_FAULTS_MS);
                } else {
                    redis.stop();
                    sleepUntil(f.start + REDIS_DOWN_MS);
                    redis.restart();
                }
                f.end = System.currentTimeMillis();
                long limit = f.end + 20_000;
                while (System.currentTimeMillis() < limit) {
                    if (status(http, health) == 200) {
                        f.healthy = System.currentTimeMillis();
                        break;
                    }
                    Thread.sleep(100);
                }
                System.out.printf(Locale.ROOT, "  %s at +%d s: /health 200 again %s after it ended%n", f.kind,
                        (f.start - startedAt) / 1000, f.healthy < 0 ? "NOT within 20 s" : (f.healthy - f.end) + " ms");
            }
            callers.join();
            System.out.printf(Locale.ROOT, "%d calls placed; waiting for them to end and their records%n",
                    placed.size());
            for (SimulatedCall c : calls) {
                c.awaitEnd(Duration.ofSeconds(120));
            }
            Map<String, int[]> records = Map.of();
            long settleBy = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < settleBy) {
                records = records(pg);
                if (count(placed, records, Long.MIN_VALUE, Long.MAX_VALUE)[0] == placed.size()) {
                    break;
                }
                Thread.sleep(1_000);
            }
            Map<String, Long> waits = waits(pg);
            List<Long> outside = new ArrayList<>();
            for (Placed p : placed) {
                boolean inFault = false;
                for (Fault f : faults) {
                    inFault |= p.at() >= f.start && p.at() <= f.end + AFTER_MS;
                }
                Long w = waits.get(p.number());
                if (!inFault && !p.agiFault() && w != null) {
                    outside.add(w);
                }
            }
            outside.sort(null);
            System.out.printf(Locale.ROOT, "%n| fault | calls placed during it (+5 s) | records complete | lost |"
                    + " duplicates | /health 200 after its end | longest wait to an agent |%n"
                    + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |%n");
            long longestInFaults = 0;
            for (Fault f : faults) {
                int[] c = count(placed, records, f.start, f.end + AFTER_MS);
                long longest = 0;
                int faulted = 0;
                for (Placed p : placed) {
                    if (p.at() >= f.start && p.at() <= f.end + AFTER_MS) {
                        Long w = waits.get(p.number());
                        if (p.agiFault()) {
                            faulted++;
                        } else if (w != null) {
                            longest = Math.max(longest, w);
                        }
                    }
                }
                longestInFaults = Math.max(longestInFaults, longest);
                System.out.printf(Locale.ROOT, "| %s%s | %d | %d | %d | %d | %s | %d ms |%n", f.kind,
                        faulted == 0 ? "" : " (" + faulted + " callers given a failure)", c[3], c[0], c[1], c[2],
                        f.healthy < 0 ? "not within 20 s" : (f.healthy - f.end) + " ms", longest);
            }
            System.out.printf(Locale.ROOT, "waits to an agent of the %d calls placed outside every fault window: median"
                            + " %d ms, p99 %d ms, max %d ms; the longest inside a fault window: %d ms%n",
                    outside.size(), pick(outside, 0.5), pick(outside, 0.99), pick(outside, 1.0), longestInFaults);
            int[] all = count(placed, records, Long.MIN_VALUE, Long.MAX_VALUE);
            System.out.printf(Locale.ROOT, "| **all calls** | %d | %d | %d | %d | |%n", all[3], all[0], all[1],
                    all[2]);
            System.out.printf(Locale.ROOT, "records incomplete (open or without segments): %d; load average at the"
                    + " end %s%n", all[3] - all[0] - all[1] - all[2], cc.bench.ivr.IvrLoadBenchmark.loadAverage());
        } finally {
            server.close();
            sim.close();
            proxy.close();
            pg.close();
            if (redis != null) {
                redis.stop();
            }
        }
        System.exit(0);
    }

    /** Per caller number: records, records still open, records without segments. */
    private static Map<String, int[]> records(PostgresTestDatabase pg) throws Exception {
        Map<String, int[]> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select i.caller_number, count(*),"
                     + " sum(case when i.ended_at is null then 1 else 0 end),"
                     + " sum(case when exists (select 1 from interaction_segments s where s.interaction_id = i.id)"
                     + " then 0 else 1 end) from interactions i where i.caller_number like '0913%'"
                     + " group by i.caller_number");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4)});
            }
        }
        return out;
    }

    /** Per caller number answered by an agent: milliseconds from the call's arrival to the agent answering. */
    private static Map<String, Long> waits(PostgresTestDatabase pg) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select caller_number, max(extract(epoch from"
                     + " (agent_answered_at - offered_at)) * 1000) from interactions where caller_number like '0913%'"
                     + " and agent_answered_at is not null group by caller_number");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), Math.round(rs.getDouble(2)));
            }
        }
        return out;
    }

    private static long pick(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** Of the calls placed in [from, to]: complete, lost, duplicated, and how many were placed. */
    private static int[] count(List<Placed> placed, Map<String, int[]> records, long from, long to) {
        int complete = 0;
        int lost = 0;
        int twice = 0;
        int n = 0;
        for (Placed p : placed) {
            if (p.at() < from || p.at() > to) {
                continue;
            }
            n++;
            int[] r = records.get(p.number());
            if (r == null) {
                lost++;
            } else if (r[0] > 1) {
                twice++;
            } else if (r[1] == 0 && r[2] == 0) {
                complete++;
            }
        }
        return new int[] {complete, lost, twice, n};
    }

    private static int status(HttpClient http, URI health) {
        try {
            return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** A Redis of this program's own on a free port, with its append-only file in {@code dir}. */
    private static final class OwnRedis {
        final int port;
        final Path dir;
        Process process;

        private OwnRedis(int port, Path dir) {
            this.port = port;
            this.dir = dir;
        }

        static OwnRedis start(Path dir) throws Exception {
            Files.createDirectories(dir);
            OwnRedis r = new OwnRedis(BenchServer.freePort(), dir);
            r.restart();
            return r;
        }

        void restart() throws Exception {
            process = new ProcessBuilder(REDIS_SERVER.toString(), "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--dir", dir.toString(), "--appendonly", "yes", "--save", "")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
            long until = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < until) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                    return;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(50);
                }
            }
            throw new IllegalStateException("own redis-server on port " + port + " did not start; see " + dir);
        }

        /** SIGTERM, as a service manager stops it: Redis flushes its append-only file and exits. */
        void stop() throws Exception {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void sleepUntil(long epochMs) throws InterruptedException {
        long wait = epochMs - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
