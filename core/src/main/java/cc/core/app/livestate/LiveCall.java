package cc.core.app.livestate;

import java.time.Instant;
import java.util.Map;

/**
 * A call in progress, as every node sees it.
 *
 * @param interactionId the interaction record of the call
 * @param server        the telephony server carrying it
 * @param channel       the customer's channel
 * @param state         where it is (ivr, queued, ringing-agent, talking, wrap-up)
 * @param queue         the queue it waits in, empty if none
 * @param priority      its routing priority (higher first)
 * @param since         when it entered the state
 * @param agentId       the agent it is offered to or talks with, empty if none
 * @param routing       what a node taking over routing needs to route the call as the old leader would: the
 *                      caller's data from the IVR (customer, skills asked for, language), a callback's number and
 *                      due time; empty when there is nothing to route
 */
public record LiveCall(String interactionId, String server, String channel, String state, String queue,
                       int priority, Instant since, String agentId, Map<String, String> routing) {
    public LiveCall {
        queue = queue == null ? "" : queue;
        agentId = agentId == null ? "" : agentId;
        routing = routing == null ? Map.of() : Map.copyOf(routing);
    }
}
