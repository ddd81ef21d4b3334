package cc.dialer.domain.report;

import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.campaign.CallingHours;
import cc.dialer.domain.campaign.Campaign;
import cc.dialer.domain.campaign.CampaignFixtures;
import cc.dialer.domain.campaign.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CampaignReportsTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private final Campaign campaign = CampaignFixtures.campaign(CallingHours.IRAN_WEEKEND);

    private static AttemptRecord attempt(String at, AttemptOutcome outcome, int answeredSeconds, int talkSeconds,
                                         boolean falsePositive, boolean converted) {
        return new AttemptRecord("spring", "c", Instant.parse(at), outcome, Duration.ofSeconds(answeredSeconds),
                Duration.ofSeconds(talkSeconds), falsePositive, converted);
    }

    @Test
    @DisplayName("a day's report counts dials, contacts, abandon rates by each regulator, utilisation, cost, revenue and ROI")
    void oneDay() {
        List<AttemptRecord> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(attempt("2026-11-24T06:00:00Z", AttemptOutcome.CONNECTED, 120, 120, false, i < 2));
        }
        attempts.add(attempt("2026-11-24T06:00:00Z", AttemptOutcome.ABANDONED, 3, 0, false, false));
        attempts.add(attempt("2026-11-24T06:00:00Z", AttemptOutcome.MACHINE, 30, 0, true, false));
        for (int i = 0; i < 10; i++) {
            attempts.add(attempt("2026-11-24T06:00:00Z", AttemptOutcome.NO_ANSWER, 0, 0, false, false));
        }
        attempts.add(attempt("2026-11-24T06:00:00Z", AttemptOutcome.CONNECTED, 60, 60, false, false)
                .withCampaign("other"));
        List<AgentTime> time = List.of(new AgentTime("spring", "a1", LocalDate.of(2026, 11, 24), Duration.ofHours(1)),
                new AgentTime("spring", "a2", LocalDate.of(2026, 11, 24), Duration.ofMinutes(30)));

        List<CampaignDayReport> reports = CampaignReports.daily(campaign, attempts, time, TEHRAN);
        assertEquals(1, reports.size());
        CampaignDayReport r = reports.get(0);
        assertEquals(20, r.dials());
        assertEquals(9, r.contacts());
        assertEquals(1.0 / 9, r.abandonRateUsDay(), 1e-12);
        assertEquals(2.0 / 10, r.abandonRateUkDay(), 1e-12, "Ofcom counts the machine-detection false positive");
        assertEquals(16, r.talkMinutes(), 1e-9);
        assertEquals(1.5, r.agentHours(), 1e-9);
        assertEquals(16 / 1.5, r.talkMinutesPerAgentHour(), 1e-9);
        assertEquals(2, r.conversions());
        // 20 dials x 0.01 + (8 x 2 + 1 + 1) billed minutes x 0.02
        assertEquals(Money.of("0.56", "USD"), r.cost());
        assertEquals(Money.of("50.00", "USD"), r.revenue());
        assertEquals(0, new BigDecimal("88.28571428571429").compareTo(r.roi().orElseThrow()),
                String.valueOf(r.roi()));
    }

    @Test
    @DisplayName("days follow the campaign's zone and the US rate looks back 30 days")
    void daysAndRollingWindow() {
        List<AttemptRecord> attempts = List.of(
                attempt("2026-11-01T10:00:00Z", AttemptOutcome.ABANDONED, 3, 0, false, false),
                attempt("2026-11-01T10:00:00Z", AttemptOutcome.CONNECTED, 60, 60, false, false),
                // 21:00 UTC on the 20th is 00:30 on the 21st in Tehran
                attempt("2026-11-20T21:00:00Z", AttemptOutcome.CONNECTED, 60, 60, false, false),
                attempt("2026-12-05T10:00:00Z", AttemptOutcome.CONNECTED, 60, 60, false, false));
        List<CampaignDayReport> r = CampaignReports.daily(campaign, attempts, List.of(), TEHRAN);
        assertEquals(List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 21), LocalDate.of(2026, 12, 5)),
                r.stream().map(CampaignDayReport::day).toList());
        assertEquals(0.5, r.get(0).abandonRateUs30Days(), 1e-12);
        assertEquals(1.0 / 3, r.get(1).abandonRateUs30Days(), 1e-12);
        assertEquals(0.0, r.get(1).abandonRateUsDay(), 1e-12);
        assertEquals(0.0, r.get(2).abandonRateUs30Days(), 1e-12, "1 November is out of the window by 5 December");
        assertEquals(0.0, r.get(2).talkMinutesPerAgentHour(), "no agent time recorded");
        assertEquals(Optional.of(BigDecimal.ONE.negate()).map(BigDecimal::signum), r.get(2).roi().map(BigDecimal::signum));
    }
}
