package cc.dialer.domain.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Time an agent was logged in to a campaign on one day.
 *
 * @param campaignId the campaign
 * @param agentId    the agent
 * @param day        the day, in the report's zone
 * @param loggedIn   how long
 */
public record AgentTime(String campaignId, String agentId, LocalDate day, Duration loggedIn) {
    public AgentTime {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(loggedIn, "loggedIn");
    }
}
