package cc.bench.scoring;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.JdbcCustomerScoreStore;
import cc.core.adapter.jdbc.JdbcHistoryLoader;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.adapter.tribuo.TribuoChurnLearner;
import cc.core.app.scoring.ScoreRecomputer;
import cc.core.contract.ScoresRecomputed;
import cc.core.domain.scoring.synthetic.SyntheticHistory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scoring service's whole run with PostgreSQL in the loop: a generated history of {@code --customers} customers is
 * loaded into a database of the benchmark's own ({@code cc_bench_<random>}, dropped after), then one
 * {@link ScoreRecomputer} run reads every history page by page, trains the churn model, and writes every score with
 * its reasons. Prints the load time apart, the run's time, customers/s and the AUC.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar cc.bench.scoring.ScoringDatabaseBenchmark [--customers N]
 * [--pool N] [--seed N] [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres]}.
 */
public final class ScoringDatabaseBenchmark {
    private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final int LOAD_BATCH = 1_000;

    public static void main(String[] args) throws Exception {
        int customers = 50_000;
        int pool = 4;
        long seed = 1;
        String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--pool" -> pool = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--pg-url" -> adminUrl = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Matcher m = PG_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--pg-url " + adminUrl + " is not a jdbc:postgresql://host:port/db URL");
        }
        String name = "cc_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        execute(adminUrl, "create database " + name);
        Vertx vertx = Vertx.vertx();
        try {
            run(vertx, new DatabaseConfig(m.group(1) + name + m.group(3), "postgres", "", pool), customers, seed);
        } finally {
            vertx.close().await();
            execute(adminUrl, "drop database if exists " + name + " with (force)");
        }
        System.exit(0);
    }

    private static void run(Vertx vertx, DatabaseConfig config, int customers, long seed) throws Exception {
        Database db = Database.open(vertx, config).await();
        try {
            new SchemaMigrations().apply(db, List.of("core")).await();
            SyntheticHistory history = new SyntheticHistory(seed, NOW);
            JdbcHistoryLoader loader = new JdbcHistoryLoader(db);
            long t0 = System.nanoTime();
            for (int from = 1; from <= customers; from += LOAD_BATCH) {
                int to = Math.min(customers, from + LOAD_BATCH - 1);
                loader.load(java.util.stream.LongStream.rangeClosed(from, to).mapToObj(history::customer).toList())
                        .await();
            }
            long rows = count(config, "select (select count(*) from customer_orders) + (select count(*) from"
                    + " interactions) + (select count(*) from customer_offers) + (select count(*) from"
                    + " sales_opportunities)");
            System.out.printf("loaded %,d customers (%,d history rows) in %.1f s%n", customers, rows,
                    (System.nanoTime() - t0) / 1e9);

            ScoreRecomputer scoring = new ScoreRecomputer(new JdbcCustomerScoreStore(db), new TribuoChurnLearner(),
                    Duration.ZERO, InstantSource.fixed(NOW), new SimpleMeterRegistry());
            vertx.deployVerticle(scoring).await();
            long t1 = System.nanoTime();
            ScoresRecomputed r = scoring.recomputeNow().await();
            double seconds = (System.nanoTime() - t1) / 1e9;
            long written = count(config, "select count(*) from customer_scores");
            System.out.printf("scoring run: %,d customers read, %,d scored (%,d scores written), %,d churners, AUC"
                            + " %.3f on held-out customers, in %.1f s: %,.0f customers/s; 1,000,000 at this rate:"
                            + " %.1f min%n", r.customers(), r.scored(), written, r.churners(), r.heldOutAuc(),
                    seconds, r.customers() / seconds, 1_000_000 / (r.customers() / seconds) / 60);
        } finally {
            db.close();
        }
    }

    private static long count(DatabaseConfig config, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password());
             Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
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
