package cc.warehouse;

import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.testkit.MigratedDatabase;
import cc.launcher.Server;
import cc.warehouse.adapter.file.DayDirectory;
import cc.warehouse.adapter.file.ParquetDayWriter;
import cc.warehouse.adapter.jdbc.JdbcWarehouse;
import cc.warehouse.app.ExportSummary;
import cc.warehouse.app.WarehouseExporter;
import cc.warehouse.app.WarehouseSettings;
import cc.warehouse.domain.ExportFormat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export on the embedded H2 the demo and small sites run on: a Tehran day to Parquet, read back with DuckDB. */
class WarehouseExportH2Test {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @Test
    @DisplayName("on H2 a closed day's calls and segments are written to Parquet, and a second run writes nothing")
    void exportsOnH2(@TempDir Path tmp) throws Exception {
        Vertx vertx = Vertx.vertx();
        try (MigratedDatabase db = MigratedDatabase.embedded(vertx, tmp.resolve("db"),
                Server.SCHEMA_MODULES.toArray(String[]::new))) {
            JdbcInteractionStore store = new JdbcInteractionStore(db.database());
            List<Future<Void>> saves = new ArrayList<>();
            Instant midnight = DAY.atStartOfDay(TEHRAN).toInstant();
            for (int c = 0; c < 40; c++) {
                Instant offered = midnight.plusSeconds(c * 600L);
                saves.add(store.save(Interaction.newCall("h-" + c, Direction.INBOUND, "pbx", "c" + c, "0912" + c, "",
                                "100", offered).answered(offered)
                        .withSegment(new Segment(SegmentKind.QUEUE, offered, Optional.of(offered.plusSeconds(9)), "",
                                "support", "", Segment.ANSWERED, ""))
                        .withSegment(new Segment(SegmentKind.TALK, offered.plusSeconds(9),
                                Optional.of(offered.plusSeconds(99)), "a1", "support", "", Segment.CALLER_HUNG_UP, ""))
                        .ended(offered.plusSeconds(99), "normal")));
            }
            result(Future.all(saves));
            Path dir = tmp.resolve("warehouse");
            Instant now = DAY.plusDays(1).atTime(3, 0).atZone(TEHRAN).toInstant();
            WarehouseExporter exporter = new WarehouseExporter(new WarehouseSettings(true, dir, 2,
                    ExportFormat.PARQUET, 1, TEHRAN), new JdbcWarehouse(db.database(), new DayDirectory(dir),
                    new ParquetDayWriter()), InstantSource.fixed(now), new SimpleMeterRegistry());
            result(vertx.deployVerticle(exporter));
            ExportSummary first = exporter.exportFromOutside().toCompletionStage().toCompletableFuture()
                    .get(2, TimeUnit.MINUTES);
            assertTrue(first.partitions().contains("dw_interactions/date=" + DAY), first.toString());
            assertEquals(120, first.rowsWritten() - rows(dir, "dw_campaigns") - rows(dir, "dw_customer_scores"));
            Path calls = dir.resolve(DayDirectory.relativeFile("dw_interactions", DAY, ExportFormat.PARQUET));
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
                 ResultSet rs = st.executeQuery("select count(*), min(offered_at), max(duration_seconds), "
                         + "min(offered_local_date) from read_parquet('" + calls + "')")) {
                assertTrue(rs.next());
                assertEquals(40, rs.getLong(1));
                assertEquals(midnight, rs.getObject(2, OffsetDateTime.class).toInstant());
                assertEquals(99.0, rs.getDouble(3), 1e-9);
                assertEquals(DAY, rs.getObject(4, LocalDate.class));
            }
            ExportSummary second = exporter.exportFromOutside().toCompletionStage().toCompletableFuture()
                    .get(2, TimeUnit.MINUTES);
            assertEquals(0, second.written() + second.rewritten(), second.toString());
        } finally {
            vertx.close();
        }
    }

    private static long rows(Path dir, String view) throws Exception {
        Path f = dir.resolve(DayDirectory.relativeFile(view, DAY, ExportFormat.PARQUET));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from read_parquet('" + f + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
