package cc.acd.domain.metrics;

import cc.acd.domain.agent.AgentState;
import cc.acd.domain.agent.AgentStatus;

import java.time.Duration;
import java.util.Map;

/**
 * One agent's figures for the current interval.
 *
 * @param agentId      the agent
 * @param state        the state now
 * @param timeInStatus time spent in each status during the interval (statuses never entered are absent)
 * @param callsHandled calls the agent answered in the interval
 */
public record AgentMetrics(String agentId, AgentState state, Map<AgentStatus, Duration> timeInStatus,
                           long callsHandled) {
    public AgentMetrics {
        timeInStatus = Map.copyOf(timeInStatus);
    }

    public Duration timeIn(AgentStatus status) {
        return timeInStatus.getOrDefault(status, Duration.ZERO);
    }
}
