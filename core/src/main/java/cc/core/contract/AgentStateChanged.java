package cc.core.contract;

import java.time.Instant;

/**
 * An agent's state changed.
 *
 * @param agentId the agent
 * @param state   {@code logged-out}, {@code available}, {@code reserved}, {@code ringing}, {@code on-call},
 *                {@code wrap-up}, {@code paused}
 * @param reason  the pause reason code, empty otherwise
 * @param since   when the agent entered the state
 * @param callId  the call the state concerns (the caller's channel Uniqueid, or the ACD's id of a callback): the
 *                call the agent is reserved for, ringing with, talking on or wrapping up; empty otherwise
 */
public record AgentStateChanged(String agentId, String state, String reason, Instant since, String callId) {
    public AgentStateChanged {
        reason = reason == null ? "" : reason;
        callId = callId == null ? "" : callId;
    }

    /** A state that concerns no call (available, paused, logged out). */
    public AgentStateChanged(String agentId, String state, String reason, Instant since) {
        this(agentId, state, reason, since, "");
    }
}
