package cc.core.contract;

import java.time.Instant;

/**
 * The agent holding a chat or email sends it to a queue; it keeps its first waiting time there.
 *
 * @param interactionId the contact
 * @param agentId       the agent holding it (refused with 409 when that is not so)
 * @param queue         the queue to send it to
 * @param at            when
 */
public record TransferMedia(String interactionId, String agentId, String queue, Instant at) {}
