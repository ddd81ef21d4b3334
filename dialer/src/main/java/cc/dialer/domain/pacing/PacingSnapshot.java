package cc.dialer.domain.pacing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the pacer decides from, at one moment.
 *
 * @param now            the moment
 * @param policy         the campaign's pacing settings
 * @param agents         the campaign's logged-in agents
 * @param ringingSeconds for each dial still ringing (not yet answered or ended), seconds since it was placed
 * @param waitingCalls   live calls answered and waiting for an agent now
 * @param estimates      what the pacer believes about calls and agents
 * @param window         the regulator window's counts as of {@code now}
 */
public record PacingSnapshot(Instant now, PacingPolicy policy, List<AgentView> agents, List<Double> ringingSeconds,
                             int waitingCalls, PacingEstimates estimates, AbandonCounts window) {
    public PacingSnapshot {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
        agents = List.copyOf(agents);
        ringingSeconds = List.copyOf(ringingSeconds);
        Objects.requireNonNull(estimates, "estimates");
        Objects.requireNonNull(window, "window");
        if (waitingCalls < 0) {
            throw new IllegalArgumentException("waitingCalls must not be negative");
        }
    }
}
