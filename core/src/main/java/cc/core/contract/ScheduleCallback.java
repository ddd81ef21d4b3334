package cc.core.contract;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A call back to a customer, promised by an agent, or asked for on the web with "ring the agent first" (the dialer
 * hands such a click-to-talk request to the ACD this way: a free agent is rung first, then the agent's leg dials the
 * customer, who must confirm before the two are bridged).
 *
 * @param number         the number to call
 * @param at             when to call (not before)
 * @param customerId     the customer, 0 if unknown
 * @param queue          the queue whose agents should take it, empty for the requesting agent's choice
 * @param agentId        the agent who promised it (preferred for the call back), empty if none
 * @param interactionId  the call during which it was promised, empty if none
 * @param note           what the call back is about
 * @param requestedBy    the console user who asked
 * @param callId         the ACD call id to use (it names the call in every ACD publication); empty: one is made up
 * @param data           more of what the agent's pop shows (topic, language, the click-to-talk request id...)
 * @param dial           the agent leg's {@code Dial()} data with {@code {number}} for the customer's number, instead of
 *                       the ACD's {@code acd.callbackDial}; non-empty marks a callback the customer must confirm
 *                       ({@code CC_CALLBACK_CONFIRM} on the customer's channel), see {@link CallbackSettled}
 * @param keptPlaceSince the call waits as if queued since then (a click-to-talk request's time), empty: from {@code at}
 */
public record ScheduleCallback(String number, Instant at, long customerId, String queue, String agentId,
                               String interactionId, String note, String requestedBy, String callId,
                               Map<String, String> data, String dial, Optional<Instant> keptPlaceSince) {
    public ScheduleCallback {
        callId = callId == null ? "" : callId;
        data = data == null ? Map.of() : Map.copyOf(data);
        dial = dial == null ? "" : dial;
        keptPlaceSince = keptPlaceSince == null ? Optional.empty() : keptPlaceSince;
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(at, "at");
    }

    /** A callback an agent promised. */
    public ScheduleCallback(String number, Instant at, long customerId, String queue, String agentId,
                            String interactionId, String note, String requestedBy) {
        this(number, at, customerId, queue, agentId, interactionId, note, requestedBy, "", Map.of(), "",
                Optional.empty());
    }

    /** Whether the customer must confirm before the agent is bridged to them. */
    public boolean confirmFirst() {
        return !dial.isBlank();
    }
}
