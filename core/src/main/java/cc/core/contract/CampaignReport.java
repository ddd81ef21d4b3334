package cc.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A campaign's day reports, oldest first. */
public record CampaignReport(String campaignId, List<Day> days) {
    public CampaignReport {
        Objects.requireNonNull(campaignId, "campaignId");
        days = List.copyOf(days);
    }

    /**
     * One campaign day.
     *
     * @param day                     the day
     * @param dials                   dial attempts
     * @param contacts                calls a live person answered
     * @param connected               live calls an agent took
     * @param abandoned               live calls no agent took in time
     * @param amdFalsePositives       live people taken for machines (estimated)
     * @param abandonRateUsDay        abandoned over live answers, this day alone
     * @param abandonRateUs30Days     the US definition over the 30 days ending with this day
     * @param abandonRateUkDay        Ofcom's definition over this day (AMD false positives counted)
     * @param talkMinutes             agent talk
     * @param agentHours              agent time given to the campaign
     * @param talkMinutesPerAgentHour utilisation
     * @param conversions             conversions recorded
     * @param currency                ISO 4217 code of cost and revenue
     * @param cost                    dials and billed minutes
     * @param revenue                 conversions times revenue per conversion
     * @param roi                     (revenue - cost) / cost, empty when nothing was spent
     */
    public record Day(LocalDate day, long dials, long contacts, long connected, long abandoned,
                      long amdFalsePositives, double abandonRateUsDay, double abandonRateUs30Days,
                      double abandonRateUkDay, double talkMinutes, double agentHours, double talkMinutesPerAgentHour,
                      long conversions, String currency, BigDecimal cost, BigDecimal revenue,
                      Optional<BigDecimal> roi) {
        public Day {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(cost, "cost");
            Objects.requireNonNull(revenue, "revenue");
            Objects.requireNonNull(roi, "roi");
        }
    }
}
