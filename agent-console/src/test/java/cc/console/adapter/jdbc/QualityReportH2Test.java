package cc.console.adapter.jdbc;

import cc.core.adapter.jdbc.JdbcReportKindSource;
import cc.core.adapter.jdbc.JdbcReportSource;
import cc.core.app.report.ReportKinds;
import cc.core.app.report.ReportQuery;
import cc.core.app.report.Reports;
import cc.core.domain.report.QualityBy;
import cc.core.domain.report.QualityFigures;
import cc.core.domain.report.ReportCalendar;
import cc.core.domain.report.ReportInterval;
import cc.core.domain.report.ReportRow;
import cc.core.domain.report.ReportSettings;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The quality report on the embedded H2 the demo runs on (its PostgreSQL side is {@code ReportKindApiIT}): survey
 * answers by the call's offer day and evaluations by their own day, in Tehran, with a call just before local midnight
 * that must fall on its Tehran day, not its UTC one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityReportH2Test {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    @TempDir
    static Path dataDir;

    private Vertx vertx;
    private MigratedDatabase db;
    private ReportKinds kinds;

    @BeforeAll
    void seed() throws Exception {
        vertx = Vertx.vertx();
        db = MigratedDatabase.embedded(vertx, dataDir, "core", "console");
        kinds = new ReportKinds(new Reports(new JdbcReportSource(db.database()), new ReportSettings(TEHRAN,
                Duration.ofSeconds(5), 7, Map.of(), Duration.ofSeconds(20)), InstantSource.system()),
                new JdbcReportKindSource(db.database()), Map.of());
        // 2026-12-02 23:50 in Tehran is 20:20 UTC: still the 2nd in Tehran; 2026-12-03 00:10 is the 3rd
        db.execute("insert into interactions (id, channel, direction, offered_at, queue, agent_id, satisfaction)"
                + " values ('h1', 'voice', 'inbound', '2026-12-02T06:00:00Z', 'sales', 'a1', 5),"
                + " ('h2', 'voice', 'inbound', '2026-12-02T20:20:00Z', 'sales', 'a2', 2),"
                + " ('h3', 'voice', 'inbound', '2026-12-02T20:40:00Z', 'sales', 'a2', 4),"
                + " ('h4', 'voice', 'inbound', '2026-12-02T07:00:00Z', 'sales', 'a2', null)");
        db.execute("insert into quality_forms (id, version, created_by) values (1, 1, 'root')");
        db.execute("insert into quality_form_versions (form_id, version, name, changed_by) values (1, 1, 'Calls',"
                + " 'root')");
        db.execute("insert into quality_evaluations (interaction_id, agent_id, queue, evaluator, form_id, form_version,"
                + " score, failed, points, possible, created_at) values"
                + " ('h1', 'a1', 'sales', 's', 1, 1, 80, false, 8, 10, '2026-12-02T09:00:00Z'),"
                + " ('h2', 'a2', 'sales', 's', 1, 1, 0, true, 3, 10, '2026-12-03T09:00:00Z')");
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    private List<ReportRow<QualityFigures>> days(QualityBy by) {
        LocalDate first = LocalDate.of(2026, 12, 2);
        Instant from = first.atStartOfDay(TEHRAN).toInstant();
        Instant to = first.plusDays(2).atStartOfDay(TEHRAN).toInstant();
        return result(kinds.quality(new ReportQuery(from, to, ReportInterval.DAY, ReportCalendar.GREGORIAN,
                Optional.empty()), by));
    }

    @Test
    @DisplayName("per queue: answers and evaluations on their Tehran days")
    void perQueue() {
        List<ReportRow<QualityFigures>> rows = days(QualityBy.QUEUE);
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(new QualityFigures(2, 7, 1, 80.0, 0), rows.get(0).figures(), "23:50 in Tehran is still the 2nd");
        assertEquals(new QualityFigures(1, 4, 1, 0.0, 1), rows.get(1).figures());
    }

    @Test
    @DisplayName("per agent")
    void perAgent() {
        List<ReportRow<QualityFigures>> rows = days(QualityBy.AGENT);
        assertEquals(List.of("a1", "a1", "a2", "a2"), rows.stream().map(ReportRow::subject).toList());
        assertEquals(new QualityFigures(1, 2, 0, 0.0, 0), rows.get(2).figures());
    }
}
