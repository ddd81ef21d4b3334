package cc.acd.domain.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stretch of time an agent spent in one state, as kept in the agent state history.
 *
 * @param agentId   the agent
 * @param state     the {@link AgentStatus#wireName() wire name} of the state, kept as the ACD published it
 * @param reason    the pause reason code; empty for other states
 * @param callId    the call the spell concerns (reserved, ringing, on a call, wrap-up); empty otherwise
 * @param startedAt when the agent entered the state
 * @param endedAt   when the agent left it (the next spell's start); empty while it is the agent's current state
 */
public record AgentStateSpell(String agentId, String state, String reason, String callId, Instant startedAt,
                              Optional<Instant> endedAt) {
    public AgentStateSpell {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        reason = reason == null ? "" : reason;
        callId = callId == null ? "" : callId;
        if (endedAt.isPresent() && endedAt.get().isBefore(startedAt)) {
            throw new IllegalArgumentException("spell of " + agentId + " ends at " + endedAt.get()
                    + " before it starts at " + startedAt);
        }
    }

    public boolean isOpen() {
        return endedAt.isEmpty();
    }

    /**
     * The part of this spell inside {@code [from, to)}. An open spell counts up to {@code to}: pass the present as
     * {@code to} when the range reaches into the future.
     */
    public Duration timeWithin(Instant from, Instant to) {
        Instant start = startedAt.isAfter(from) ? startedAt : from;
        Instant end = endedAt.filter(e -> e.isBefore(to)).orElse(to);
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }
}
