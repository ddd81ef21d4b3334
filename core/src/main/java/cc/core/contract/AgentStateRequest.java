package cc.core.contract;

/**
 * An agent asks to change state.
 *
 * @param agentId the agent
 * @param status  {@code available}, {@code paused} or {@code logged-out}
 * @param reason  the pause reason code ({@code break}, {@code lunch}, {@code training}...), empty otherwise
 */
public record AgentStateRequest(String agentId, String status, String reason) {
    public AgentStateRequest {
        reason = reason == null ? "" : reason;
    }
}
