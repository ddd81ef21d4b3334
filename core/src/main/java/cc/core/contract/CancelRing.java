package cc.core.contract;

/**
 * Call control withdraws a ring of one agent ({@link RingAgentFor}) that nobody answered yet: the consultation was
 * cancelled. The agent's phone stops ringing and the agent is available again, not paused as after a ring nobody
 * answered.
 *
 * @param ringId the ring's id
 */
public record CancelRing(String ringId) {}
