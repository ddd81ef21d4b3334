package cc.bench.records;

import cc.bench.BenchServer;
import cc.bench.Options;
import cc.core.config.ConfigNode;
import cc.core.contract.Addresses;
import cc.core.contract.InteractionUpdated;
import cc.core.domain.call.CallEvent;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.SegmentKind;
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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How soon a call's interaction record is complete in PostgreSQL after the call ends, and whether any is lost: the
 * whole server (IVR over FastAGI, ACD, interaction recorder, a real PostgreSQL database of its own) against the
 * simulator over AMI. Callers arrive at a fixed rate into {@code cc-inbound}, run a menu flow where they press 1, are
 * queued and bridged to an agent whose phone answers after a short ring and hangs up after a short talk. For variety
 * some callers give up in the IVR before keying, some hang up on the agent first, and a few agents' phones never
 * answer (ring-no-answer; those agents are then paused, so their offers fall in the first seconds).
 *
 * <p>The lag is measured from the moment the hang-up of the record's customer leg (the {@code ;1} half of the
 * caller's Local pair, whose uniqueid is the record's call id) reaches the server's telephony listeners (on the AMI
 * link's context, where the recorder picks it up too) to the first {@code cc.core.interaction.updated} for that
 * record showing it ended with no open segment except wrap-up; the recorder publishes it only after the PostgreSQL
 * commit. Only calls offered in the measured window count toward the lag.
 *
 * <p>After the traffic stops and calls drain, every placed call is looked up in PostgreSQL by its call id: exactly one
 * row, ended, with segments, none open but wrap-up, and a talk segment and {@code handled_by} when the simulator says
 * the caller was bridged to an agent.
 *
 * <p>Options: {@code --rate} calls/s (100), {@code --seconds} measured (60), {@code --warmup} s (5), {@code --agents}
 * (400), {@code --rna-agents} agents whose phone never answers (4), {@code --ring} agent ring ms (200), {@code --talk}
 * agent talk ms (2000), {@code --caller-hangs-up} share of callers who hang up after 1 s of talk (0.3),
 * {@code --ivr-abandon} share of callers who hang up in the menu (0.05), {@code --pool} JDBC connections (8, the
 * server's default), {@code --drain} s to wait for calls to end (90), {@code --seed} (1), {@code --pg-url} JDBC URL of
 * the PostgreSQL maintenance database where {@code cc_bench_<random>} is created and dropped
 * ({@code jdbc:postgresql://127.0.0.1:5432/postgres}, user postgres).
 */
public final class RecordLagBenchmark {
    private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");
    private static final long KEY_AT_MS = 1_500;
    private static final long IVR_ABANDON_AT_MS = 800;
    private static final long CALLER_TALK_MS = 1_000;
    private static final long MAX_NS = TimeUnit.MINUTES.toNanos(10);

    /** What the recorder published, counted on the event bus (one event per stored write). */
    private static final class Writes {
        final AtomicLong total = new AtomicLong();
        final AtomicLong inWindow = new AtomicLong();
        final AtomicLong segmentRowsInWindow = new AtomicLong();
        final AtomicLong stepRowsInWindow = new AtomicLong();
        final AtomicLong afterComplete = new AtomicLong();
        final AtomicLong completeBeforeHangUpSeen = new AtomicLong();
        final Set<String> complete = ConcurrentHashMap.newKeySet();
        final Histogram lag = new Histogram(MAX_NS, 3);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        double rate = Double.parseDouble(o.getOrDefault("rate", "100"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        int agents = Integer.parseInt(o.getOrDefault("agents", "400"));
        int rnaAgents = Integer.parseInt(o.getOrDefault("rna-agents", "4"));
        long ringMs = Long.parseLong(o.getOrDefault("ring", "200"));
        long talkMs = Long.parseLong(o.getOrDefault("talk", "2000"));
        double callerHangsUp = Double.parseDouble(o.getOrDefault("caller-hangs-up", "0.3"));
        double ivrAbandon = Double.parseDouble(o.getOrDefault("ivr-abandon", "0.05"));
        int pool = Integer.parseInt(o.getOrDefault("pool", "8"));
        int drain = Integer.parseInt(o.getOrDefault("drain", "90"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        String adminUrl = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");

        printMachine();
        System.out.printf("RecordLagBenchmark: %.0f calls/s, %d s warm-up + %d s measured; IVR menu (key 1 at %d ms, "
                        + "%.0f %% hang up at %d ms), queue, %d agents (ring %d ms, talk %d ms then hang up; %.0f %% "
                        + "of callers hang up first after %d ms) + %d agents whose phone never answers (ring timeout "
                        + "1500 ms); wrap-up 0 s; PostgreSQL, pool %d; seed %d%n",
                rate, warmup, seconds, KEY_AT_MS, ivrAbandon * 100, IVR_ABANDON_AT_MS, agents, ringMs, talkMs,
                callerHangsUp * 100, CALLER_TALK_MS, rnaAgents, pool, seed);

        String dbName = "cc_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        Matcher m = PG_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--pg-url " + adminUrl + " is not a jdbc:postgresql://host:port/db URL");
        }
        String dbUrl = m.group(1) + dbName + m.group(3);
        execute(adminUrl, "create database " + dbName);
        try {
            run(rate, seconds, warmup, agents, rnaAgents, ringMs, talkMs, callerHangsUp, ivrAbandon, pool, drain,
                    seed, dbUrl);
        } finally {
            execute(adminUrl, "drop database if exists " + dbName + " with (force)");
        }
        System.exit(0);
    }

    private static void run(double rate, int seconds, int warmup, int agents, int rnaAgents, long ringMs, long talkMs,
                            double callerHangsUp, double ivrAbandon, int pool, int drain, long seed, String dbUrl)
            throws Exception {
        int agiPort = BenchServer.freePort();
        Path flows = Files.createTempDirectory("record-lag").resolve("flows");
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
                "    invalid: {en: en/ivr/invalid-choice}",
                "    fallback: to-bench",
                "  to-bench: {type: enqueue, queue: bench, timeout: 5s, fallback: bye}",
                "  bye: {type: hangup}", ""));
        AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", "bench-secret")
                .agi("127.0.0.1", agiPort, "bench?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(300))
                .phones(Phones.builder()
                        .prefix("5", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(ringMs),
                                Distribution.fixed(talkMs)))
                        .prefix("4", PhoneBehaviour.neverAnswers())
                        .build())
                .build());
        StringBuilder yaml = BenchServer.yaml(sim.amiPort(), agiPort, flows, "{url: '" + dbUrl
                + "', username: postgres, password: '', poolSize: " + pool + "}");
        yaml.append(String.join("\n",
                "  ringTimeout: 1500ms",
                "  queues: [{id: bench, wrapUp: 0s}]",
                "  agents:", ""));
        BenchServer.agents(yaml, "rna", rnaAgents, 40000, "bench");
        BenchServer.agents(yaml, "a", agents, 50000, "bench");
        Server server = Server.start(ServerConfig.read(ConfigNode.parse("record-lag.yaml", yaml.toString(),
                System::getenv))).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

        // The hang-up of every caller leg, by uniqueid, as it reaches the server (on the AMI link's context, right
        // after the recorder's own listener has handed the same event to its context).
        Map<String, Long> hungUpAt = new ConcurrentHashMap<>();
        Map<String, String> callIdOfLeg = new ConcurrentHashMap<>();
        AtomicLong customerHangUps = new AtomicLong();
        server.telephony().onCallEvent(e -> {
            if (e.leg().channelName().contains("@cc-inbound-")) {
                callIdOfLeg.putIfAbsent(e.leg().uniqueId(), e.leg().callId());
            }
            if (e instanceof CallEvent.CallHungUp h && h.leg().channelName().contains("@cc-inbound-")) {
                hungUpAt.put(h.leg().uniqueId(), System.nanoTime());
                if (h.leg().uniqueId().equals(h.leg().callId())) {
                    customerHangUps.incrementAndGet();
                }
            }
        });

        long startNs = System.nanoTime();
        Instant start = Instant.now();
        Instant windowFrom = start.plusSeconds(warmup);
        Instant windowTo = windowFrom.plusSeconds(seconds);
        Writes writes = new Writes();
        server.vertx().eventBus().<InteractionUpdated>consumer(Addresses.INTERACTION_UPDATED, msg -> {
            long now = System.nanoTime();
            Interaction i = msg.body().interaction();
            writes.total.incrementAndGet();
            Instant at = Instant.now();
            if (!at.isBefore(windowFrom) && at.isBefore(windowTo)) {
                writes.inWindow.incrementAndGet();
                writes.segmentRowsInWindow.addAndGet(i.segments().size());
                writes.stepRowsInWindow.addAndGet(i.ivrPath().size());
            }
            boolean complete = i.isEnded()
                    && i.openSegments().stream().allMatch(s -> s.kind() == SegmentKind.WRAP_UP);
            if (!complete) {
                return;
            }
            if (!writes.complete.add(i.id())) {
                writes.afterComplete.incrementAndGet();
                return;
            }
            Long hungUp = hungUpAt.get(i.callId());
            if (hungUp == null) {
                writes.completeBeforeHangUpSeen.incrementAndGet();
                return;
            }
            if (!i.offeredAt().isBefore(windowFrom) && i.offeredAt().isBefore(windowTo)) {
                synchronized (writes.lag) {
                    writes.lag.recordValue(Math.max(0, Math.min(MAX_NS, now - hungUp)));
                }
            }
        });

        // Where the time goes, sampled: the recorder's backlog and the database sessions busy on our database.
        Gauge unwritten = server.metrics().get("cc.interactions.unwritten").gauge();
        Counter failures = server.metrics().get("cc.interactions.write.failures").counter();
        Histogram backlog = new Histogram(1_000_000, 3);
        List<String> timeline = new CopyOnWriteArrayList<>();
        Histogram activeSessions = new Histogram(10_000, 3);
        Connection probe = connect(dbUrl);
        List<SimulatedCall> calls = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        AtomicLong lastWrites = new AtomicLong();
        AtomicLong lastPlaced = new AtomicLong();
        AtomicLong lastComplete = new AtomicLong();
        sampler.scheduleAtFixedRate(() -> {
            long w = writes.total.get();
            long p = calls.size();
            long c = writes.complete.size();
            timeline.add(String.format("%6d %8.0f %8.0f %8.0f %10.0f %8d", timeline.size() * 10 + 10,
                    (p - lastPlaced.getAndSet(p)) / 10.0, (w - lastWrites.getAndSet(w)) / 10.0,
                    (c - lastComplete.getAndSet(c)) / 10.0, unwritten.value(), activeSessions(probe)));
        }, 10, 10, TimeUnit.SECONDS);
        sampler.scheduleAtFixedRate(() -> {
            Instant now = Instant.now();
            if (now.isBefore(windowFrom) || !now.isBefore(windowTo)) {
                return;
            }
            synchronized (backlog) {
                backlog.recordValue((long) Math.max(0, unwritten.value()));
                activeSessions.recordValue(activeSessions(probe));
            }
        }, 100, 100, TimeUnit.MILLISECONDS);

        Random random = new Random(seed);
        long total = Math.round(rate * (warmup + seconds));
        long periodNs = (long) (1e9 / rate);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<Void> placedAll = new CompletableFuture<>();
        Map<String, Long> statsAtWindowStart = new HashMap<>();
        Map<String, Long> statsAtWindowEnd = new HashMap<>();
        pacer.scheduleAtFixedRate(() -> {
            int n = calls.size();
            if (n >= total) {
                placedAll.complete(null);
                return;
            }
            InboundCall call = InboundCall.of(String.format("0915%07d", n), "Caller " + n, "5550100");
            double r = random.nextDouble();
            if (r < ivrAbandon) {
                call = call.withPatienceMs(IVR_ABANDON_AT_MS);
            } else {
                call = call.withDtmf(new DtmfStep(KEY_AT_MS, "1")).withPatienceMs(60_000)
                        .withTalkTimeMs(r < ivrAbandon + callerHangsUp ? CALLER_TALK_MS : 0);
            }
            calls.add(sim.placeInboundCall(call));
        }, 0, periodNs, TimeUnit.NANOSECONDS);
        sleepUntil(windowFrom);
        tableStats(probe, statsAtWindowStart);
        sleepUntil(windowTo);
        tableStats(probe, statsAtWindowEnd);
        placedAll.get(60, TimeUnit.SECONDS);
        pacer.shutdownNow();
        double placingSeconds = (System.nanoTime() - startNs) / 1e9;

        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drain);
        while (System.nanoTime() < drainUntil && (calls.stream().anyMatch(c -> !c.isEnded())
                || writes.complete.size() < calls.size() || unwritten.value() > 0)) {
            Thread.sleep(200);
        }
        Thread.sleep(1_500); // the last writes' INTERACTION_UPDATED, and PostgreSQL's statistics flush
        sampler.shutdownNow();
        double drainSeconds = (System.nanoTime() - startNs) / 1e9 - placingSeconds;

        int bridged = 0;
        int abandoned = 0;
        int notEnded = 0;
        Map<String, CallOutcome> outcomes = new HashMap<>();
        for (SimulatedCall c : calls) {
            if (!c.isEnded()) {
                notEnded++;
                continue;
            }
            CallOutcome out = c.ended().join();
            outcomes.put(c.uniqueid(), out);
            bridged += out.reachedAgent() ? 1 : 0;
            abandoned += out.abandoned() ? 1 : 0;
        }

        System.out.printf("%nplaced %d calls in %.1f s (%.1f calls/s); drained in %.1f s; simulator outcomes: %d "
                        + "bridged to an agent, %d abandoned, %d not ended%n", calls.size(), placingSeconds,
                calls.size() / placingSeconds, drainSeconds, bridged, abandoned, notEnded);
        System.out.printf("customer-leg hang-ups seen by the server: %d; records published complete: %d "
                        + "(%d complete before the hang-up was seen, %d writes after complete)%n",
                customerHangUps.get(), writes.complete.size(), writes.completeBeforeHangUpSeen.get(),
                writes.afterComplete.get());

        System.out.println();
        System.out.println("lag from the customer leg's hang-up reaching the server to the complete record "
                + "stored (INTERACTION_UPDATED after the commit), calls offered in the measured window (ms)");
        System.out.printf("%8s %9s %9s %9s %9s %9s%n", "count", "p50", "p90", "p99", "p99.9", "max");
        double p99;
        synchronized (writes.lag) {
            Histogram h = writes.lag;
            System.out.printf("%8d %9.2f %9.2f %9.2f %9.2f %9.2f%n", h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                    h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6);
            p99 = h.getValueAtPercentile(99) / 1e6;
        }
        System.out.printf("target p99 < 1000 ms: %s (p99 %.1f ms)%n", p99 < 1000 ? "met" : "NOT met", p99);

        System.out.println();
        synchronized (backlog) {
            System.out.printf("recorder backlog cc.interactions.unwritten (sampled every 100 ms in the window): "
                            + "p50 %d, p99 %d, max %d; write failures %.0f%n", backlog.getValueAtPercentile(50),
                    backlog.getValueAtPercentile(99), backlog.getMaxValue(), failures.count());
            System.out.printf("PostgreSQL sessions active on the database (same samples): p50 %d, max %d of a pool "
                    + "of %d%n", activeSessions.getValueAtPercentile(50), activeSessions.getMaxValue(), pool);
        }

        System.out.println();
        System.out.println("every 10 s from the start (warm-up included): calls placed/s, recorder writes/s, records "
                + "completed/s, backlog (cc.interactions.unwritten) and PostgreSQL sessions active at that moment");
        System.out.printf("%6s %8s %8s %8s %10s %8s%n", "t s", "calls/s", "writes/s", "done/s", "backlog", "active");
        timeline.forEach(System.out::println);

        verify(dbUrl, calls, callIdOfLeg, outcomes, windowFrom, windowTo, seconds, writes, statsAtWindowStart, statsAtWindowEnd);
        probe.close();
        server.close();
        sim.close();
    }

    /** Every placed call against its rows in PostgreSQL, then the rows written per second. */
    private static void verify(String dbUrl, List<SimulatedCall> calls, Map<String, String> callIdOfLeg,
                               Map<String, CallOutcome> outcomes,
                               Instant windowFrom, Instant windowTo, int seconds, Writes writes,
                               Map<String, Long> statsFrom, Map<String, Long> statsTo) throws SQLException {
        record Row(String callId, boolean ended, String handledBy, int segments, int open, int talks) {}
        Map<String, List<Row>> byCall = new HashMap<>();
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        long recordsInWindow;
        long segmentsInWindow;
        try (Connection c = connect(dbUrl)) {
            try (PreparedStatement st = c.prepareStatement("select i.call_id, i.ended_at is not null, i.handled_by,"
                    + " count(s.seq), count(s.seq) filter (where s.ended_at is null and s.kind <> ?),"
                    + " count(s.seq) filter (where s.kind = ?)"
                    + " from interactions i left join interaction_segments s on s.interaction_id = i.id"
                    + " group by i.id, i.call_id, i.ended_at, i.handled_by")) {
                st.setString(1, SegmentKind.WRAP_UP.wireName());
                st.setString(2, SegmentKind.TALK.wireName());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Row r = new Row(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getInt(4),
                                rs.getInt(5), rs.getInt(6));
                        byCall.computeIfAbsent(r.callId(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select kind || ' ' || outcome, count(*) from interaction_segments group by 1")) {
                while (rs.next()) {
                    kinds.put(rs.getString(1), rs.getInt(2));
                }
            }
            try (PreparedStatement st = c.prepareStatement("select count(distinct i.id), count(s.seq)"
                    + " from interactions i left join interaction_segments s on s.interaction_id = i.id"
                    + " where i.offered_at >= ? and i.offered_at < ?")) {
                st.setTimestamp(1, Timestamp.from(windowFrom));
                st.setTimestamp(2, Timestamp.from(windowTo));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    recordsInWindow = rs.getLong(1);
                    segmentsInWindow = rs.getLong(2);
                }
            }
        }
        int found = 0;
        int lost = 0;
        int duplicated = 0;
        int incomplete = 0;
        int notSeen = 0;
        int stillUp = 0;
        int notEnded = 0;
        int noSegments = 0;
        int openSegments = 0;
        int noTalk = 0;
        List<String> examples = new ArrayList<>();
        Set<String> placedCallIds = ConcurrentHashMap.newKeySet();
        for (SimulatedCall call : calls) {
            String callId = callIdOfLeg.get(call.uniqueid());
            if (callId != null) {
                placedCallIds.add(callId);
            }
            List<Row> rows = callId == null ? List.of() : byCall.getOrDefault(callId, List.of());
            if (rows.isEmpty()) {
                lost++;
                notSeen += callId == null ? 1 : 0;
                note(examples, "lost: " + call.channel() + " (call id " + callId + ", the server "
                        + (callId == null ? "never saw an event of it" : "saw it") + ")");
                continue;
            }
            found++;
            if (rows.size() > 1) {
                duplicated++;
                note(examples, "duplicated: " + callId + " " + rows);
            }
            Row r = rows.get(0);
            CallOutcome out = outcomes.get(call.uniqueid());
            boolean talked = out != null && out.reachedAgent();
            boolean noAgent = talked && (r.talks() == 0 || r.handledBy() == null || r.handledBy().isBlank());
            if (!r.ended() || r.segments() == 0 || r.open() > 0 || noAgent) {
                incomplete++;
                stillUp += !r.ended() && !call.isEnded() ? 1 : 0;
                notEnded += !r.ended() && call.isEnded() ? 1 : 0;
                noSegments += r.segments() == 0 ? 1 : 0;
                openSegments += r.open() > 0 ? 1 : 0;
                noTalk += noAgent ? 1 : 0;
                note(examples, "incomplete: " + r + (call.isEnded() ? "" : " (the simulated call has not ended)"));
            }
        }
        long others = byCall.keySet().stream().filter(k -> !placedCallIds.contains(k)).count();
        System.out.println();
        System.out.println("records in PostgreSQL after the drain");
        System.out.printf("%-14s %-14s %-14s %-14s %-14s %-14s%n", "calls placed", "records found", "incomplete",
                "lost", "duplicated", "other records");
        System.out.printf("%-14d %-14d %-14d %-14d %-14d %-14d%n", calls.size(), found, incomplete, lost, duplicated,
                others);
        System.out.printf("target 0 lost, 0 incomplete: %s%n", lost == 0 && incomplete == 0 && duplicated == 0
                ? "met" : "NOT met");
        System.out.printf("lost: %d of them never seen by the server (no AMI event of the caller's legs); "
                        + "incomplete: %d not ended while the simulated call is still up, %d not ended though the call "
                        + "ended, %d without segments, %d with open segments, %d bridged to an agent without a talk "
                        + "segment or handled_by%n", notSeen, stillUp, notEnded, noSegments, openSegments, noTalk);
        examples.forEach(e -> System.out.println("  " + e));
        System.out.println("segments stored (kind outcome: rows): " + kinds);
        outbox(dbUrl, seconds, windowFrom, windowTo);

        System.out.println();
        System.out.printf("rows per second over the %d s window: %.1f interaction rows, %.1f segment rows "
                        + "(records offered in the window: %d, their segments %d)%n", seconds,
                (double) recordsInWindow / seconds, (double) segmentsInWindow / seconds, recordsInWindow,
                segmentsInWindow);
        System.out.printf("recorder writes (INTERACTION_UPDATED, one per committed save) in the window: %.1f/s, "
                        + "each rewriting the record's segments and IVR steps: %.1f segment rows/s, %.1f IVR step "
                        + "rows/s inserted (%d writes in the whole run)%n",
                writes.inWindow.get() / (double) seconds, writes.segmentRowsInWindow.get() / (double) seconds,
                writes.stepRowsInWindow.get() / (double) seconds, writes.total.get());
        if (!statsFrom.isEmpty() && !statsTo.isEmpty()) {
            StringBuilder line = new StringBuilder("PostgreSQL row operations in the window (pg_stat_user_tables), "
                    + "per second:");
            for (String table : List.of("interactions", "interaction_segments", "interaction_ivr_steps",
                    "outbox_events")) {
                line.append(String.format(" %s ins %.0f upd %.0f del %.0f;", table,
                        delta(statsFrom, statsTo, table + ".ins") / (double) seconds,
                        delta(statsFrom, statsTo, table + ".upd") / (double) seconds,
                        delta(statsFrom, statsTo, table + ".del") / (double) seconds));
            }
            System.out.println(line);
        }
    }

    /**
     * The outbox events the records wrote in the same transactions: every record tells {@code interaction.started}
     * exactly once and, once ended, {@code interaction.ended} exactly once; events per type in the window.
     */
    private static void outbox(String dbUrl, int seconds, Instant windowFrom, Instant windowTo) throws SQLException {
        try (Connection c = connect(dbUrl); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select count(*), count(*) filter (where started <> 1), count(*) filter (where ended <> 1 and done),"
                        + " count(*) filter (where ended <> 0 and not done)"
                        + " from (select i.ended_at is not null as done,"
                        + " count(o.seq) filter (where o.event_type = 'interaction.started') as started,"
                        + " count(o.seq) filter (where o.event_type = 'interaction.ended') as ended"
                        + " from interactions i left join outbox_events o on o.entity_id = i.id"
                        + " group by i.id, i.ended_at) x")) {
            rs.next();
            System.out.printf("outbox: %d records; not exactly one interaction.started: %d; ended without exactly one "
                    + "interaction.ended: %d; open with one: %d; target 0, 0, 0: %s%n", rs.getLong(1), rs.getLong(2),
                    rs.getLong(3), rs.getLong(4),
                    rs.getLong(2) + rs.getLong(3) + rs.getLong(4) == 0 ? "met" : "NOT met");
        }
        try (Connection c = connect(dbUrl); PreparedStatement st = c.prepareStatement("select event_type, count(*)"
                + " from outbox_events where occurred_at >= ? and occurred_at < ? group by 1 order by 1")) {
            st.setTimestamp(1, Timestamp.from(windowFrom));
            st.setTimestamp(2, Timestamp.from(windowTo));
            StringBuilder line = new StringBuilder("outbox events per second over the window:");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    line.append(String.format(" %s %.1f;", rs.getString(1), rs.getLong(2) / (double) seconds));
                }
            }
            System.out.println(line);
        }
    }

    private static void note(List<String> examples, String line) {
        if (examples.size() < 10) {
            examples.add(line);
        }
    }

    private static long delta(Map<String, Long> from, Map<String, Long> to, String key) {
        return to.getOrDefault(key, 0L) - from.getOrDefault(key, 0L);
    }

    private static void tableStats(Connection c, Map<String, Long> into) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")) {
            while (rs.next()) {
                into.put(rs.getString(1) + ".ins", rs.getLong(2));
                into.put(rs.getString(1) + ".upd", rs.getLong(3));
                into.put(rs.getString(1) + ".del", rs.getLong(4));
            }
        } catch (SQLException e) {
            System.out.println("(pg_stat_user_tables not read: " + e.getMessage() + ")");
        }
    }

    private static long activeSessions(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from"
                + " pg_stat_activity where datname = current_database() and state <> 'idle'"
                + " and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long ms = at.toEpochMilli() - System.currentTimeMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static Connection connect(String url) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        if (!url.contains("user=")) {
            p.setProperty("user", "postgres");
        }
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, p);
    }

    private static void printMachine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        String[] loadavg = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        String load = loadavg[0] + " " + loadavg[1] + " " + loadavg[2];
        System.out.printf("machine: %d cores, %d GiB, %s; java %s (%s); load average at start: %s%n",
                Runtime.getRuntime().availableProcessors(), memGiB, cpu, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), load);
    }
}
