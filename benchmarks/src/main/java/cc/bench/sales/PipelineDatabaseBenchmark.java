package cc.bench.sales;

import cc.bench.Options;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.JdbcPipelineSource;
import cc.core.adapter.jdbc.JdbcSalesEffort;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.app.sales.PipelineReports;
import cc.core.domain.sales.Opportunity;
import cc.core.domain.sales.PipelineReport;
import cc.core.domain.sales.SalesPipeline;
import cc.core.domain.sales.SalesSettings;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sales pipeline report as the supervisor waits for it: the book {@link PipelineBenchmark} times the engine on
 * ({@link PipelineBook}: 100,000 opportunities, 1,000,000 contacts each with one talk segment) is loaded by COPY into
 * a PostgreSQL database of the benchmark's own ({@code cc_bench_pipeline_<random>}, migrated like the server's,
 * dropped after unless {@code --keep true}), then the report runs through the code path of
 * {@code GET /api/reports/pipeline} ({@link PipelineReports} over {@link JdbcPipelineSource}) {@code --runs} times
 * after {@code --warmup}: median, p90, p95 and worst. The load is timed apart. The report's effort figures are checked
 * against the engine's on the generated facts, so a faster read that changed them would show.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar cc.bench.sales.PipelineDatabaseBenchmark [--opportunities N]
 * [--contacts N] [--runs 15] [--warmup 3] [--keep false] [--db a kept database] [--pg-url
 * jdbc:postgresql://127.0.0.1:5432/postgres]}.
 */
public final class PipelineDatabaseBenchmark {
    private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");
    private static final int COPY_BATCH = 100_000;

    private PipelineDatabaseBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int opportunities = Integer.parseInt(o.getOrDefault("opportunities", "100000"));
        int contacts = Integer.parseInt(o.getOrDefault("contacts", "1000000"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "15"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "3"));
        boolean keep = Boolean.parseBoolean(o.getOrDefault("keep", "false"));
        String adminUrl = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        Matcher m = PG_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--pg-url " + adminUrl + " is not a jdbc:postgresql://host:port/db URL");
        }
        PipelineBenchmark.machine();
        SalesSettings settings = SalesSettings.defaults();
        PipelineBook book = PipelineBook.generate(opportunities, contacts, settings);
        // --db names a database an earlier run kept (--keep true): the book is not loaded again, and it is kept
        String reuse = o.getOrDefault("db", "");
        String name = reuse.isEmpty()
                ? "cc_bench_pipeline_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6)) : reuse;
        keep |= !reuse.isEmpty();
        if (reuse.isEmpty()) {
            execute(adminUrl, "create database " + name);
        }
        // a report on a shared machine can hold the worker thread past Vert.x's one-minute warning
        Vertx vertx = Vertx.vertx(new VertxOptions().setMaxWorkerExecuteTime(10)
                .setMaxWorkerExecuteTimeUnit(java.util.concurrent.TimeUnit.MINUTES));
        try {
            run(vertx, new DatabaseConfig(m.group(1) + name + m.group(3), "postgres", "", 2), book, settings, runs,
                    warmup, reuse.isEmpty());
        } finally {
            vertx.close().await();
            if (keep) {
                System.out.println("kept database " + name);
            } else {
                execute(adminUrl, "drop database if exists " + name + " with (force)");
            }
        }
        System.exit(0);
    }

    private static void run(Vertx vertx, DatabaseConfig config, PipelineBook book, SalesSettings settings, int runs,
                            int warmup, boolean fresh) throws Exception {
        Database db = Database.open(vertx, config).await();
        try {
            new SchemaMigrations().apply(db, List.of("core")).await();
            long t0 = System.nanoTime();
            if (fresh) {
                load(config, book);
            }
            System.out.printf(fresh ? "loaded" : "kept from an earlier run (load not timed):");
            System.out.printf(" %,d opportunities (%,d customers), %,d contacts with a talk segment each, by COPY"
                            + " and analysed, in %.1f s%n", book.opportunities().size(), book.customers(),
                    book.contacts().size(), (System.nanoTime() - t0) / 1e9);
            // rows written by COPY are uncounted, as after an upgrade: the first report would count them all
            long t2 = System.nanoTime();
            int slices = db.withConnection(JdbcSalesEffort::countUncounted).await();
            db.withConnection(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("analyze sales_opportunities");
                }
                return null;
            }).await();
            System.out.printf("the effort kept with each opportunity counted from the calls (as once after an upgrade"
                    + " or a load): %,d slices of customers in %.1f s%n", slices, (System.nanoTime() - t2) / 1e9);

            PipelineReports reports = new PipelineReports(new JdbcPipelineSource(db), settings,
                    InstantSource.fixed(PipelineBook.NOW));
            long[] ms = new long[runs];
            PipelineReport last = null;
            for (int i = -warmup; i < runs; i++) {
                long t1 = System.nanoTime();
                last = reports.report(PipelineBook.FROM, PipelineBook.NOW).await();
                long took = (System.nanoTime() - t1) / 1_000_000;
                System.out.printf("%s %d: %,d ms%n", i < 0 ? "warm-up" : "run", i < 0 ? i + warmup + 1 : i + 1, took);
                if (i >= 0) {
                    ms[i] = took;
                }
            }
            PipelineReport engine = new SalesPipeline(settings).report(book.opportunities(), book.contacts(),
                    PipelineBook.FROM, PipelineBook.NOW, PipelineBook.NOW);
            System.out.printf("report: %d open rows, %d effort rows, %d owners; won %d, lost %d; effort and owners %s"
                            + " the engine's on the generated facts%n", last.open().size(), last.effort().size(),
                    last.owners().size(), last.outcome().won(), last.outcome().lost(),
                    sameEffort(last, engine) ? "equal" : "DIFFER FROM");
            Arrays.sort(ms);
            System.out.printf("pipeline report from PostgreSQL over %d runs (%s to %s): median %d ms, p90 %d ms,"
                            + " p95 %d ms, worst %d ms; load average after: %s%n", runs, PipelineBook.FROM,
                    PipelineBook.NOW, ms[runs / 2], ms[rank(runs, 0.90)], ms[rank(runs, 0.95)], ms[runs - 1],
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        } finally {
            db.close();
        }
    }

    private static int rank(int runs, double q) {
        return Math.min(runs - 1, (int) Math.ceil(runs * q) - 1);
    }

    /** Counts and talk per opportunity, and the owners' rows, as the engine computes them from the generated book. */
    private static boolean sameEffort(PipelineReport db, PipelineReport engine) {
        if (db.effort().size() != engine.effort().size() || !db.owners().equals(engine.owners())
                || !db.outcome().equals(engine.outcome())) {
            return false;
        }
        for (int i = 0; i < db.effort().size(); i++) {
            PipelineReport.OpportunityEffort a = db.effort().get(i);
            PipelineReport.OpportunityEffort b = engine.effort().get(i);
            if (a.id() != b.id() || a.contacts() != b.contacts() || !a.talk().equals(b.talk())) {
                return false;
            }
        }
        return true;
    }

    /** The book by COPY: opportunities, then each contact as an answered call with one talk segment. */
    private static void load(DatabaseConfig config, PipelineBook book) throws Exception {
        try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password())) {
            CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
            StringBuilder rows = new StringBuilder();
            for (Opportunity o : book.opportunities()) {
                rows.append(o.id()).append('\t').append(o.customerId()).append('\t').append(o.title()).append('\t')
                        .append(o.amount().toPlainString()).append('\t').append(o.currency()).append('\t')
                        .append(o.probability()).append('\t').append(o.owner()).append('\t').append(o.status())
                        .append('\t').append(o.stage()).append('\t').append(o.product()).append('\t')
                        .append(o.lostReason()).append('\t').append(o.createdAt().get()).append('\t')
                        .append(o.closedAt().map(Instant::toString).orElse("\\N")).append('\n');
            }
            copy.copyIn("copy sales_opportunities (id, customer_id, title, amount, currency, probability, owner,"
                    + " status, stage, product, lost_reason, created_at, closed_at) from stdin",
                    new StringReader(rows.toString()));
            List<SalesPipeline.Contact> contacts = book.contacts();
            for (int from = 0; from < contacts.size(); from += COPY_BATCH) {
                StringBuilder calls = new StringBuilder();
                StringBuilder talk = new StringBuilder();
                for (SalesPipeline.Contact k : contacts.subList(from, Math.min(contacts.size(), from + COPY_BATCH))) {
                    Instant end = k.at().plus(k.talk());
                    calls.append(k.id()).append("\tvoice\tinbound\t").append(k.at()).append('\t').append(k.at())
                            .append('\t').append(end).append('\t').append(k.customerId()).append("\ttrue\n");
                    talk.append(k.id()).append("\t1\ttalk\t").append(k.at()).append('\t').append(end)
                            .append("\tagent-1\tsales\n");
                }
                copy.copyIn("copy interactions (id, channel, direction, offered_at, answered_at, ended_at, customer_id,"
                        + " segments_kept) from stdin", new StringReader(calls.toString()));
                copy.copyIn("copy interaction_segments (interaction_id, seq, kind, started_at, ended_at, agent_id,"
                        + " queue) from stdin", new StringReader(talk.toString()));
            }
            try (Statement st = c.createStatement()) {
                st.execute("analyze");
            }
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        Properties p = new Properties();
        if (!url.contains("user=")) {
            p.setProperty("user", "postgres");
        }
        p.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(url, p); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
