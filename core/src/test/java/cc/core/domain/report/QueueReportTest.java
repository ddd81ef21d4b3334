package cc.core.domain.report;

import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cc.core.domain.report.ReportTestCalls.abandoned;
import static cc.core.domain.report.ReportTestCalls.answered;
import static cc.core.domain.report.ReportTestCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

class QueueReportTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ReportSettings SETTINGS = new ReportSettings(TEHRAN, Duration.ofSeconds(5), 7,
            Map.of("sales", Duration.ofSeconds(20)), Duration.ofSeconds(30));
    // 1405-09-11, 09:00 in Tehran
    private static final Instant DAY = Instant.parse("2026-12-02T05:30:00Z");

    private static QueueReport report(Instant from, Instant to, ReportInterval interval, Optional<String> queue,
                                      List<Interaction> calls) {
        QueueReport r = new QueueReport(from, to, new Buckets(interval, ReportCalendar.JALALI, TEHRAN), SETTINGS,
                queue);
        calls.forEach(r::add);
        return r;
    }

    @Test
    @DisplayName("A day of one queue: offered, answered, short and long abandons, service level, speed of answer, handle time, transfers")
    void queueDay() {
        Interaction transferred = call("0912000004", DAY.plusSeconds(400))
                .seg(SegmentKind.QUEUE, 0, 25, "", "sales", Segment.ANSWERED)
                .seg(SegmentKind.TALK, 25, 85, "a2", "sales", "transferred")
                .seg(SegmentKind.HOLD, 40, 55, "a2", "", "resumed")
                .seg(SegmentKind.TRANSFER, 85, 85, "a2", "", "transferred")
                .seg(SegmentKind.WRAP_UP, 85, 95, "a2", "", Segment.ENDED).endsAt(85);
        List<Interaction> calls = List.of(
                answered("0912000001", DAY, "sales", 10, "a1", 100, 20),
                abandoned("0912000002", DAY.plusSeconds(100), "sales", 3),
                abandoned("0912000003", DAY.plusSeconds(200), "sales", 40),
                transferred,
                call("0912000005", DAY.plusSeconds(500)).seg(SegmentKind.QUEUE, 0, 60, "", "sales", Segment.OVERFLOW)
                        .seg(SegmentKind.QUEUE, 60, 70, "", "support", Segment.ANSWERED)
                        .seg(SegmentKind.TALK, 70, 100, "a3", "support", Segment.AGENT_HUNG_UP).endsAt(100));
        QueueReport r = report(TEHRAN_DAY_START, TEHRAN_DAY_START.plus(Duration.ofDays(1)), ReportInterval.DAY,
                Optional.empty(), calls);

        List<ReportRow<QueueFigures>> rows = r.rows();
        assertEquals(2, rows.size(), "one day, two queues: " + rows);
        ReportRow<QueueFigures> sales = rows.get(0);
        assertEquals("sales", sales.subject());
        assertEquals("1405-09-11", sales.bucket().label());
        QueueFigures f = sales.figures();
        assertEquals(5, f.offered());
        assertEquals(2, f.answered());
        assertEquals(1, f.answeredInThreshold(), "10 s is within the 20 s threshold, 25 s is not");
        assertEquals(2, f.abandoned());
        assertEquals(1, f.shortAbandoned(), "3 s is under the 5 s short-abandon threshold");
        assertEquals(1, f.overflowed());
        // 1 within / (2 answered + 1 long abandon)
        assertEquals(1 / 3.0, f.serviceLevel().orElseThrow(), 1e-9);
        assertEquals(Duration.ofMillis(17_500), f.averageSpeedOfAnswer().orElseThrow());
        assertEquals(Duration.ofSeconds(160), f.talk());
        assertEquals(Duration.ofSeconds(15), f.hold());
        assertEquals(Duration.ofSeconds(30), f.wrapUp());
        assertEquals(Duration.ofMillis((160 + 15 + 30) * 1000 / 2), f.averageHandleTime().orElseThrow());
        assertEquals(1, f.transfersOut());

        QueueFigures support = rows.get(1).figures();
        assertEquals("support", rows.get(1).subject());
        assertEquals(1, support.offered());
        assertEquals(1, support.answered());
        assertEquals(1, support.answeredInThreshold(), "10 s within the default 30 s");
        assertEquals(Duration.ofSeconds(30), support.talk());
    }

    private static final Instant TEHRAN_DAY_START = Instant.parse("2026-12-01T20:30:00Z");

    @Test
    @DisplayName("First-contact resolution: a caller who calls again within 7 days was not resolved, after 8 days or never was")
    void firstContactResolution() {
        Instant from = TEHRAN_DAY_START;
        Instant to = from.plus(Duration.ofDays(1));
        List<Interaction> calls = List.of(
                answered("0912000001", DAY, "sales", 5, "a1", 60, 0),
                answered("0912000002", DAY.plusSeconds(60), "sales", 5, "a1", 60, 0),
                answered("0912000003", DAY.plusSeconds(120), "sales", 5, "a1", 60, 0),
                answered("", DAY.plusSeconds(180), "sales", 5, "a1", 60, 0),      // unknown caller: not counted
                abandoned("0912000001", DAY.plus(Duration.ofDays(3)), "sales", 30),     // repeat of the first
                abandoned("0912000002", DAY.plus(Duration.ofDays(8)), "sales", 30));    // too late to be a repeat
        QueueReport r = report(from, to, ReportInterval.DAY, Optional.of("sales"), calls);
        assertEquals(to.plus(Duration.ofDays(7)), r.readUntil());
        List<ReportRow<QueueFigures>> rows = r.rows();
        assertEquals(1, rows.size());
        QueueFigures f = rows.get(0).figures();
        assertEquals(4, f.offered(), "the later calls count only as repeats");
        assertEquals(3, f.resolvable());
        assertEquals(2, f.resolvedFirstTime());
        assertEquals(2 / 3.0, f.firstContactResolution().orElseThrow(), 1e-9);
    }

    @Test
    @DisplayName("Daily rows across a Jalali month boundary, with empty days present and each call in the day it was offered")
    void dailyAcrossJalaliMonth() {
        Instant from = Instant.parse("2026-12-19T20:30:00Z");   // 1405-09-29 00:00 Tehran
        Instant to = Instant.parse("2026-12-23T20:30:00Z");     // 1405-10-03 00:00 Tehran
        List<Interaction> calls = List.of(
                answered("1", Instant.parse("2026-12-21T20:29:00Z"), "sales", 5, "a1", 60, 0),   // 23:59 on 09-30
                answered("2", Instant.parse("2026-12-21T20:31:00Z"), "sales", 5, "a1", 60, 0),   // 00:01 on 10-01
                abandoned("3", Instant.parse("2026-12-21T20:32:00Z"), "sales", 30));
        QueueReport r = report(from, to, ReportInterval.DAY, Optional.of("sales"), calls);
        List<ReportRow<QueueFigures>> rows = r.rows();
        assertEquals(List.of("1405-09-29", "1405-09-30", "1405-10-01", "1405-10-02"),
                rows.stream().map(x -> x.bucket().label()).toList());
        assertEquals(List.of(0L, 1L, 2L, 0L), rows.stream().map(x -> x.figures().offered()).toList());
        assertEquals(List.of(0L, 0L, 1L, 0L), rows.stream().map(x -> x.figures().abandoned()).toList());

        QueueReport months = report(from, to, ReportInterval.MONTH, Optional.of("sales"), calls);
        assertEquals(List.of("1405-09", "1405-10"), months.rows().stream().map(x -> x.bucket().label()).toList());
        assertEquals(List.of(1L, 2L), months.rows().stream().map(x -> x.figures().offered()).toList());
    }

    @Test
    @DisplayName("IVR containment: calls served by the flow or hung up in it, by flow and exit node; queued calls are not contained")
    void ivrContainment() {
        List<Interaction> calls = List.of(
                call("1", DAY).ivr("main", 30, Segment.COMPLETED, "balance").endsAt(30),
                call("2", DAY.plusSeconds(10)).ivr("main", 30, Segment.COMPLETED, "balance").endsAt(30),
                call("3", DAY.plusSeconds(20)).ivr("main", 8, Segment.CALLER_HUNG_UP, "menu").endsAt(8),
                call("4", DAY.plusSeconds(30)).ivr("main", 5, Segment.ENQUEUED, "to-sales")
                        .seg(SegmentKind.QUEUE, 5, 20, "", "sales", Segment.ABANDONED).endsAt(20));
        QueueReport r = report(TEHRAN_DAY_START, TEHRAN_DAY_START.plus(Duration.ofDays(1)), ReportInterval.DAY,
                Optional.empty(), calls);
        List<IvrFigures> ivr = r.ivr();
        assertEquals(2, ivr.size(), ivr.toString());
        assertEquals("balance", ivr.get(0).exitNode());
        assertEquals(2, ivr.get(0).contained());
        assertEquals("menu", ivr.get(1).exitNode());
        assertEquals(1, ivr.get(1).hungUp());
        assertEquals("main", ivr.get(1).flow());
    }
}
