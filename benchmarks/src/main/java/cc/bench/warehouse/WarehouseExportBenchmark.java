package cc.bench.warehouse;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.launcher.Server;
import cc.warehouse.adapter.file.CsvDayWriter;
import cc.warehouse.adapter.file.DayDirectory;
import cc.warehouse.adapter.file.ParquetDayWriter;
import cc.warehouse.adapter.jdbc.JdbcWarehouse;
import cc.warehouse.app.DayFileWriter;
import cc.warehouse.app.WarehouseStore;
import cc.warehouse.domain.ExportStep;
import cc.warehouse.domain.ExportedDay;
import cc.warehouse.domain.WarehouseView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rows per second the warehouse export writes for one day of {@code --calls} generated interactions, each with an IVR
 * step and three segments (IVR, queue, talk), on PostgreSQL (a database of its own, {@code cc_bench_<random>},
 * dropped after): the day's dw_interactions, dw_interaction_segments and dw_ivr_steps written to Parquet and to CSV,
 * {@code --runs} times each into a fresh directory (median, min, max), and the check a later run makes of an exported
 * day (read and checksummed, nothing written). Loading the calls is timed apart.
 */
public final class WarehouseExportBenchmark {
    private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");
    private static final ZoneId ZONE = ZoneId.of("Asia/Tehran");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final List<String> VIEWS = List.of("dw_interactions", "dw_interaction_segments", "dw_ivr_steps");

    public static void main(String[] args) throws Exception {
        int calls = 20_000;
        int runs = 5;
        String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--calls" -> calls = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--pg-url" -> adminUrl = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Matcher m = PG_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--pg-url " + adminUrl + " is not a jdbc:postgresql://host:port/db URL");
        }
        System.out.printf("machine: %d cores, %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim());
        String name = "cc_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        execute(adminUrl, "create database " + name);
        Vertx vertx = Vertx.vertx();
        try {
            run(vertx, new DatabaseConfig(m.group(1) + name + m.group(3), "postgres", "", 4), calls, runs);
        } finally {
            vertx.close().await();
            execute(adminUrl, "drop database if exists " + name + " with (force)");
        }
        System.exit(0);
    }

    private static void run(Vertx vertx, DatabaseConfig config, int calls, int runs) throws Exception {
        Database db = Database.open(vertx, config).await();
        try {
            new SchemaMigrations().apply(db, Server.SCHEMA_MODULES).await();
            long t0 = System.nanoTime();
            load(db, calls);
            System.out.printf("loaded %,d calls (%,d rows in the three views) in %.1f s%n", calls, calls * 5L,
                    (System.nanoTime() - t0) / 1e9);
            for (DayFileWriter writer : List.of(new ParquetDayWriter(), new CsvDayWriter())) {
                double[] rate = new double[runs];
                double[] check = new double[runs];
                long bytes = 0;
                for (int r = 0; r < runs; r++) {
                    Path dir = Files.createTempDirectory("cc-bench-warehouse-");
                    try {
                        JdbcWarehouse w = new JdbcWarehouse(db, new DayDirectory(dir), writer);
                        long rows = 0;
                        List<ExportedDay> done = new ArrayList<>();
                        long start = System.nanoTime();
                        for (String view : VIEWS) {
                            WarehouseStore.StepResult res = w.export(new ExportStep(WarehouseView.named(view), DAY,
                                    Optional.empty()), ZONE, Instant.now()).await();
                            rows += res.rows();
                        }
                        rate[r] = rows / ((System.nanoTime() - start) / 1e9);
                        done.addAll(w.exported().await().values());
                        bytes = done.stream().mapToLong(ExportedDay::bytes).sum();
                        start = System.nanoTime();
                        for (ExportedDay d : done) {
                            w.export(new ExportStep(WarehouseView.named(d.view()), DAY, Optional.of(d)), ZONE,
                                    Instant.now()).await();
                        }
                        check[r] = rows / ((System.nanoTime() - start) / 1e9);
                        try (Connection c = DriverManager.getConnection(config.url(), "postgres", "");
                             Statement st = c.createStatement()) {
                            st.execute("delete from dw_export_log");
                        }
                    } finally {
                        try (Stream<Path> all = Files.walk(dir)) {
                            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                                Files.deleteIfExists(p);
                            }
                        }
                    }
                }
                System.out.printf("%-8s %,d rows a day (%,d bytes in 3 files): written %s rows/s; an exported day "
                                + "checked unchanged %s rows/s (%d runs)%n", writer.format().configName(), calls * 5L,
                        bytes, figures(rate), figures(check), runs);
            }
        } finally {
            db.close();
        }
    }

    private static String figures(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return String.format("median %,.0f (min %,.0f, max %,.0f)", median, v[0], v[v.length - 1]);
    }

    private static void load(Database db, int calls) throws Exception {
        JdbcInteractionStore store = new JdbcInteractionStore(db);
        Instant opens = DAY.atStartOfDay(ZONE).toInstant();
        List<Future<Void>> saves = new ArrayList<>();
        for (int c = 0; c < calls; c++) {
            Instant offered = opens.plusMillis((long) c * 86_000_000L / calls);
            Instant queued = offered.plusSeconds(8);
            Instant talks = queued.plusSeconds(c % 40);
            String id = String.format("b-%07d", c);
            saves.add(store.save(Interaction.newCall(id, Direction.INBOUND, "pbx", "call-" + id, "0912" + c, "",
                            "100", offered).answered(offered.plusSeconds(1))
                    .withIvrStep(new IvrStep("main", "", offered.plusSeconds(1))).withIvrInput("main", "1")
                    .withSegment(new Segment(SegmentKind.IVR, offered.plusSeconds(1), Optional.of(queued), "", "",
                            "main", Segment.ENQUEUED, ""))
                    .withSegment(new Segment(SegmentKind.QUEUE, queued, Optional.of(talks), "", "support", "",
                            Segment.ANSWERED, ""))
                    .withSegment(new Segment(SegmentKind.TALK, talks, Optional.of(talks.plusSeconds(60 + c % 200)),
                            "a" + c % 50, "support", "", Segment.CALLER_HUNG_UP, ""))
                    .withQueue("support").withAgent("a" + c % 50).withDisposition(c % 5 == 0 ? "sale" : "resolved", "")
                    .ended(talks.plusSeconds(60 + c % 200), "normal")));
            if (saves.size() == 500) {
                Future.all(saves).await();
                saves.clear();
            }
        }
        Future.all(saves).await();
    }

    private static void execute(String url, String sql) throws Exception {
        Properties p = new Properties();
        if (!url.contains("user=")) {
            p.setProperty("user", "postgres");
        }
        try (Connection c = DriverManager.getConnection(url, p); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
