package cc.core.app.report;

import cc.core.contract.ReportTotalsComputed;
import cc.core.domain.report.ReportCalendar;
import cc.core.domain.report.ReportInterval;
import cc.core.domain.report.ReportSettings;
import cc.core.domain.report.StoredDay;
import cc.core.domain.report.TotalsPolicy;
import cc.core.domain.report.synthetic.SyntheticCalls;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports read from stored day totals are the reports streamed from every call: generated weeks of calls (queues,
 * overflows, abandons, repeat callers, IVR paths, agents' pauses), totals stored by the job, then more calls written
 * (some repeating stored days' callers), and every report asked both ways.
 */
class ReportTotalsTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 18);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 28);
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"Asia/Tehran", "Asia/Kathmandu"})
    @DisplayName("every report by 15 minutes, hour, day, week and month, Gregorian and Jalali, is the same from stored totals as streamed")
    void totalsEqualStreaming(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        ReportSettings settings = new ReportSettings(zone, Duration.ofSeconds(5), 3,
                Map.of("sales", Duration.ofSeconds(20)), Duration.ofSeconds(30));
        SyntheticCalls gen = new SyntheticCalls(7, zone, new SyntheticCalls.Shape(120, 3, 8, 150));
        InMemoryReportFacts facts = new InMemoryReportFacts();
        for (LocalDate d = FIRST; !d.isAfter(TODAY); d = d.plusDays(1)) {
            SyntheticCalls.Day day = gen.day(d);
            facts.add(day.calls(), day.spells());
        }
        Instant stored = TODAY.atTime(9, 0).atZone(zone).toInstant();
        facts.writtenUntil = stored;
        ReportTotalsJob job = new ReportTotalsJob(facts, facts, settings, new TotalsPolicy(Duration.ofHours(1), 400,
                5), Duration.ZERO, InstantSource.fixed(stored));
        vertx.deployVerticle(job).await();
        ReportTotalsComputed run = job.runNow().await();
        assertEquals(Duration.between(FIRST.atStartOfDay(), TODAY.atStartOfDay()).toDays(), run.days(),
                "every closed day stored");
        List<StoredDay> days = facts.days(FIRST, TODAY).result();
        assertFalse(days.get(days.size() - 1).firstContactSettled(), "yesterday's repeat window is still open");
        assertTrue(days.get(0).firstContactSettled());

        // six hours later: more calls written, some of them repeats of callers of the unsettled stored days
        Instant now = stored.plus(Duration.ofHours(6));
        facts.writtenUntil = now;
        Reports fromTotals = new Reports(facts, Optional.of(facts), settings, InstantSource.fixed(now));
        Reports streamed = new Reports(facts, settings, InstantSource.fixed(now));

        List<LocalDate[]> ranges = List.of(
                new LocalDate[]{LocalDate.of(2026, 12, 1), TODAY},                    // stored, then today live
                new LocalDate[]{LocalDate.of(2026, 11, 22), LocalDate.of(2026, 12, 21)}, // Jalali 1405-09, settled
                new LocalDate[]{FIRST, LocalDate.of(2026, 12, 26)});                 // ends in unsettled days
        for (LocalDate[] range : ranges) {
            for (ReportInterval interval : ReportInterval.values()) {
                for (ReportCalendar calendar : ReportCalendar.values()) {
                    // one queue's and one agent's report too, in the Gregorian calendar
                    for (Optional<String> subject : calendar == ReportCalendar.JALALI ? List.of(Optional.<String>empty())
                            : List.of(Optional.<String>empty(), Optional.of("support"))) {
                        ReportQuery q = new ReportQuery(range[0].atStartOfDay(zone).toInstant(),
                                range[1].plusDays(1).atStartOfDay(zone).toInstant(), interval, calendar, subject);
                        String what = range[0] + ".." + range[1] + " " + interval + " " + calendar + " " + subject;
                        var expected = streamed.queues(q).result();
                        var actual = fromTotals.queues(q).result();
                        assertEquals(expected.rows(), actual.rows(), "queues " + what);
                        assertEquals(expected.ivr(), actual.ivr(), "IVR " + what);
                        ReportQuery qa = new ReportQuery(q.from(), q.to(), interval, calendar,
                                subject.map(s -> "agent-001"));
                        assertEquals(streamed.agents(qa).result().rows(), fromTotals.agents(qa).result().rows(),
                                "agents " + what);
                    }
                }
            }
        }
        long before = facts.streamed;
        ReportQuery month = new ReportQuery(LocalDate.of(2026, 11, 22).atStartOfDay(zone).toInstant(),
                LocalDate.of(2026, 12, 22).atStartOfDay(zone).toInstant(), ReportInterval.MONTH, ReportCalendar.JALALI,
                Optional.empty());
        assertTrue(fromTotals.queues(month).result().rows().stream().anyMatch(r -> r.figures().resolvable() > 0
                && r.figures().resolvedFirstTime() < r.figures().resolvable()), "repeat callers counted");
        fromTotals.agents(month).result();
        assertEquals(before, facts.streamed, "a stored month streams no call");
    }
}
