package cc.core.contract;

import cc.core.domain.interaction.InteractionChannel;

import java.time.Instant;
import java.util.Map;

/**
 * A chat or email is offered to an agent (shown in the console until accepted, declined or timed out).
 *
 * @param agentId       the agent offered it
 * @param interactionId the contact
 * @param channel       its channel
 * @param queue         the queue it waited in
 * @param data          the {@link EnqueueMedia#data()} it came with (topic, customer, address...)
 * @param at            when the offer was made
 */
public record MediaOffered(String agentId, String interactionId, InteractionChannel channel, String queue,
                           Map<String, String> data, Instant at) {
    public MediaOffered {
        data = Map.copyOf(data);
    }
}
