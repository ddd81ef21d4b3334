package cc.core.contract;

import java.time.Instant;

/**
 * An agent's state as the ACD holds it.
 *
 * @param agentId the agent
 * @param status  {@code logged-out}, {@code available}, {@code reserved}, {@code ringing}, {@code on-call},
 *                {@code wrap-up} or {@code paused}
 * @param reason  the pause reason code ({@code ring-no-answer} when the ACD paused the agent), empty otherwise
 * @param since   when the agent entered the state
 * @param callId  the call the state concerns (the caller's Uniqueid), empty if none
 */
public record AgentStatusChanged(String agentId, String status, String reason, Instant since, String callId) {}
