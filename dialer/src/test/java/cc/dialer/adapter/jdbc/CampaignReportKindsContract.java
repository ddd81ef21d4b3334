package cc.dialer.adapter.jdbc;

import cc.core.adapter.jdbc.JdbcReportKindSource;
import cc.core.adapter.jdbc.JdbcReportSource;
import cc.core.app.report.ReportKinds;
import cc.core.app.report.ReportQuery;
import cc.core.app.report.Reports;
import cc.core.domain.report.CampaignFigures;
import cc.core.domain.report.CampaignRows;
import cc.core.domain.report.CampaignTerms;
import cc.core.domain.report.ReportCalendar;
import cc.core.domain.report.ReportInterval;
import cc.core.domain.report.ReportRow;
import cc.core.domain.report.ReportSettings;
import cc.core.testkit.MigratedDatabase;
import cc.dialer.app.AttemptState;
import cc.dialer.app.AuditEntry;
import cc.core.contract.CampaignDefinition;
import cc.dialer.app.CampaignDefinitions;
import cc.dialer.app.DialerStore;
import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.report.CampaignDayReport;
import cc.dialer.domain.report.CampaignReports;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The campaign report read from the dialer's own tables (attempts as the dialer saves them, its dial audit, the
 * wrap-up segments of the calls it connected) over a closed day of known figures, against the campaign day report
 * the dialer gives for the same day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CampaignReportKindsContract {
    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    static final LocalDate DAY = LocalDate.of(2026, 11, 10);
    static final Instant NINE = DAY.atTime(9, 0).atZone(TEHRAN).toInstant();

    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcDialerStore store;
    private ReportKinds kinds;
    private CampaignDefinition definition;

    protected abstract MigratedDatabase open(Vertx vertx);

    @BeforeAll
    void seed() throws Exception {
        vertx = Vertx.vertx();
        db = open(vertx);
        store = new JdbcDialerStore(db.database(), TEHRAN);
        ReportSettings settings = new ReportSettings(TEHRAN, Duration.ofSeconds(5), 7, Map.of(),
                Duration.ofSeconds(20));
        kinds = new ReportKinds(new Reports(new JdbcReportSource(db.database()), settings, InstantSource.system()),
                new JdbcReportKindSource(db.database()), Map.of());
        definition = new CampaignDefinition("renewals", "Autumn renewal", List.of("l1"), "PREDICTIVE",
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), LocalTime.of(9, 0), LocalTime.of(20, 30),
                Set.of(DayOfWeek.FRIDAY), Set.of(), Map.of(), 4, "USD", new BigDecimal("0.05"),
                new BigDecimal("0.02"), new BigDecimal("25"), "UK-Ofcom", 12, "sales", "AGENT", "inherit");
        result(store.saveCampaign(new DialerStore.StoredCampaign(definition, "RUNNING", NINE, "mina")));
        long id = 0;
        // 4 connected: talk 120, 60, 200, 30 s; answered 5 s after the dial, ended talk + 10 s later
        int[] talks = {120, 60, 200, 30};
        for (int k = 0; k < talks.length; k++) {
            Instant at = NINE.plusSeconds(600L * k);
            attempt(++id, at, AttemptOutcome.CONNECTED, Optional.of(at.plusSeconds(5)),
                    Optional.of(at.plusSeconds(15 + talks[k])), talks[k], false, Optional.of("call-" + id));
            segment("call-" + id, at.plusSeconds(15 + talks[k]), Duration.ofSeconds(20 + 10L * k));
        }
        attempt(++id, NINE.plusSeconds(3000), AttemptOutcome.ABANDONED, Optional.of(NINE.plusSeconds(3004)),
                Optional.of(NINE.plusSeconds(3010)), 0, false, Optional.empty());
        attempt(++id, NINE.plusSeconds(3100), AttemptOutcome.MACHINE, Optional.of(NINE.plusSeconds(3104)),
                Optional.of(NINE.plusSeconds(3109)), 0, true, Optional.empty());
        attempt(++id, NINE.plusSeconds(3200), AttemptOutcome.MACHINE, Optional.of(NINE.plusSeconds(3204)),
                Optional.of(NINE.plusSeconds(3270)), 0, false, Optional.empty());
        attempt(++id, NINE.plusSeconds(3300), AttemptOutcome.NO_ANSWER, Optional.empty(),
                Optional.of(NINE.plusSeconds(3330)), 0, false, Optional.empty());
        attempt(++id, NINE.plusSeconds(3400), AttemptOutcome.BUSY, Optional.empty(),
                Optional.of(NINE.plusSeconds(3402)), 0, false, Optional.empty());
        attempt(++id, NINE.plusSeconds(3500), AttemptOutcome.FAILED, Optional.empty(),
                Optional.of(NINE.plusSeconds(3501)), 0, false, Optional.empty());
        // the day before and the day after, in Tehran: other days' rows
        attempt(++id, NINE.minus(Duration.ofHours(10)), AttemptOutcome.NO_ANSWER, Optional.empty(),
                Optional.of(NINE.minus(Duration.ofHours(10)).plusSeconds(30)), 0, false, Optional.empty());
        attempt(++id, NINE.plus(Duration.ofHours(15)), AttemptOutcome.BUSY, Optional.empty(),
                Optional.of(NINE.plus(Duration.ofHours(15)).plusSeconds(3)), 0, false, Optional.empty());
        assertEquals(1, result(store.markConverted("call-1")));
        assertEquals(1, result(store.markConverted("call-3")));
        JdbcDialAudit audit = new JdbcDialAudit(db.database());
        skip("k1", AuditEntry.Event.SKIPPED, "do-not-call: on the national registry", NINE.plusSeconds(10), audit);
        skip("k2", AuditEntry.Event.SKIPPED, "do-not-call: opted out", NINE.plusSeconds(20), audit);
        skip("k3", AuditEntry.Event.SKIPPED, "outside-hours: 21:10 in Asia/Tehran", NINE.plusSeconds(30), audit);
        skip("k4", AuditEntry.Event.REFUSED, "premium-rate number", NINE.plusSeconds(40), audit);
        skip("k5", AuditEntry.Event.DIALLED, "PJSIP/trunk/0912", NINE.plusSeconds(50), audit);
    }

    private void attempt(long id, Instant at, AttemptOutcome outcome, Optional<Instant> answered,
                         Optional<Instant> ended, double talk, boolean falsePositive, Optional<String> call) {
        result(store.saveAttempt(new AttemptState("renewals", id, "c" + id, "+98912000" + (1000 + id), at, answered,
                outcome == AttemptOutcome.CONNECTED ? answered.map(a -> a.plusSeconds(2)) : Optional.empty(), ended,
                Optional.of(outcome), outcome == AttemptOutcome.CONNECTED ? Optional.of("a1") : Optional.empty(),
                call, talk, falsePositive)));
    }

    private void segment(String call, Instant start, Duration wrapUp) throws Exception {
        db.execute("insert into interactions (id, channel, direction, offered_at, campaign_id, segments_kept)"
                + " values ('" + call + "', 'voice', 'outbound', '" + start.minusSeconds(300) + "', 'renewals', true)");
        db.execute("insert into interaction_segments (interaction_id, seq, kind, started_at, ended_at, agent_id,"
                + " outcome) values ('" + call + "', 0, 'wrap-up', '" + start + "', '" + start.plus(wrapUp)
                + "', 'a1', 'ended')");
    }

    private static void skip(String contact, AuditEntry.Event event, String detail, Instant at, JdbcDialAudit audit) {
        result(audit.record(new AuditEntry("renewals", contact, Optional.empty(), "+989120009999", event, detail,
                Optional.empty(), at)));
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    private CampaignRows report(LocalDate from, LocalDate to, ReportInterval interval) {
        return result(kinds.campaigns(new ReportQuery(from.atStartOfDay(TEHRAN).toInstant(),
                to.plusDays(1).atStartOfDay(TEHRAN).toInstant(), interval, ReportCalendar.GREGORIAN,
                Optional.empty())));
    }

    @Test
    @DisplayName("a closed day: dials, outcomes, skips by reason, talk and wrap-up, conversions, cost and revenue")
    void knownDay() {
        CampaignRows r = report(DAY, DAY, ReportInterval.DAY);
        assertEquals(1, r.rows().size(), r.rows().toString());
        CampaignFigures f = r.rows().get(0).figures();
        assertEquals(10, f.dials());
        assertEquals(4, f.connected());
        assertEquals(1, f.abandoned());
        assertEquals(2, f.machines());
        assertEquals(1, f.amdFalsePositives());
        assertEquals(List.of(1L, 1L, 1L), List.of(f.noAnswer(), f.busy(), f.failed()));
        assertEquals(2, f.conversions());
        assertEquals(Duration.ofSeconds(410), f.talk());
        assertEquals(Duration.ofSeconds(20 + 30 + 40 + 50), f.wrapUp());
        assertEquals(Map.of("do-not-call", 2L, "outside-hours", 1L, "refused", 1L), f.skipped());
        // answered minutes: 130+10 s -> 3, 70+10 -> 2, 210+10 -> 4, 40+10 -> 1, abandoned 6 s -> 1, machines 1 + 2
        assertEquals(14, f.billedMinutes());
        CampaignTerms terms = r.terms().get("renewals");
        assertEquals(new BigDecimal("0.78"), terms.cost(f), "10 dials at 0.05 and 14 minutes at 0.02");
        assertEquals(new BigDecimal("50.00"), terms.revenue(f));
    }

    @Test
    @DisplayName("the closed day's row says what the dialer's own day report says")
    void matchesTheDialersDayReport() {
        Instant from = DAY.minusDays(1).atStartOfDay(TEHRAN).toInstant();
        Instant to = DAY.plusDays(2).atStartOfDay(TEHRAN).toInstant();
        List<CampaignDayReport> days = CampaignReports.daily(CampaignDefinitions.toCampaign(definition, Set.of()),
                result(store.attempts("renewals", from, to)), List.of(), TEHRAN);
        CampaignDayReport dialer = days.stream().filter(d -> d.day().equals(DAY)).findFirst().orElseThrow();
        CampaignRows r = report(DAY.minusDays(1), DAY.plusDays(1), ReportInterval.DAY);
        ReportRow<CampaignFigures> row = r.rows().get(1);
        assertEquals(DAY.toString(), row.bucket().label());
        CampaignFigures f = row.figures();
        CampaignTerms terms = r.terms().get("renewals");

        assertEquals(dialer.dials(), f.dials());
        assertEquals(dialer.contacts(), f.contacts());
        assertEquals(dialer.connected(), f.connected());
        assertEquals(dialer.abandoned(), f.abandoned());
        assertEquals(dialer.amdFalsePositives(), f.amdFalsePositives());
        assertEquals(dialer.abandonRateUsDay(), f.abandonRate().orElse(0.0), 1e-12);
        assertEquals(dialer.abandonRateUkDay(), f.abandonRateUk().orElse(0.0), 1e-12);
        assertEquals(dialer.talkMinutes(), f.talk().toMillis() / 60_000.0, 1e-9);
        assertEquals(dialer.conversions(), f.conversions());
        assertEquals(dialer.cost().amount(), terms.cost(f));
        assertEquals(dialer.revenue().amount(), terms.revenue(f));
        assertEquals(dialer.roi(), terms.roi(f));
        assertEquals(3, r.rows().size(), "the day before, the day, the day after");
        assertEquals(1, r.rows().get(0).figures().dials());
        assertEquals(1, r.rows().get(2).figures().busy());
    }

    @Test
    @DisplayName("quarter hours in Jalali dates: the 09:00 quarter holds the first connected call and the first skips")
    void quarterHours() {
        CampaignRows r = report(DAY, DAY, ReportInterval.QUARTER_HOUR);
        assertEquals(96, r.rows().size());
        ReportRow<CampaignFigures> nine = r.rows().get(36);
        assertEquals("2026-11-10 09:00", nine.bucket().label());
        assertEquals(2, nine.figures().dials(), "09:00 and 09:10");
        assertEquals(Map.of("do-not-call", 2L, "outside-hours", 1L, "refused", 1L), nine.figures().skipped());
        CampaignRows jalali = result(kinds.campaigns(new ReportQuery(DAY.atStartOfDay(TEHRAN).toInstant(),
                DAY.plusDays(1).atStartOfDay(TEHRAN).toInstant(), ReportInterval.MONTH, ReportCalendar.JALALI,
                Optional.of("renewals"))));
        assertEquals("1405-08", jalali.rows().get(0).bucket().label());
        assertEquals(10, jalali.rows().get(0).figures().dials());
    }
}
