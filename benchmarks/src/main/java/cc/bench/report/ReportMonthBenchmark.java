package cc.bench.report;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.JdbcReportSource;
import cc.core.adapter.jdbc.JdbcReportTotals;
import cc.core.adapter.jdbc.PostgresCallCopier;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.app.report.ReportQuery;
import cc.core.app.report.ReportTotalsJob;
import cc.core.app.report.Reports;
import cc.core.contract.ReportTotalsComputed;
import cc.core.domain.report.ReportCalendar;
import cc.core.domain.report.ReportInterval;
import cc.core.domain.report.ReportSettings;
import cc.core.domain.report.TotalsPolicy;
import cc.core.domain.report.synthetic.SyntheticCalls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * A month's reports over a year of calls in PostgreSQL: {@code --calls} interactions (10 million by default) over
 * {@code --days} days (365) are generated ({@link SyntheticCalls}) and copied into a database of the benchmark's own
 * ({@code cc_bench_report_<calls>_<days>_<seed>}, kept and reused by a later run of the same size and seed; {@code --drop
 * true} drops it at the end), the totals job stores the closed days of the last {@code --totals-days} (70, which
 * holds the measured month; a year's days take hours on two cores and no report here reads the older ones), then every report (queues with IVR
 * containment, agents) for the last full month at day, week and month buckets, Gregorian and Jalali, is asked
 * {@code --runs} times: median, p95, p99 each. The same month streamed from every call (no totals) is the reference.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar cc.bench.report.ReportMonthBenchmark [--calls N]
 * [--days N] [--seed N] [--runs N] [--reference-runs N] [--totals-days N] [--drop true] [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres]}.
 */
public final class ReportMonthBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Asia/Tehran");
    /** The history ends the day before; "now" is mid-morning, so today's calls are streamed live. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long calls = Long.parseLong(o.getOrDefault("calls", "10000000"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        int days = Integer.parseInt(o.getOrDefault("days", "365"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "20"));
        int referenceRuns = Integer.parseInt(o.getOrDefault("reference-runs", "3"));
        // the measured month lies within the last 62 days; older days are read by no report here
        int totalsDays = Integer.parseInt(o.getOrDefault("totals-days", "70"));
        boolean drop = Boolean.parseBoolean(o.getOrDefault("drop", "false"));
        String adminUrl = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String name = "cc_bench_report_" + calls + "_" + days + "_" + seed;
        String url = adminUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
        boolean exists = scalar(adminUrl, "select count(*) from pg_database where datname = '" + name + "'") > 0;
        if (exists && scalar(url, "select count(*) from report_bench_loaded") == 0) {
            execute(adminUrl, "drop database " + name + " with (force)");
            exists = false;
        }
        if (!exists) {
            execute(adminUrl, "create database " + name);
        }
        Vertx vertx = Vertx.vertx();
        try {
            Database db = Database.open(vertx, new DatabaseConfig(url, "postgres", "", 4)).await();
            run(vertx, db, url, exists, calls, days, seed, runs, referenceRuns, totalsDays);
            db.close();
            System.out.printf("database %s: %s%n", name, text(url, "select pg_size_pretty(pg_database_size('"
                    + name + "'))"));
        } finally {
            vertx.close().await();
            if (drop) {
                execute(adminUrl, "drop database if exists " + name + " with (force)");
            }
        }
        System.exit(0);
    }

    private static void run(Vertx vertx, Database db, String url, boolean loaded, long calls, int days, long seed,
                            int runs, int referenceRuns, int totalsDays) throws Exception {
        Instant now = TODAY.atTime(10, 0).atZone(ZONE).toInstant();
        SyntheticCalls gen = new SyntheticCalls(seed, ZONE, SyntheticCalls.Shape.of(calls / (days * 0.9)));
        if (!loaded) {
            new SchemaMigrations().apply(db, List.of("core", "acd")).await();
            PostgresCallCopier copier = new PostgresCallCopier(db);
            long t0 = System.nanoTime();
            long rows = 0;
            long written = 0;
            // secondary indexes built once after the load, not row by row during it
            List<String> indexes = new ArrayList<>();
            try (Connection c = connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select indexname, indexdef from pg_indexes where tablename in ('interactions',"
                            + " 'interaction_segments', 'interaction_ivr_steps', 'acd_agent_state_spell')"
                            + " and indexname not like '%pkey'")) {
                while (rs.next()) {
                    indexes.add(rs.getString(2));
                    execute(url, "drop index " + rs.getString(1));
                }
            }
            // generated rows are consistent by construction: no foreign-key check per row, no flush per commit
            execute(url, "alter database " + url.replaceAll(".*/([^/?]*).*", "$1") + " set synchronous_commit = off");
            for (String table : List.of("interaction_segments", "interaction_ivr_steps")) {
                execute(url, "alter table " + table + " disable trigger all");
            }
            // a day generated while the one before is copied
            Future<Long> copying = Future.succeededFuture(0L);
            for (LocalDate d = TODAY.minusDays(days); !d.isAfter(TODAY); d = d.plusDays(1)) {
                SyntheticCalls.Day day = gen.day(d);
                List<cc.core.domain.interaction.Interaction> part = d.equals(TODAY) ? day.calls().stream()
                        .filter(c -> c.offeredAt().isBefore(now)).toList() : day.calls();
                rows += copying.await();
                copying = copier.copy(part, d.equals(TODAY) ? List.of() : day.spells());
                written += part.size();
                if (d.getDayOfMonth() == 1) {
                    System.out.printf("  %s: %,d interactions in %.0f s%n", d, written, (System.nanoTime() - t0) / 1e9);
                }
            }
            rows += copying.await();
            for (String table : List.of("interaction_segments", "interaction_ivr_steps")) {
                execute(url, "alter table " + table + " enable trigger all");
            }
            for (String index : indexes) {
                execute(url, index);
            }
            execute(url, "analyze");
            execute(url, "create table report_bench_loaded (calls bigint)");
            execute(url, "insert into report_bench_loaded values (" + written + ")");
            System.out.printf("loaded %,d interactions (%,d rows) in %.1f s%n", written, rows,
                    (System.nanoTime() - t0) / 1e9);
        } else {
            System.out.printf("reusing %,d interactions already loaded%n", scalar(url,
                    "select calls from report_bench_loaded"));
        }
        ReportSettings settings = new ReportSettings(ZONE, Duration.ofSeconds(5), 7, Map.of(), Duration.ofSeconds(20));
        JdbcReportSource source = new JdbcReportSource(db);
        JdbcReportTotals totals = new JdbcReportTotals(db);
        ReportTotalsJob job = new ReportTotalsJob(source, totals, settings, new TotalsPolicy(Duration.ofHours(1),
                Math.min(totalsDays, days + 10), 7), Duration.ZERO, InstantSource.fixed(now));
        vertx.deployVerticle(job).await();
        long t1 = System.nanoTime();
        ReportTotalsComputed r = job.runNow().await();
        System.out.printf("totals job: %d days stored (%,d interactions read) in %.1f s%n", r.days(),
                r.interactions(), (System.nanoTime() - t1) / 1e9);

        Reports fromTotals = new Reports(source, Optional.of(totals), settings, InstantSource.fixed(now));
        Reports streamed = new Reports(source, settings, InstantSource.fixed(now));
        LocalDate first = TODAY.minusMonths(1).withDayOfMonth(1);
        Instant from = first.atStartOfDay(ZONE).toInstant();
        Instant to = first.plusMonths(1).atStartOfDay(ZONE).toInstant();
        System.out.printf("month %s (%,d interactions); %d runs each, ms:%n", first.toString().substring(0, 7),
                scalar(url, "select count(*) from interactions where offered_at >= '" + from + "' and offered_at < '"
                        + to + "'"), runs);
        System.out.printf("%-34s %8s %8s %8s%n", "report", "median", "p95", "p99");
        for (ReportInterval interval : List.of(ReportInterval.DAY, ReportInterval.WEEK, ReportInterval.MONTH)) {
            for (ReportCalendar calendar : ReportCalendar.values()) {
                ReportQuery q = new ReportQuery(from, to, interval, calendar, Optional.empty());
                String label = interval.wireName() + " " + calendar.wireName();
                time("queues+IVR " + label, runs, () -> fromTotals.queues(q));
                time("agents " + label, runs, () -> fromTotals.agents(q));
            }
        }
        ReportQuery ref = new ReportQuery(from, to, ReportInterval.DAY, ReportCalendar.GREGORIAN, Optional.empty());
        time("reference: queues streamed, day", referenceRuns, () -> streamed.queues(ref));
        time("reference: agents streamed, day", referenceRuns, () -> streamed.agents(ref));
        if (!fromTotals.queues(ref).await().rows().equals(streamed.queues(ref).await().rows())) {
            System.out.println("MISMATCH: the month's queue rows from totals differ from the streamed ones");
        }
    }

    private static void time(String label, int runs, Supplier<Future<?>> report) {
        report.get().await();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            report.get().await();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-34s %8.1f %8.1f %8.1f%n", label, ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1],
                ms[(int) Math.ceil(runs * 0.99) - 1]);
    }

    private static long scalar(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if (sql.contains("report_bench_loaded")) {
                return 0;
            }
            throw e;
        }
    }

    private static String text(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, p);
    }
}
