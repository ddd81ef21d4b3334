package cc.warehouse;

import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.testkit.MigratedDatabase;
import cc.launcher.Server;
import cc.warehouse.adapter.file.CsvDayWriter;
import cc.warehouse.adapter.file.DayDirectory;
import cc.warehouse.adapter.file.ParquetDayWriter;
import cc.warehouse.adapter.jdbc.JdbcWarehouse;
import cc.warehouse.app.DayFileWriter;
import cc.warehouse.app.ExportSummary;
import cc.warehouse.app.WarehouseExporter;
import cc.warehouse.app.WarehouseSettings;
import cc.warehouse.domain.Column;
import cc.warehouse.domain.ExportFormat;
import cc.warehouse.domain.RowDigest;
import cc.warehouse.domain.WarehouseView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily export on PostgreSQL, end to end through the stores, the exporter verticle and DuckDB: three closed Tehran
 * days of generated calls (more than one cursor fetch each) and the day still open, exported to Parquet and read back
 * with DuckDB; a second run writes nothing; a late disposition makes exactly its day's interactions file be written
 * again; a writer failing mid-file leaves the previous file and no partial one; CSV read back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarehouseExportIT {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final LocalDate FIRST = LocalDate.of(2026, 12, 2);
    private static final int DAYS = 3;
    private static final int CALLS_PER_DAY = 1_100;
    /** 06:00 on 5 December in Tehran: the 2nd to the 4th are closed, the 5th is not. */
    private static final Instant NOW = LocalDate.of(2026, 12, 5).atTime(6, 0).atZone(TEHRAN).toInstant();
    private static final int DAILY_VIEWS = (int) WarehouseView.ALL.stream()
            .filter(v -> v.kind() == WarehouseView.Kind.DAILY).count();

    /** One directory for the whole scenario (a field {@code @TempDir} would be a new one per test). */
    private Path dir;
    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcInteractionStore store;
    private final Map<String, Interaction> calls = new HashMap<>();

    @BeforeAll
    void generate() throws IOException {
        dir = Files.createTempDirectory("cc-warehouse-it-");
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, Server.SCHEMA_MODULES.toArray(String[]::new));
        store = new JdbcInteractionStore(db.database());
        List<Future<Void>> saves = new ArrayList<>();
        for (int day = 0; day <= DAYS; day++) {
            // from 00:00 local (20:30 UTC the day before) so UTC and local days differ for the first calls
            Instant opens = FIRST.plusDays(day).atStartOfDay(TEHRAN).toInstant();
            for (int c = 0; c < CALLS_PER_DAY; c++) {
                Instant offered = opens.plusSeconds(c * 70L);
                String id = String.format("d%d-%04d", day, c);
                Instant queued = offered.plusSeconds(8);
                Instant talks = queued.plusSeconds(c % 40);
                Interaction call = Interaction.newCall(id, Direction.INBOUND, "pbx", "call-" + id, "0912" + c, "",
                                "100", offered).answered(offered.plusSeconds(1))
                        .withIvrStep(new IvrStep("main", "", offered.plusSeconds(1)))
                        .withIvrInput("main", String.valueOf(c % 3 + 1))
                        .withSegment(new Segment(SegmentKind.IVR, offered.plusSeconds(1), Optional.of(queued), "", "",
                                "main", Segment.ENQUEUED, ""))
                        .withSegment(new Segment(SegmentKind.QUEUE, queued, Optional.of(talks), "", "support", "",
                                Segment.ANSWERED, ""))
                        .withSegment(new Segment(SegmentKind.TALK, talks, Optional.of(talks.plusSeconds(60 + c % 200)),
                                "a" + c % 7, "support", "", Segment.CALLER_HUNG_UP, ""))
                        .withQueue("support").withAgent("a" + c % 7)
                        .withDisposition(c % 5 == 0 ? "sale" : "resolved", c % 11 == 0 ? "said \"call, later\"" : "")
                        .ended(talks.plusSeconds(60 + c % 200), "normal");
                calls.put(id, call);
                saves.add(store.save(call));
            }
        }
        try {   // minutes when other builds share the machine
            Future.all(saves).toCompletionStage().toCompletableFuture().get(3, java.util.concurrent.TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("generating the calls failed", e);
        }
    }

    @AfterAll
    void close() throws IOException {
        if (db != null) {
            db.close();
        }
        vertx.close();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private WarehouseExporter exporter(Path into, DayFileWriter writer) {
        WarehouseExporter e = new WarehouseExporter(new WarehouseSettings(true, into, 2, writer.format(), DAYS, TEHRAN),
                new JdbcWarehouse(db.database(), new DayDirectory(into), writer), InstantSource.fixed(NOW),
                new SimpleMeterRegistry());
        result(vertx.deployVerticle(e));
        return e;
    }

    /** One export run to its end (minutes on a busy machine: 20 files through DuckDB), failed or not. */
    private Future<ExportSummary> attempt(DayFileWriter writer) throws Exception {
        WarehouseExporter e = exporter(dir, writer);
        Future<ExportSummary> run = e.exportFromOutside();
        try {
            run.toCompletionStage().toCompletableFuture().handle((r, t) -> r).get(3, java.util.concurrent.TimeUnit.MINUTES);
            return run;
        } finally {
            result(vertx.undeploy(e.deploymentID()));
        }
    }

    private ExportSummary run(DayFileWriter writer) throws Exception {
        Future<ExportSummary> run = attempt(writer);
        if (run.failed()) {
            throw new AssertionError("export run failed", run.cause());
        }
        return run.result();
    }

    private Path file(String view, LocalDate day, ExportFormat format) {
        return dir.resolve(DayDirectory.relativeFile(view, day, format));
    }

    @Test
    @Order(1)
    @DisplayName("each closed day of each view becomes one Parquet file whose rows equal the view's for that local day")
    void exportsClosedDays() throws Exception {
        ExportSummary s = run(new ParquetDayWriter());
        assertEquals(DAILY_VIEWS * DAYS + 2, s.written(), s.toString());
        assertEquals(0, s.rewritten());
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            assertEquals(CALLS_PER_DAY, parquetCount(file("dw_interactions", day, ExportFormat.PARQUET)));
            assertEquals(CALLS_PER_DAY * 3L, parquetCount(file("dw_interaction_segments", day, ExportFormat.PARQUET)));
            for (WarehouseView v : WarehouseView.ALL) {
                if (v.kind() != WarehouseView.Kind.DAILY) {
                    continue;
                }
                Path f = file(v.name(), day, ExportFormat.PARQUET);
                assertEquals(viewDigest(v, day), parquetDigest(v, f), v.name() + " " + day);
                JsonObject manifest = new JsonObject(Files.readString(f.resolveSibling(DayDirectory.MANIFEST)));
                assertEquals(Files.size(f), manifest.getLong("bytes"));
                assertEquals(parquetCount(f), manifest.getLong("rows"));
                assertEquals(day.toString(), manifest.getString("date"));
            }
        }
        // the day still open is not exported; the snapshots go under the last closed day
        assertFalse(Files.exists(dir.resolve(DayDirectory.partition("dw_interactions", FIRST.plusDays(DAYS)))));
        assertTrue(Files.exists(file("dw_campaigns", FIRST.plusDays(DAYS - 1), ExportFormat.PARQUET)));
        // a value read back: the first call of the first day, offered at local midnight (20:30 UTC the day before)
        try (Connection duck = duck(); Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(
                "select offered_at, disposition, notes, offered_local_date from read_parquet('"
                        + file("dw_interactions", FIRST, ExportFormat.PARQUET) + "') where interaction_id = 'd0-0000'")) {
            assertTrue(rs.next());
            assertEquals(Instant.parse("2026-12-01T20:30:00Z"), rs.getObject(1, OffsetDateTime.class).toInstant());
            assertEquals("sale", rs.getString(2));
            assertEquals("said \"call, later\"", rs.getString(3));
            assertEquals(FIRST, rs.getObject(4, LocalDate.class));
        }
        assertNoPartialFiles();
    }

    @Test
    @Order(2)
    @DisplayName("a second run writes nothing: every day is read, found unchanged, and its file left as it was")
    void secondRunWritesNothing() throws Exception {
        Path f = file("dw_interactions", FIRST, ExportFormat.PARQUET);
        var before = Files.getLastModifiedTime(f);
        ExportSummary s = run(new ParquetDayWriter());
        assertEquals(0, s.written(), s.toString());
        assertEquals(0, s.rewritten(), s.toString());
        assertEquals(DAILY_VIEWS * DAYS, s.unchanged());
        assertEquals(before, Files.getLastModifiedTime(f));
    }

    @Test
    @Order(3)
    @DisplayName("a late disposition makes its day's interactions file be written again, and nothing else")
    void changedDayExportedAgain() throws Exception {
        Interaction late = calls.get("d1-0042").withDisposition("complaint", "called back about the bill");
        result(store.save(late));
        ExportSummary s = run(new ParquetDayWriter());
        assertEquals(1, s.rewritten(), s.toString());
        assertEquals(List.of("dw_interactions/date=" + FIRST.plusDays(1)), s.partitions());
        try (Connection duck = duck(); Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(
                "select disposition from read_parquet('" + file("dw_interactions", FIRST.plusDays(1),
                        ExportFormat.PARQUET) + "') where interaction_id = 'd1-0042'")) {
            assertTrue(rs.next());
            assertEquals("complaint", rs.getString(1));
        }
    }

    @Test
    @Order(4)
    @DisplayName("a writer failing mid-file leaves the previous file whole and no partial one; the next run completes")
    void crashMidFile() throws Exception {
        LocalDate day = FIRST.plusDays(2);
        Path segments = file("dw_interaction_segments", day, ExportFormat.PARQUET);
        byte[] before = Files.readAllBytes(segments);
        Interaction changed = calls.get("d2-0100");
        changed = changed.withSegment(new Segment(SegmentKind.WRAP_UP, changed.endedAt().orElseThrow(),
                Optional.of(changed.endedAt().orElseThrow().plusSeconds(20)), "a2", "support", "", Segment.ENDED, ""));
        result(store.save(changed));

        ParquetDayWriter real = new ParquetDayWriter();
        DayFileWriter failing = new DayFileWriter() {
            @Override
            public ExportFormat format() {
                return real.format();
            }

            @Override
            public RowWriter open(Path file, List<Column> columns) throws IOException {
                RowWriter w = real.open(file, columns);
                boolean segmentsFile = file.toString().contains("dw_interaction_segments");
                return new RowWriter() {
                    int rows;

                    @Override
                    public void write(Object[] row) throws IOException {
                        if (segmentsFile && ++rows > 1_500) {
                            throw new IOException("disk full (simulated)");
                        }
                        w.write(row);
                    }

                    @Override
                    public void finish() throws IOException {
                        w.finish();
                    }

                    @Override
                    public void close() throws IOException {
                        w.close();
                    }
                };
            }
        };
        Future<ExportSummary> failed = attempt(failing);
        assertTrue(failed.failed());
        assertTrue(String.valueOf(failed.cause().getMessage()).contains("disk full"), failed.cause().toString());
        assertArrayEquals(before, Files.readAllBytes(segments));
        assertNoPartialFiles();

        ExportSummary s = run(new ParquetDayWriter());
        assertTrue(s.partitions().contains("dw_interaction_segments/date=" + day), s.toString());
        assertEquals(CALLS_PER_DAY * 3L + 1, parquetCount(segments));
        assertNoPartialFiles();
    }

    @Test
    @Order(5)
    @DisplayName("CSV: switching the format writes every day again as UTF-8 CSV with a header, read back by DuckDB")
    void csv() throws Exception {
        ExportSummary s = run(new CsvDayWriter());
        assertEquals(DAILY_VIEWS * DAYS + 2, s.written(), s.toString());
        Path f = file("dw_interactions", FIRST, ExportFormat.CSV);
        assertFalse(Files.exists(file("dw_interactions", FIRST, ExportFormat.PARQUET)));
        List<String> lines = Files.readAllLines(f);
        assertEquals(CALLS_PER_DAY + 1, lines.size());
        assertTrue(lines.get(0).startsWith("interaction_id,channel,direction,"), lines.get(0));
        try (Connection duck = duck(); Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(
                "select count(*), max(case when interaction_id = 'd0-0000' then notes end), "
                        + "max(case when interaction_id = 'd0-0000' then offered_at end) from read_csv('" + f
                        + "', header = true)")) {
            assertTrue(rs.next());
            assertEquals(CALLS_PER_DAY, rs.getLong(1));
            assertEquals("said \"call, later\"", rs.getString(2));
            assertEquals(Instant.parse("2026-12-01T20:30:00Z"), rs.getObject(3, OffsetDateTime.class).toInstant());
        }
        assertNoPartialFiles();
    }

    /** No file a BI tool would read other than whole exports and manifests, and no leftover temporary file. */
    private void assertNoPartialFiles() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            List<String> odd = all.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(DayDirectory.MANIFEST) && !n.equals("part-0.parquet")
                            && !n.equals("part-0.csv")).toList();
            assertEquals(List.of(), odd);
        }
    }

    private static Connection duck() throws Exception {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    private static long parquetCount(Path f) throws Exception {
        try (Connection duck = duck(); Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from read_parquet('" + f + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Column> columns(WarehouseView v) throws Exception {
        try (Connection c = db.connection()) {
            return JdbcWarehouse.columns(c, v);
        }
    }

    /** The view's rows for the local day, read here by its local-date column (not the export's UTC range). */
    private String viewDigest(WarehouseView v, LocalDate day) throws Exception {
        String dateColumn = columns(v).stream().map(Column::name).filter(n -> n.endsWith("_local_date")).findFirst()
                .orElseThrow();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select * from " + v.name()
                + " where " + dateColumn + " = ? order by " + v.orderBy())) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                return digest(rs, columns(v));
            }
        }
    }

    private String parquetDigest(WarehouseView v, Path f) throws Exception {
        try (Connection duck = duck(); Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("select * from read_parquet('" + f + "') order by " + v.orderBy())) {
            return digest(rs, columns(v));
        }
    }

    private static String digest(ResultSet rs, List<Column> columns) throws Exception {
        RowDigest d = new RowDigest();
        while (rs.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = switch0(rs, i + 1, columns.get(i));
            }
            d.add(row);
        }
        return d.rows() + ":" + d.hex();
    }

    private static Object switch0(ResultSet rs, int i, Column c) throws Exception {
        Object v = rs.getObject(i);
        if (v == null) {
            return null;
        }
        switch (c.type()) {
            case TIMESTAMP:
                return rs.getObject(i, OffsetDateTime.class).toInstant();
            case DATE:
                return rs.getObject(i, LocalDate.class);
            case INTEGER:
                return ((Number) v).intValue();
            case BIGINT:
                return ((Number) v).longValue();
            case DOUBLE:
                return ((Number) v).doubleValue();
            case DECIMAL:
                return rs.getBigDecimal(i);
            case BOOLEAN:
                return rs.getBoolean(i);
            default:
                return rs.getString(i);
        }
    }
}
