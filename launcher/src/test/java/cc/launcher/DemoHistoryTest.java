package cc.launcher;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcReportSource;
import cc.core.adapter.jdbc.JdbcReportTotals;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.app.report.ReportQuery;
import cc.core.app.report.ReportTotalsJob;
import cc.core.app.report.Reports;
import cc.core.domain.report.QueueFigures;
import cc.core.domain.report.ReportCalendar;
import cc.core.domain.report.ReportInterval;
import cc.core.domain.report.ReportRow;
import cc.core.domain.report.ReportSettings;
import cc.core.domain.report.TotalsPolicy;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's generated past, in the demo's embedded database, as the reports page reads it. */
class DemoHistoryTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final Instant NOW = LocalDate.of(2026, 12, 2).atTime(10, 0).atZone(TEHRAN).toInstant();

    @TempDir
    Path data;

    @Test
    @DisplayName("a first start loads weeks of calls for the configured queues and agents, a later start adds none, and the stored totals report them as streamed")
    void demoHistory() {
        Vertx vertx = Vertx.vertx();
        try {
            Database db = Database.embedded(vertx, data).await();
            new SchemaMigrations().apply(db, Server.SCHEMA_MODULES).await();
            List<String> agents = List.of("agent-1001", "agent-1002", "agent-1003", "agent-1004");
            DemoHistory.loadIfEmpty(db, TEHRAN, 5, List.of("support"), agents, NOW).await();
            long calls = count(db, "select count(*) from interactions where id like 'syn-%'");
            assertTrue(calls > 500, "five days of calls: " + calls);
            assertEquals(0, count(db, "select count(*) from interactions where id like 'syn-2026-12-02%'"),
                    "today's calls are the simulator's");
            assertTrue(count(db, "select count(*) from customer_orders") > 0, "customers' orders for the scores");
            DemoHistory.loadIfEmpty(db, TEHRAN, 5, List.of("support"), agents, NOW).await();
            assertEquals(calls, count(db, "select count(*) from interactions where id like 'syn-%'"));

            ReportSettings settings = new ReportSettings(TEHRAN, Duration.ofSeconds(5), 7, Map.of(),
                    Duration.ofSeconds(20));
            JdbcReportSource source = new JdbcReportSource(db);
            JdbcReportTotals totals = new JdbcReportTotals(db);
            ReportTotalsJob job = new ReportTotalsJob(source, totals, settings, new TotalsPolicy(Duration.ofHours(1),
                    30, 7), Duration.ZERO, InstantSource.fixed(NOW));
            vertx.deployVerticle(job).await();
            assertTrue(job.runNow().await().days() >= 5);
            ReportQuery week = new ReportQuery(LocalDate.of(2026, 11, 27).atStartOfDay(TEHRAN).toInstant(),
                    LocalDate.of(2026, 12, 3).atStartOfDay(TEHRAN).toInstant(), ReportInterval.DAY,
                    ReportCalendar.JALALI, Optional.empty());
            List<ReportRow<QueueFigures>> stored = new Reports(source, Optional.of(totals), settings,
                    InstantSource.fixed(NOW)).queues(week).await().rows();
            assertEquals(new Reports(source, settings, InstantSource.fixed(NOW)).queues(week).await().rows(), stored);
            assertTrue(stored.stream().filter(r -> r.subject().equals("support"))
                    .mapToLong(r -> r.figures().answered()).sum() > 300, "the support queue answered the calls");
            assertEquals(agents, new Reports(source, Optional.of(totals), settings, InstantSource.fixed(NOW))
                    .agents(week).await().rows().stream().map(ReportRow::subject).distinct().toList());
            db.close();
        } finally {
            vertx.close().await();
        }
    }

    private static long count(Database db, String sql) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }).await();
    }
}
