package cc.core.contract;

import java.time.Instant;
import java.util.List;

/** Live figures of every queue and agent, for the wallboard. */
public record QueueStatsUpdated(List<QueueFigures> queues, List<AgentFigures> agents, Instant at) {
    public QueueStatsUpdated {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }

    /**
     * One queue, since the start of the current interval.
     *
     * @param serviceLevel share of answered calls answered within the queue's threshold, 0..1
     */
    public record QueueFigures(String queue, int waiting, long longestWaitSeconds, double serviceLevel,
                               long abandoned, long answered, double averageSpeedOfAnswerSeconds,
                               double averageHandleTimeSeconds) {}

    /** One agent: state and time in it, calls handled today. */
    public record AgentFigures(String agentId, String state, String reason, Instant since, long callsHandled) {}
}
