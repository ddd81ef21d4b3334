package cc.core.contract;

/**
 * An agent records the outcome of a call. Core's recorder is the one writer of interaction records, so every
 * change goes through it.
 *
 * @param interactionId the interaction
 * @param agentId       the agent saving it (must be the agent who took the call)
 * @param disposition   the outcome code
 * @param notes         the agent's notes
 */
public record DisposeInteraction(String interactionId, String agentId, String disposition, String notes) {}
