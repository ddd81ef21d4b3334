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
 */
public record AgentStateChanged(String agentId, String state, String reason, Instant since) {}
