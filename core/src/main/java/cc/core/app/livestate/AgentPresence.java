package cc.core.app.livestate;

import java.time.Instant;

/**
 * An agent's live state as the other nodes and the wallboard see it.
 *
 * @param agentId   the agent
 * @param state     the state name (available, ringing, on-call, wrap-up, paused, logged-out)
 * @param reason    the pause reason code, empty otherwise
 * @param since     when the agent entered the state
 * @param nodeId    the node the agent's console is connected to
 * @param interactionId the interaction the agent is on, empty if none
 */
public record AgentPresence(String agentId, String state, String reason, Instant since, String nodeId,
                            String interactionId) {
    public AgentPresence {
        reason = reason == null ? "" : reason;
        interactionId = interactionId == null ? "" : interactionId;
    }
}
