package cc.core.domain.report;

import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static cc.core.domain.report.ReportTestCalls.answered;
import static cc.core.domain.report.ReportTestCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AgentReportTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static StateSpell spell(String state, String reason, String start, String end) {
        return new StateSpell("a1", state, reason, Instant.parse(start),
                end == null ? Optional.empty() : Optional.of(Instant.parse(end)));
    }

    @Test
    @DisplayName("An agent's day across London's fall-back: 25 hours split into states and pause reasons, occupancy and utilisation")
    void agentDayAcrossDaylightSaving() {
        Instant from = Instant.parse("2026-10-24T23:00:00Z");   // 2026-10-25 00:00 BST
        Instant to = Instant.parse("2026-10-26T00:00:00Z");     // 2026-10-26 00:00 GMT: a 25-hour day
        AgentReport r = new AgentReport(from, to, to, new Buckets(ReportInterval.DAY, ReportCalendar.GREGORIAN, LONDON),
                Optional.of("a1"));
        r.add(spell("logged-out", "", "2026-10-24T20:00:00Z", "2026-10-25T08:00:00Z"));
        r.add(spell("available", "", "2026-10-25T08:00:00Z", "2026-10-25T09:00:00Z"));
        r.add(spell("on-call", "", "2026-10-25T09:00:00Z", "2026-10-25T09:10:00Z"));
        r.add(spell("wrap-up", "", "2026-10-25T09:10:00Z", "2026-10-25T09:12:00Z"));
        r.add(spell("paused", "break", "2026-10-25T09:12:00Z", "2026-10-25T09:27:00Z"));
        r.add(spell("paused", "training", "2026-10-25T09:27:00Z", "2026-10-25T10:27:00Z"));
        r.add(spell("available", "", "2026-10-25T10:27:00Z", "2026-10-25T12:00:00Z"));
        r.add(spell("logged-out", "", "2026-10-25T12:00:00Z", null));   // still logged out: counts up to the end
        r.add(answered("0912", Instant.parse("2026-10-25T09:00:00Z"), "sales", 0, "a1", 540, 120)
                .withSegment(new Segment(SegmentKind.HOLD, Instant.parse("2026-10-25T09:05:00Z"),
                        Optional.of(Instant.parse("2026-10-25T09:06:00Z")), "a1", "", "", "resumed", "")));
        r.add(call("0913", Instant.parse("2026-10-25T11:00:00Z"))
                .seg(SegmentKind.TALK, 0, 60, "a1", "sales", Segment.AGENT_HUNG_UP)
                .seg(SegmentKind.TRANSFER, 60, 60, "a1", "", "transferred").endsAt(60));

        List<ReportRow<AgentFigures>> rows = r.rows();
        assertEquals(1, rows.size());
        AgentFigures f = rows.get(0).figures();
        assertEquals(Duration.ofHours(25), f.timeInState().values().stream().reduce(Duration.ZERO, Duration::plus),
                "every moment of the 25-hour day is in some state");
        assertEquals(Duration.ofHours(9).plusHours(12), f.timeInState().get("logged-out"));
        assertEquals(Duration.ofMinutes(60 + 93), f.timeInState().get("available"));
        assertEquals(Duration.ofMinutes(75), f.timeInState().get("paused"));
        assertEquals(Duration.ofMinutes(15), f.pauseReasons().get("break"));
        assertEquals(Duration.ofMinutes(60), f.pauseReasons().get("training"));
        assertEquals(2, f.callsHandled());
        assertEquals(Duration.ofSeconds(600), f.talk());
        assertEquals(Duration.ofSeconds(60), f.hold());
        assertEquals(Duration.ofSeconds(120), f.wrapUp());
        assertEquals(1, f.transfers());
        // logged in 08:00-12:00 = 240 min, paused 75 => staffed 165 min; handled 600+60+120 s = 13 min
        assertEquals(Duration.ofMinutes(240), f.loggedIn());
        assertEquals(13 / 165.0, f.occupancy().orElseThrow(), 1e-9);
        assertEquals(13 / 240.0, f.utilisation().orElseThrow(), 1e-9);
    }

    @Test
    @DisplayName("A spell across hour buckets is cut at each boundary; an open spell counts up to now")
    void spellsCutAtBuckets() {
        Instant from = Instant.parse("2026-12-02T08:00:00Z");
        Instant to = Instant.parse("2026-12-02T12:00:00Z");
        Instant now = Instant.parse("2026-12-02T10:20:00Z");
        AgentReport r = new AgentReport(from, to, now,
                new Buckets(ReportInterval.HOUR, ReportCalendar.GREGORIAN, ZoneId.of("UTC")), Optional.empty());
        r.add(spell("available", "", "2026-12-02T07:30:00Z", "2026-12-02T08:45:00Z"));
        r.add(spell("paused", "lunch", "2026-12-02T08:45:00Z", null));
        List<ReportRow<AgentFigures>> rows = r.rows();
        assertEquals(4, rows.size());
        assertEquals(Duration.ofMinutes(45), rows.get(0).figures().timeInState().get("available"));
        assertEquals(Duration.ofMinutes(15), rows.get(0).figures().pauseReasons().get("lunch"));
        assertEquals(Duration.ofMinutes(60), rows.get(1).figures().pauseReasons().get("lunch"));
        assertEquals(Duration.ofMinutes(20), rows.get(2).figures().pauseReasons().get("lunch"));
        assertEquals(Duration.ZERO, rows.get(3).figures().loggedIn());
    }
}
