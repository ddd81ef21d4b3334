package cc.core.contract;

import java.time.Instant;

/**
 * A call back to a customer, promised by an agent.
 *
 * @param number        the number to call
 * @param at            when to call (not before)
 * @param customerId    the customer, 0 if unknown
 * @param queue         the queue whose agents should take it, empty for the requesting agent's choice
 * @param agentId       the agent who promised it (preferred for the call back), empty if none
 * @param interactionId the call during which it was promised, empty if none
 * @param note          what the call back is about
 * @param requestedBy   the console user who asked
 */
public record ScheduleCallback(String number, Instant at, long customerId, String queue, String agentId,
                               String interactionId, String note, String requestedBy) {}
