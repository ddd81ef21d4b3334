package cc.bench.soak;

import cc.bench.BenchServer;
import cc.bench.Options;
import cc.core.config.ConfigNode;
import cc.launcher.Server;
import cc.launcher.ServerConfig;
import cc.simulator.AsteriskSimulator;
import cc.simulator.CallOutcome;
import cc.simulator.DtmfStep;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.micrometer.core.instrument.Gauge;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A soak run: the whole server (IVR over FastAGI, ACD, interaction recorder, its own PostgreSQL database) against the
 * simulator over AMI at a steady call rate for a long time, printing every {@code --every} minutes what a leak would
 * show: the calls offered so far, the records in PostgreSQL (total; ended; complete, that is ended with an end cause
 * and at least one segment, or without one because the caller hung up before the IVR began, as the simulator saw it:
 * its AGI never started; open although offered more than two minutes ago; ended without any segment), heap used
 * after a full GC, live threads and open file descriptors. Each ended record without a segment is printed with what
 * the simulator did with that call. At the end: the totals after the calls drained and a verdict (see
 * {@link SoakFigures}).
 *
 * <p>The simulator runs in the same JVM (its own Vert.x), so heap and threads include it; it holds nothing past a
 * call's end either, so a flat line is still the test. Callers key 1 in a menu at 1.5 s, are queued and bridged to an
 * agent who talks {@code --talk} ms; 5 % hang up {@code --menu-patience} ms (800) after they call, in the menu or,
 * with a short patience, before the IVR has begun.
 *
 * <p>Options: {@code --rate} calls/s (20), {@code --minutes} (60), {@code --every} minutes between samples (5),
 * {@code --agents} (300), {@code --talk} ms (8000), {@code --menu-patience} ms (800), {@code --pg-url} the
 * maintenance database where {@code cc_soak_<random>} is created and dropped
 * ({@code jdbc:postgresql://127.0.0.1:5432/postgres}, user postgres).
 */
public final class SoakRun {
    private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        double rate = Double.parseDouble(o.getOrDefault("rate", "20"));
        int minutes = Integer.parseInt(o.getOrDefault("minutes", "60"));
        int every = Integer.parseInt(o.getOrDefault("every", "5"));
        int agents = Integer.parseInt(o.getOrDefault("agents", "300"));
        long talkMs = Long.parseLong(o.getOrDefault("talk", "8000"));
        long menuPatienceMs = Long.parseLong(o.getOrDefault("menu-patience", "800"));
        String adminUrl = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        System.out.printf("machine: %d cores, java %s; load average at start: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        System.out.printf("SoakRun: %.0f calls/s for %d min, a sample every %d min; %d agents talking %d ms; 5 %% of"
                + " callers hang up after %d ms; PostgreSQL%n", rate, minutes, every, agents, talkMs, menuPatienceMs);

        Matcher m = PG_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--pg-url " + adminUrl + " is not a jdbc:postgresql://host:port/db URL");
        }
        String dbName = "cc_soak_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        String dbUrl = m.group(1) + dbName + m.group(3);
        execute(adminUrl, "create database " + dbName);
        try {
            run(rate, minutes, every, agents, talkMs, menuPatienceMs, dbUrl);
        } finally {
            execute(adminUrl, "drop database if exists " + dbName + " with (force)");
        }
        System.exit(0);
    }

    private static void run(double rate, int minutes, int every, int agents, long talkMs, long menuPatienceMs,
                            String dbUrl)
            throws Exception {
        int agiPort = BenchServer.freePort();
        Path flows = Files.createTempDirectory("soak").resolve("flows");
        Files.createDirectories(flows);
        Files.writeString(flows.resolve("bench.yaml"), String.join("\n",
                "languages: [en]",
                "timezone: UTC",
                "start: answer",
                "nodes:",
                "  answer: {type: answer, next: choose}",
                "  choose:",
                "    type: menu",
                "    prompt: {en: en/ivr/main-menu}",
                "    choices: {1: to-bench}",
                "    timeout: 3s",
                "    retries: 0",
                "    fallback: to-bench",
                "  to-bench: {type: enqueue, queue: bench, timeout: 5s, fallback: bye}",
                "  bye: {type: hangup}", ""));
        AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", "bench-secret")
                .agi("127.0.0.1", agiPort, "bench?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(300))
                .phones(Phones.builder().prefix("5", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200),
                        Distribution.fixed(talkMs))).build())
                .build());
        StringBuilder yaml = BenchServer.yaml(sim.amiPort(), agiPort, flows, "{url: '" + dbUrl
                + "', username: postgres, password: ''}");
        yaml.append(String.join("\n", "  queues: [{id: bench, wrapUp: 0s}]", "  agents:", ""));
        BenchServer.agents(yaml, "a", agents, 50000, "bench");
        Server server = Server.start(ServerConfig.read(ConfigNode.parse("soak.yaml", yaml.toString(),
                System::getenv))).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        Gauge unwritten = server.metrics().get("cc.interactions.unwritten").gauge();

        List<SimulatedCall> calls = new CopyOnWriteArrayList<>();
        AtomicLong offered = new AtomicLong();
        // what the simulator did with each call that reached no agent (the suspects for a record without a segment),
        // the newest 400 only (about the last 5 minutes at 20 calls/s), so the run itself does not grow
        Map<String, String> notServed = Collections.synchronizedMap(new LinkedHashMap<>(2_048, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 400;
            }
        });
        // callers who hung up before the IVR began (the simulator never started their AGI): their records rightly
        // have no segment; few even on a busy machine, and capped
        Set<String> beforeIvr = ConcurrentHashMap.newKeySet();
        Random random = new Random(1);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(() -> {
            long n = offered.incrementAndGet();
            String number = String.format("0915%07d", n % 10_000_000);
            InboundCall call = InboundCall.of(number, "Caller " + n, "5550100");
            boolean hangsUpInMenu = random.nextDouble() < 0.05;
            call = hangsUpInMenu ? call.withPatienceMs(menuPatienceMs)
                    : call.withDtmf(new DtmfStep(1_500, "1")).withPatienceMs(60_000);
            Instant placedAt = Instant.now();
            SimulatedCall placed = sim.placeInboundCall(call);
            calls.add(placed);
            placed.ended().whenComplete((out, e) -> {
                calls.remove(placed);
                if (out != null && !out.reachedAgent()) {
                    notServed.put(number, whatTheSimulatorDid(hangsUpInMenu, placedAt, out));
                }
                if (out != null && out.agiTranscript().isEmpty() && beforeIvr.size() < 100_000) {
                    beforeIvr.add(number);
                }
            });
        }, 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);

        System.out.printf("%n%s%n", SoakFigures.HEADER);
        List<SoakFigures.Sample> underLoad = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        long start = System.nanoTime();
        System.out.println(SoakFigures.line(sample(0, dbUrl, offered.get(), calls.size(), unwritten, beforeIvr)));
        // where the heap went between the end of the first third under load and the last sample under load
        int thirdAt = every * Math.max(1, (minutes / every) / 3);
        java.util.Map<String, HeapHistogram.Count> atThird = null;
        java.util.Map<String, HeapHistogram.Count> atEnd = null;
        for (int t = every; t <= minutes; t += every) {
            long due = start + TimeUnit.MINUTES.toNanos(t);
            while (System.nanoTime() < due) {
                Thread.sleep(Math.max(1, Math.min(10_000, (due - System.nanoTime()) / 1_000_000)));
            }
            SoakFigures.Sample s = sample(t, dbUrl, offered.get(), calls.size(), unwritten, beforeIvr);
            underLoad.add(s);
            System.out.println(SoakFigures.line(s));
            if (t == thirdAt) {
                atThird = HeapHistogram.take();
            }
            if (t + every > minutes) {
                atEnd = HeapHistogram.take();
            }
            showWithoutSegment(dbUrl, shown, notServed, 10);
        }
        pacer.shutdownNow();
        Optional<SoakFigures.ClassGrowth> grown = Optional.empty();
        if (atThird != null && atEnd != null) {
            long offeredAtThird = underLoad.stream().filter(x -> x.minute() == thirdAt).findFirst()
                    .map(SoakFigures.Sample::offered).orElse(0L);
            grown = Optional.of(HeapHistogram.mostInstancesGrown(atThird, atEnd,
                    underLoad.get(underLoad.size() - 1).offered() - offeredAtThird));
            System.out.printf("classes grown most from %d min to %d min (live objects after a full GC):%n", thirdAt,
                    minutes);
            HeapHistogram.growth(atThird, atEnd, 15).forEach(l -> System.out.println("  " + l));
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!calls.isEmpty() && System.nanoTime() < drainUntil) {
            Thread.sleep(500);
        }
        // ended records are written at once, but a write may be waiting on its predecessor
        long writtenUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Thread.sleep(3_000);
        while (unwritten.value() > 0 && System.nanoTime() < writtenUntil) {
            Thread.sleep(500);
        }
        System.out.println("after the calls drained:");
        SoakFigures.Sample last = sample(minutes, dbUrl, offered.get(), calls.size(), unwritten, beforeIvr);
        System.out.println(SoakFigures.line(last));
        showWithoutSegment(dbUrl, shown, notServed, 50);
        System.out.printf("totals: %d calls offered in %d min (%.1f/s), %d records, %d ended, %d complete,"
                        + " %d without segment (%d of them callers who hung up before the IVR began), %d still open%n",
                offered.get(), minutes, offered.get() / (minutes * 60.0), last.records().total(),
                last.records().ended(), last.records().complete(), last.records().endedWithoutSegment(),
                last.records().endedBeforeIvr(), last.records().total() - last.records().ended());
        System.out.println(SoakFigures.verdict(underLoad, last, grown));
        server.close();
        sim.close();
    }

    private static String whatTheSimulatorDid(boolean hangsUpInMenu, Instant placedAt, CallOutcome out) {
        long agiCommands = out.agiTranscript().stream().filter(l -> l.startsWith(">")).count();
        return String.format("%s; placed %s, ended %s; answered %s, abandoned %s, cause %d, AGISTATUS %s, %s",
                hangsUpInMenu ? "meant to hang up early" : "meant to key 1 at 1.5 s", placedAt, Instant.now(),
                out.answered(), out.abandoned(), out.hangupCause(), out.agiStatus(),
                out.agiTranscript().isEmpty() ? "AGI never began"
                        : agiCommands + " AGI commands, " + out.agiTranscript().size() + " AGI lines from "
                        + out.agiTranscript().get(0));
    }

    /** Prints the ended records without any segment not shown yet (at most {@code limit}), with the simulator's side. */
    private static void showWithoutSegment(String dbUrl, Set<String> shown, Map<String, String> notServed, int limit)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id, caller_number, call_id, offered_at, answered_at, ended_at,"
                     + " end_cause, (select count(*) from interaction_ivr_steps v where v.interaction_id = i.id)"
                     + " from interactions i where ended_at is not null and not exists (select 1 from"
                     + " interaction_segments s where s.interaction_id = i.id) order by offered_at")) {
            int printed = 0;
            while (rs.next()) {
                if (!shown.add(rs.getString(1)) || printed++ >= limit) {
                    continue;
                }
                System.out.printf("  without segment: %s caller %s call %s offered %s answered %s ended %s (%s),"
                                + " %d IVR steps; simulator: %s%n", rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getLong(8),
                        notServed.getOrDefault(rs.getString(2), "reached an agent, or no longer kept"));
            }
        }
    }

    private static SoakFigures.Sample sample(int minute, String dbUrl, long offered, int callsUp, Gauge unwritten,
                                             Set<String> beforeIvr) throws SQLException {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        SoakFigures.Records records;
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*), count(*) filter (where ended_at is not null),"
                     + " count(*) filter (where ended_at is not null and end_cause <> '' and exists (select 1 from"
                     + " interaction_segments s where s.interaction_id = i.id)),"
                     + " count(*) filter (where ended_at is null and offered_at < now() - interval '2 minutes'),"
                     + " count(*) filter (where ended_at is not null and not exists (select 1 from"
                     + " interaction_segments s where s.interaction_id = i.id))"
                     + " from interactions i")) {
            rs.next();
            long endedBeforeIvr = 0;
            try (Statement callers = c.createStatement();
                 ResultSet without = callers.executeQuery("select caller_number from interactions i where ended_at"
                         + " is not null and end_cause <> '' and not exists (select 1 from interaction_segments s"
                         + " where s.interaction_id = i.id)")) {
                while (without.next()) {
                    endedBeforeIvr += beforeIvr.contains(without.getString(1)) ? 1 : 0;
                }
            }
            records = new SoakFigures.Records(rs.getLong(1), rs.getLong(2), rs.getLong(3) + endedBeforeIvr,
                    rs.getLong(4), rs.getLong(5), endedBeforeIvr);
        }
        return new SoakFigures.Sample(minute, offered, records, heap.getUsed() / 1048576.0,
                ManagementFactory.getThreadMXBean().getThreadCount(), openFiles(), callsUp, unwritten.value(),
                loadAverage().split(" ")[0]);
    }

    private static long openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
