package cc.core.contract;

import java.time.Instant;
import java.util.Map;

/**
 * The IVR hands a caller to the ACD.
 *
 * @param uniqueId  the caller's channel Uniqueid
 * @param channel   the caller's channel name
 * @param queue     the queue to wait in
 * @param priority  the caller's priority (higher is served first)
 * @param language  the caller's language ({@code fa}, {@code en}) for announcements
 * @param data      what the IVR learned (account number, customer id, topic, ...)
 * @param at        when
 */
public record EnqueueCall(String uniqueId, String channel, String queue, int priority, String language,
                          Map<String, String> data, Instant at) {
    /**
     * {@link #data()} key with the recording policy ({@code always}, {@code never}, {@code on-demand}) that wins over
     * the queue's: an outbound campaign's own policy for its answered calls.
     */
    public static final String RECORDING_KEY = "recording";

    public EnqueueCall {
        data = Map.copyOf(data);
    }
}
