package cc.bench.acd;

import cc.acd.app.ScoreRouting;
import cc.acd.domain.rules.ScoreCondition;
import cc.acd.domain.rules.ScoreRule;
import cc.acd.domain.rules.ScoreRules;
import cc.acd.domain.rules.ValueTiers;
import cc.core.adapter.jdbc.JdbcCustomerScoreStore;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.SchemaMigrations;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the score rules add to an enqueue: {@code --customers} customers with six scores each in a PostgreSQL database of
 * the benchmark's own ({@code cc_bench_<random>}, dropped after); then, at {@code --rate} enqueues per second for
 * {@code --seconds}, the ACD's {@link ScoreRouting#decide} for a random customer on one Vert.x context, as the ACD
 * verticle calls it (the read on the database's worker pool through {@code JdbcCustomerScoreStore.scores}, the rules applied back on
 * the context). Prints the time from the call to the decision (p50, p90, p99, p99.9, max) and how many came later than
 * the wait ({@code acd.scoreWait}, default 300 ms) and went to the queue asked for.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar cc.bench.acd.ScoreRulesBenchmark [--customers N]
 * [--rate N] [--seconds N] [--pool N] [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres]}.
 */
public final class ScoreRulesBenchmark {
    private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");
    private static final List<String> SCORES = List.of("value", "loyalty", "churnRisk", "propensity_card",
            "propensity_loan", "propensity_insurance");

    public static void main(String[] args) throws Exception {
        int customers = 100_000;
        int rate = 200;
        int seconds = 20;
        int pool = 8;
        String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--pool" -> pool = Integer.parseInt(args[i + 1]);
                case "--pg-url" -> adminUrl = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Matcher m = PG_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--pg-url " + adminUrl + " is not a jdbc:postgresql://host:port/db URL");
        }
        printMachine();
        String name = "cc_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        execute(adminUrl, "create database " + name);
        Vertx vertx = Vertx.vertx();
        try {
            run(vertx, new DatabaseConfig(m.group(1) + name + m.group(3), "postgres", "", pool), customers, rate,
                    seconds);
        } finally {
            vertx.close().await();
            execute(adminUrl, "drop database if exists " + name + " with (force)");
        }
        System.exit(0);
    }

    private static void run(Vertx vertx, DatabaseConfig config, int customers, int rate, int seconds)
            throws Exception {
        Database db = Database.open(vertx, config).await();
        try {
            new SchemaMigrations().apply(db, List.of("core")).await();
            long t0 = System.nanoTime();
            load(config, customers);
            System.out.printf("loaded %,d customers with %d scores each in %.1f s%n", customers, SCORES.size(),
                    (System.nanoTime() - t0) / 1e9);
            ValueTiers tiers = new ValueTiers(List.of(new ValueTiers.Tier("gold", 0.7),
                    new ValueTiers.Tier("silver", 0.4)));
            ScoreRules rules = new ScoreRules(List.of(
                    new ScoreRule(ScoreCondition.parse("churnRisk > 0.7", tiers), Optional.of("retention"), 0),
                    new ScoreRule(ScoreCondition.parse("valueTier = gold", tiers), Optional.empty(), 5)),
                    tiers, Duration.ofDays(3));
            Duration wait = Duration.ofMillis(300);
            ScoreRouting routing = new ScoreRouting(rules, new JdbcCustomerScoreStore(db)::scores, wait);
            // warm-up: a second at the rate, not counted
            measure(vertx, routing, customers, rate, 1);
            long[] latencies = measure(vertx, routing, customers, rate, seconds);
            Arrays.sort(latencies);
            long late = Arrays.stream(latencies).filter(l -> l < 0).count();
            long[] inTime = Arrays.stream(latencies).filter(l -> l >= 0).toArray();
            System.out.printf("%,d enqueues at %d/s for %d s, pool %d: call to decision p50 %.2f ms, p90 %.2f ms, "
                            + "p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; %d later than the %d ms wait (routed as asked)%n",
                    latencies.length, rate, seconds, config.poolSize(), pct(inTime, 50), pct(inTime, 90),
                    pct(inTime, 99), pct(inTime, 99.9), inTime.length == 0 ? 0 : inTime[inTime.length - 1] / 1e6,
                    late, wait.toMillis());
            System.out.println("load average at end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            db.close();
        }
    }

    /** Nanoseconds from each call to its decision; -1 for a call that got no decision (the wait ran out). */
    private static long[] measure(Vertx vertx, ScoreRouting routing, int customers, int rate, int seconds)
            throws Exception {
        int n = rate * seconds;
        long[] out = new long[n];
        CountDownLatch done = new CountDownLatch(n);
        Context ctx = vertx.getOrCreateContext();
        Random random = new Random(7);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long gapNs = 1_000_000_000L / rate;
        ctx.runOnContext(v -> vertx.setPeriodic(1, 1, id -> {
            long due = (System.nanoTime() - start) / gapNs + 1;
            while (next.get() < Math.min(due, n)) {
                int i = next.getAndIncrement();
                long customer = 1 + random.nextInt(customers);
                long at = System.nanoTime();
                routing.decide(vertx, customer, "support", 1, Instant.now()).onComplete(ar -> {
                    out[i] = ar.result().isPresent() ? System.nanoTime() - at : -1;
                    done.countDown();
                });
            }
            if (next.get() >= n) {
                vertx.cancelTimer(id);
            }
        }));
        if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException("decisions did not all come back");
        }
        return out;
    }

    private static void load(DatabaseConfig config, int customers) throws SQLException {
        Random random = new Random(1);
        Timestamp computed = Timestamp.from(Instant.now().minus(Duration.ofHours(6)));
        try (Connection c = DriverManager.getConnection(config.url(), "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement cu = c.prepareStatement("insert into customers (id, name, segment) values (?, ?, 'retail')");
                 PreparedStatement sc = c.prepareStatement("insert into customer_scores (customer_id, name, score,"
                         + " computed_at, reasons) values (?, ?, ?, ?, 'segmentAcceptance')")) {
                for (int id = 1; id <= customers; id++) {
                    cu.setLong(1, id);
                    cu.setString(2, "Customer " + id);
                    cu.addBatch();
                    for (String s : SCORES) {
                        sc.setLong(1, id);
                        sc.setString(2, s);
                        sc.setDouble(3, random.nextDouble());
                        sc.setTimestamp(4, computed);
                        sc.addBatch();
                    }
                    if (id % 1_000 == 0 || id == customers) {
                        cu.executeBatch();
                        sc.executeBatch();
                        c.commit();
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("analyze customer_scores");
            }
            c.commit();
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void printMachine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        System.out.printf("machine: %d cores, %d GiB, %s; java %s; load average at start: %s%n",
                Runtime.getRuntime().availableProcessors(), memGiB, cpu, System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
