package cc.core.domain.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stretch of time an agent spent in one state, as the ACD's agent state history keeps it.
 *
 * @param state  {@code logged-out}, {@code available}, {@code reserved}, {@code ringing}, {@code on-call},
 *               {@code wrap-up} or {@code paused}
 * @param reason the pause reason code; empty for other states
 * @param end    empty while the agent is still in it
 */
public record StateSpell(String agentId, String state, String reason, Instant start, Optional<Instant> end) {
    public StateSpell {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
