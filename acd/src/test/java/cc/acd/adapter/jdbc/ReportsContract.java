package cc.acd.adapter.jdbc;

import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.adapter.jdbc.JdbcReportSource;
import cc.core.app.report.ReportQuery;
import cc.core.app.report.Reports;
import cc.core.contract.AgentStateChanged;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.domain.report.AgentFigures;
import cc.core.domain.report.QueueFigures;
import cc.core.domain.report.ReportCalendar;
import cc.core.domain.report.ReportInterval;
import cc.core.domain.report.ReportRow;
import cc.core.domain.report.ReportSettings;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports from a database (PostgreSQL in {@link ReportsPostgresIT}, the embedded H2 in {@link ReportsH2Test}) filled
 * with generated days written through the real stores: four Tehran days around the end
 * of Azar 1405 (Saturday 1405-09-28 to 1405-10-01), more calls than one page of the reader, some offered at the same
 * instant; every figure expected here is tallied from the generator's own choices, not from the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportsContract {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final LocalDate FIRST = LocalDate.of(2026, 12, 19);   // 1405-09-28, a Saturday
    private static final int DAYS = 4;
    private static final int CALLS_PER_DAY = 320;
    private static final List<String> QUEUES = List.of("sales", "support");
    private static final Duration THRESHOLD = Duration.ofSeconds(20);
    private static final Duration SHORT = Duration.ofSeconds(5);

    private Vertx vertx;
    private MigratedDatabase db;
    private Reports reports;
    /**
     * Expected figures per day index and queue: offered, answered, in threshold, abandoned, short, talk seconds,
     * answered calls of known callers, of those the ones nobody called back about within 7 days.
     */
    private final Map<String, long[]> expected = new HashMap<>();
    private final long[] agentExpected = new long[3];   // calls, talk s, available s on day 0

    @BeforeAll
    void generate() {
        vertx = Vertx.vertx();
        db = open(vertx);
        JdbcInteractionStore store = new JdbcInteractionStore(db.database());
        JdbcAgentStateHistory history = new JdbcAgentStateHistory(db.database());
        Random random = new Random(1405);
        record Generated(int day, String queue, String number, Instant offered, boolean answered) {}
        List<Generated> generated = new ArrayList<>();
        List<Future<Void>> saves = new ArrayList<>();
        int n = 0;
        for (int day = 0; day < DAYS; day++) {
            Instant opens = FIRST.plusDays(day).atTime(8, 0).atZone(TEHRAN).toInstant();
            for (int c = 0; c < CALLS_PER_DAY; c++) {
                // every tenth call shares its instant with the one before: the reader's pages must not lose either
                Instant offered = opens.plusSeconds(c % 10 == 9 ? (c - 1) * 90L : c * 90L);
                String queue = QUEUES.get(random.nextInt(QUEUES.size()));
                int wait = random.nextInt(60);
                boolean answered = random.nextInt(4) != 0;
                int talk = 30 + random.nextInt(300);
                String agent = "a" + random.nextInt(3);
                // numbers from a small pool, so some callers call again within the week
                String number = "0912" + random.nextInt(600);
                generated.add(new Generated(day, queue, number, offered, answered));
                Interaction call = Interaction.newCall(String.format("gen-%05d", n++), Direction.INBOUND, "pbx",
                        "c" + n, number, "", "100", offered).answered(offered);
                long[] e = expected.computeIfAbsent(day + "/" + queue, k -> new long[8]);
                e[0]++;
                if (answered) {
                    call = call.withSegment(segment(SegmentKind.QUEUE, offered, wait, "", queue, Segment.ANSWERED))
                            .withSegment(segment(SegmentKind.TALK, offered.plusSeconds(wait), talk, agent, queue,
                                    Segment.CALLER_HUNG_UP))
                            .ended(offered.plusSeconds(wait + talk), "normal");
                    e[1]++;
                    e[2] += Duration.ofSeconds(wait).compareTo(THRESHOLD) <= 0 ? 1 : 0;
                    e[5] += talk;
                    if (day == 0 && agent.equals("a0")) {
                        agentExpected[0]++;
                        agentExpected[1] += talk;
                    }
                } else {
                    call = call.withSegment(segment(SegmentKind.QUEUE, offered, wait, "", queue, Segment.ABANDONED))
                            .ended(offered.plusSeconds(wait), "normal");
                    e[3]++;
                    e[4] += Duration.ofSeconds(wait).compareTo(SHORT) < 0 ? 1 : 0;
                }
                saves.add(store.save(call));
            }
        }
        // after the range: callers of the last day calling again (they count only as repeats), two of them too late
        for (int k = 0; k < 6; k++) {
            Generated earlier = generated.get((DAYS - 1) * CALLS_PER_DAY + k * 7);
            Instant again = earlier.offered().plus(Duration.ofDays(k < 4 ? 6 : 8));
            Generated later = new Generated(-1, "sales", earlier.number(), again, false);
            generated.add(later);
            saves.add(store.save(Interaction.newCall("later-" + k, Direction.INBOUND, "pbx", "l" + k,
                    earlier.number(), "", "100", again).answered(again)
                    .withSegment(segment(SegmentKind.QUEUE, again, 30, "", "sales", Segment.ABANDONED))
                    .ended(again.plusSeconds(30), "normal")));
        }
        result(Future.all(saves));
        for (Generated g : generated) {
            if (g.day() < 0 || !g.answered()) {
                continue;
            }
            boolean repeated = generated.stream().anyMatch(o -> o.number().equals(g.number())
                    && o.offered().isAfter(g.offered()) && !o.offered().isAfter(g.offered().plus(Duration.ofDays(7))));
            long[] e = expected.get(g.day() + "/" + g.queue());
            e[6]++;
            e[7] += repeated ? 0 : 1;
        }
        // agent a0 on day 0: in at 08:00, available to 12:00, a 30-minute break, available to 16:00, out
        Instant d0 = FIRST.atTime(8, 0).atZone(TEHRAN).toInstant();
        for (AgentStateChanged change : List.of(
                new AgentStateChanged("a0", "available", "", d0, ""),
                new AgentStateChanged("a0", "paused", "break", d0.plus(Duration.ofHours(4)), ""),
                new AgentStateChanged("a0", "available", "", d0.plus(Duration.ofMinutes(270)), ""),
                new AgentStateChanged("a0", "logged-out", "", d0.plus(Duration.ofHours(8)), ""))) {
            result(history.record(change));
        }
        agentExpected[2] = Duration.ofMinutes(450).toSeconds();
        ReportSettings settings = new ReportSettings(TEHRAN, SHORT, 7, Map.of(), THRESHOLD);
        reports = new Reports(new JdbcReportSource(db.database()), settings,
                InstantSource.fixed(Instant.parse("2027-01-01T00:00:00Z")));
    }

    /** A fresh database with the core and acd schemas. */
    protected abstract MigratedDatabase open(Vertx vertx);

    private static Segment segment(SegmentKind kind, Instant start, int seconds, String agent, String queue,
                                   String outcome) {
        return new Segment(kind, start, Optional.of(start.plusSeconds(seconds)), agent, queue, "", outcome, "");
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    private ReportQuery query(ReportInterval interval, Optional<String> subject) {
        return new ReportQuery(FIRST.atStartOfDay(TEHRAN).toInstant(),
                FIRST.plusDays(DAYS).atStartOfDay(TEHRAN).toInstant(), interval, ReportCalendar.JALALI, subject);
    }

    @Test
    @DisplayName("Daily queue figures in Jalali days equal what was generated, each queue and day")
    void dailyQueues() {
        List<ReportRow<QueueFigures>> rows = result(reports.queues(query(ReportInterval.DAY, Optional.empty()))).rows();
        assertEquals(QUEUES.size() * DAYS, rows.size());
        List<String> days = List.of("1405-09-28", "1405-09-29", "1405-09-30", "1405-10-01");
        for (int i = 0; i < rows.size(); i++) {
            ReportRow<QueueFigures> row = rows.get(i);
            int day = i % DAYS;
            assertEquals(days.get(day), row.bucket().label());
            long[] e = expected.get(day + "/" + row.subject());
            QueueFigures f = row.figures();
            String where = row.subject() + " " + row.bucket().label();
            assertEquals(e[0], f.offered(), "offered " + where);
            assertEquals(e[1], f.answered(), "answered " + where);
            assertEquals(e[2], f.answeredInThreshold(), "in threshold " + where);
            assertEquals(e[3], f.abandoned(), "abandoned " + where);
            assertEquals(e[4], f.shortAbandoned(), "short abandons " + where);
            assertEquals(Duration.ofSeconds(e[5]), f.talk(), "talk " + where);
            assertEquals(e[6], f.resolvable(), "answered calls of known callers " + where);
            assertEquals(e[7], f.resolvedFirstTime(), "resolved at first contact " + where);
            assertTrue(e[7] < e[6], "some callers called again: the check can fail " + where);
        }
    }

    @Test
    @DisplayName("Jalali week and month rows: the four days are one week from Saturday; Azar holds three, Dey one")
    void weeksAndMonths() {
        List<ReportRow<QueueFigures>> weeks = result(reports.queues(query(ReportInterval.WEEK,
                Optional.of("sales")))).rows();
        assertEquals(1, weeks.size());
        assertEquals("1405-09-28", weeks.get(0).bucket().label());
        long all = 0;
        for (int d = 0; d < DAYS; d++) {
            all += expected.get(d + "/sales")[0];
        }
        assertEquals(all, weeks.get(0).figures().offered());

        List<ReportRow<QueueFigures>> months = result(reports.queues(query(ReportInterval.MONTH,
                Optional.of("sales")))).rows();
        assertEquals(List.of("1405-09", "1405-10"), months.stream().map(r -> r.bucket().label()).toList());
        assertEquals(all - expected.get("3/sales")[0], months.get(0).figures().offered());
        assertEquals(expected.get("3/sales")[0], months.get(1).figures().offered());
    }

    @Test
    @DisplayName("An agent's day: calls and talk from the records, time available and paused from the state history")
    void agentDay() {
        List<ReportRow<AgentFigures>> rows = result(reports.agents(query(ReportInterval.DAY, Optional.of("a0"))))
                .rows();
        assertEquals(DAYS, rows.size());
        AgentFigures f = rows.get(0).figures();
        assertEquals(agentExpected[0], f.callsHandled());
        assertEquals(Duration.ofSeconds(agentExpected[1]), f.talk());
        assertEquals(Duration.ofSeconds(agentExpected[2]), f.timeInState().get("available"));
        assertEquals(Duration.ofMinutes(30), f.pauseReasons().get("break"));
        assertEquals(Duration.ofHours(8), f.loggedIn());
        assertEquals(Duration.ofHours(8), f.timeInState().get("logged-out"),
                "from 16:00 to midnight; before the first spell nothing is known");
    }
}
