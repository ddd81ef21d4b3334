package cc.core.contract;

import java.time.Instant;

/**
 * The agent's answer to a {@link MediaOffered}.
 *
 * @param agentId       the agent answering (the console checks it is the signed-in agent)
 * @param interactionId the contact offered
 * @param accept        true to take it, false to decline (it goes back to the queue, ahead of later arrivals)
 * @param at            when
 */
public record AnswerMediaOffer(String agentId, String interactionId, boolean accept, Instant at) {}
