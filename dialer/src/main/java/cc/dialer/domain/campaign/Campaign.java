package cc.dialer.domain.campaign;

import cc.dialer.domain.pacing.PacingMode;
import cc.dialer.domain.pacing.RegulatorRule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * An outbound campaign.
 *
 * @param id          stable id
 * @param name        shown to managers
 * @param listIds     the contact lists it calls
 * @param mode        preview, progressive or predictive
 * @param firstDay    first day of calling (customer's local date)
 * @param lastDay     last day of calling, inclusive
 * @param hours       when customers may be called, in their time zone
 * @param retries     when contacts are tried again
 * @param economics   cost and revenue
 * @param rule        the regulator's abandon limit
 * @param maxLines    the most lines it may use at once
 */
public record Campaign(String id, String name, List<String> listIds, PacingMode mode, LocalDate firstDay,
                       LocalDate lastDay, CallingHours hours, RetryPolicy retries, CampaignEconomics economics,
                       RegulatorRule rule, int maxLines) {
    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        listIds = List.copyOf(listIds);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("campaign " + id + " ends before it starts");
        }
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(economics, "economics");
        Objects.requireNonNull(rule, "rule");
        if (maxLines < 0) {
            throw new IllegalArgumentException("maxLines must not be negative");
        }
    }

    /** Whether {@code at} falls on a campaign day for a customer in {@code zone}. */
    public boolean runsOn(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
