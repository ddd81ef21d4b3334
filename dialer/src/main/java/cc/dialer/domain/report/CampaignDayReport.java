package cc.dialer.domain.report;

import cc.dialer.domain.campaign.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One campaign's day.
 *
 * @param campaignId             the campaign
 * @param day                    the day, in the report's zone
 * @param dials                  dial attempts
 * @param contacts               calls a live person answered (connected or abandoned)
 * @param connected              live calls an agent took
 * @param abandoned              live calls no agent took in time
 * @param amdFalsePositives      live people dropped by answering-machine detection
 * @param abandonRateUsDay       the day's abandoned over live answers (the US definition, on this day alone)
 * @param abandonRateUs30Days    the US definition over the 30 days ending with this day
 * @param abandonRateUkDay       Ofcom's definition over this day (AMD false positives counted as abandoned and live)
 * @param talkMinutes            agent talk
 * @param agentHours             agent time logged in to the campaign
 * @param talkMinutesPerAgentHour utilisation
 * @param conversions            conversions recorded
 * @param cost                   dials and billed minutes
 * @param revenue                conversions times revenue per conversion
 * @param roi                    (revenue - cost) / cost, empty when nothing was spent
 */
public record CampaignDayReport(String campaignId, LocalDate day, long dials, long contacts, long connected,
                                long abandoned, long amdFalsePositives, double abandonRateUsDay,
                                double abandonRateUs30Days, double abandonRateUkDay, double talkMinutes,
                                double agentHours, double talkMinutesPerAgentHour, long conversions, Money cost,
                                Money revenue, Optional<BigDecimal> roi) {
    public CampaignDayReport {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(roi, "roi");
    }
}
