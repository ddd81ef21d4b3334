package cc.core.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Live figures of chats and emails, published by the ACD with its wallboard figures ({@link MediaAddresses#STATS}).
 *
 * @param queues per queue and channel, the contacts waiting and offered (only pairs with any)
 * @param agents per agent holding or able to hold media, what it holds per channel and its capacity
 * @param at     when
 */
public record MediaStatsUpdated(List<QueueChannel> queues, List<AgentLoad> agents, Instant at) {
    public MediaStatsUpdated {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }

    /** One queue's contacts of one channel ({@code CHAT}, {@code EMAIL}). */
    public record QueueChannel(String queue, String channel, int waiting, int offered) {}

    /**
     * One agent's media work, e.g. chat 2 of 3.
     *
     * @param held     channel name to contacts held (offers and wrap-ups included)
     * @param capacity channel name ({@code VOICE}, {@code CHAT}, {@code EMAIL}) to the agent's capacity
     * @param mix      {@code voice-alone} or {@code free}
     */
    public record AgentLoad(String agentId, Map<String, Integer> held, Map<String, Integer> capacity, String mix) {
        public AgentLoad {
            held = Map.copyOf(held);
            capacity = Map.copyOf(capacity);
        }
    }
}
