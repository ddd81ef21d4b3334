package cc.core.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer asked to be called.
 *
 * @param requestId   the request's id, chosen by the page (shown to the customer as a reference)
 * @param number      the number to call, as the customer typed it (the dialer normalises and checks it)
 * @param language    the customer's language ({@code fa}, {@code en}): the confirmation prompt and the agent's pop
 * @param queue       the queue the confirmed customer waits in
 * @param topic       what the customer wants to talk about, shown on the agent's pop
 * @param customerId  the CRM customer, when the page knew them
 * @param callAt      when to call: now (the request's time) or the time the customer chose
 * @param requestedAt when the request was made: the place in line the confirmed customer keeps
 */
public record ClickToTalkRequest(String requestId, String number, String language, String queue, String topic,
                                 Optional<Long> customerId, Instant callAt, Instant requestedAt) {
    public ClickToTalkRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(number, "number");
        language = language == null ? "" : language;
        Objects.requireNonNull(queue, "queue");
        topic = topic == null ? "" : topic;
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(callAt, "callAt");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
