package cc.core.contract;

import java.time.Instant;
import java.util.Map;

/**
 * A call is ringing an agent's phone.
 *
 * @param agentId        the agent being rung
 * @param interactionId  the call's interaction record (empty if the recorder has not opened it)
 * @param callerUniqueId the caller's channel Uniqueid
 * @param callerNumber   the caller's number
 * @param queue          the queue the call waited in
 * @param data           what the IVR learned (account number, customer id, topic, language...)
 * @param at             when the agent's phone started ringing
 */
public record CallOffered(String agentId, String interactionId, String callerUniqueId, String callerNumber,
                          String queue, Map<String, String> data, Instant at) {
    public CallOffered {
        data = Map.copyOf(data);
    }
}
