package cc.dialer.domain.campaign;

import cc.dialer.domain.pacing.PacingMode;
import cc.dialer.domain.pacing.RegulatorRule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** Campaigns the tests share. */
public final class CampaignFixtures {
    private CampaignFixtures() {}

    public static CampaignEconomics usd() {
        return new CampaignEconomics(Money.of("0.01", "USD"), Money.of("0.02", "USD"), Money.of("25", "USD"));
    }

    /** 09:00-21:00 in the customer's zone, days off as given, Nowruz 1405 (2026-03-21) as a holiday. */
    public static Campaign campaign(Set<DayOfWeek> daysOff) {
        return new Campaign("spring", "Spring offer", List.of("list-a"), PacingMode.PREDICTIVE,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31),
                new CallingHours(LocalTime.of(9, 0), LocalTime.of(21, 0), daysOff, Set.of(LocalDate.of(2026, 3, 21))),
                RetryPolicy.typical(), usd(), RegulatorRule.US_TSR, 50);
    }
}
