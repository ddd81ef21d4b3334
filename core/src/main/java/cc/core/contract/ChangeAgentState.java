package cc.core.contract;

/**
 * Asks the ACD to change an agent's state.
 *
 * @param agentId     the agent
 * @param state       the wanted state ({@code available}, {@code paused}, {@code logged-out}, or
 *                    {@code available} to end wrap-up early)
 * @param reason      the pause reason code, empty otherwise
 * @param requestedBy the user asking (the agent, or a supervisor)
 */
public record ChangeAgentState(String agentId, String state, String reason, String requestedBy) {}
