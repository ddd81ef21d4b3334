package cc.dialer.domain.report;

import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.campaign.Campaign;
import cc.dialer.domain.campaign.CampaignEconomics;
import cc.dialer.domain.campaign.Money;
import cc.dialer.domain.pacing.RegulatorRule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the per-day reports of a campaign from its attempt records and agent time. Pure. */
public final class CampaignReports {
    private CampaignReports() {}

    private static final class Day {
        long dials;
        long connected;
        long abandoned;
        long falsePositives;
        long conversions;
        long billedMinutes;
        double talkSeconds;
        double agentSeconds;
    }

    /**
     * One report per day that had attempts or agent time, oldest first. Attempts of other campaigns are ignored;
     * days are taken in {@code zone} (the campaign's operating zone). Attempts from before the first reported day
     * still count towards the 30-day US rate.
     */
    public static List<CampaignDayReport> daily(Campaign campaign, List<AttemptRecord> attempts,
                                                List<AgentTime> agentTime, ZoneId zone) {
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        for (AttemptRecord a : attempts) {
            if (!a.campaignId().equals(campaign.id())) {
                continue;
            }
            Day d = days.computeIfAbsent(a.dialedAt().atZone(zone).toLocalDate(), k -> new Day());
            d.dials++;
            d.billedMinutes += a.billedMinutes();
            if (a.outcome() == AttemptOutcome.CONNECTED) {
                d.connected++;
                d.talkSeconds += a.talkTime().toMillis() / 1000.0;
            } else if (a.outcome() == AttemptOutcome.ABANDONED) {
                d.abandoned++;
            } else if (a.amdFalsePositive()) {
                d.falsePositives++;
            }
            if (a.converted()) {
                d.conversions++;
            }
        }
        for (AgentTime t : agentTime) {
            if (t.campaignId().equals(campaign.id())) {
                days.computeIfAbsent(t.day(), k -> new Day()).agentSeconds += t.loggedIn().toMillis() / 1000.0;
            }
        }
        CampaignEconomics money = campaign.economics();
        RegulatorRule us = RegulatorRule.US_TSR;
        RegulatorRule uk = RegulatorRule.UK_OFCOM;
        long usWindowDays = us.window().toDays();
        List<CampaignDayReport> out = new ArrayList<>();
        for (Map.Entry<LocalDate, Day> e : days.entrySet()) {
            Day d = e.getValue();
            long live30 = 0;
            long abandoned30 = 0;
            for (Day w : days.subMap(e.getKey().minusDays(usWindowDays - 1), true, e.getKey(), true).values()) {
                live30 += us.live(w.connected, w.abandoned, w.falsePositives);
                abandoned30 += us.abandoned(w.abandoned, w.falsePositives);
            }
            Money cost = money.cost(d.dials, d.billedMinutes);
            Money revenue = money.revenue(d.conversions);
            double agentHours = d.agentSeconds / 3600;
            out.add(new CampaignDayReport(campaign.id(), e.getKey(), d.dials, d.connected + d.abandoned,
                    d.connected, d.abandoned, d.falsePositives,
                    ratio(us.abandoned(d.abandoned, d.falsePositives), us.live(d.connected, d.abandoned,
                            d.falsePositives)),
                    ratio(abandoned30, live30),
                    ratio(uk.abandoned(d.abandoned, d.falsePositives), uk.live(d.connected, d.abandoned,
                            d.falsePositives)),
                    d.talkSeconds / 60, agentHours, agentHours == 0 ? 0 : d.talkSeconds / 60 / agentHours,
                    d.conversions, cost.rounded(), revenue.rounded(), CampaignEconomics.roi(revenue, cost)));
        }
        return out;
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0 : (double) num / den;
    }
}
