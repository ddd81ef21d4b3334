package cc.acd.domain.agent;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's state at one moment: the status, why (for pauses), since when, and the call it concerns.
 *
 * @param status the status
 * @param reason the pause reason code ({@link #RING_NO_ANSWER}, {@code break}, {@code training}...), empty otherwise
 * @param since  when the agent entered this state
 * @param callId the call the agent is reserved for, ringing with, talking on or wrapping up; empty if none
 */
public record AgentState(AgentStatus status, String reason, Instant since, String callId) {
    /** The reason code of the pause the router puts an agent in when the agent's phone rang out. */
    public static final String RING_NO_ANSWER = "ring-no-answer";

    public AgentState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        reason = reason == null ? "" : reason;
        callId = callId == null ? "" : callId;
        if (status == AgentStatus.PAUSED && reason.isEmpty()) {
            throw new IllegalArgumentException("a pause needs a reason code");
        }
    }

    public static AgentState loggedOut(Instant since) {
        return new AgentState(AgentStatus.LOGGED_OUT, "", since, "");
    }

    /**
     * The state after a move the state machine allows.
     *
     * @throws IllegalTransitionException when the move is not legal from this state
     */
    public AgentState moveTo(AgentStatus target, String newReason, Instant at, String newCallId) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(status, target);
        }
        return new AgentState(target, target == AgentStatus.PAUSED ? newReason : "", at, newCallId);
    }
}
