package cc.core.contract;

import java.time.Instant;
import java.util.Map;

/**
 * A caller is being offered to an agent: the agent's phone rings (or, for a callback, the customer is being
 * called for the agent).
 *
 * @param callId   the caller's channel Uniqueid (for a callback: the callback's id)
 * @param agentId  the agent
 * @param queue    the queue the caller waited in
 * @param callback whether this is a callback being placed rather than a caller on the line
 * @param data     what the IVR learned ({@link EnqueueCall#data()}), for the screen-pop
 * @param at       when
 */
public record CallOffered(String callId, String agentId, String queue, boolean callback, Map<String, String> data,
                          Instant at) {
    public CallOffered {
        data = Map.copyOf(data);
    }
}
