package cc.core.contract;

import cc.core.domain.interaction.InteractionChannel;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A chat or email thread asks for an agent. The ACD opens the contact's interaction record from this if none exists
 * yet (channel, customer, the customer's address and the topic from {@link #data()}).
 *
 * @param interactionId the contact's interaction id, chosen by the channel
 * @param channel       {@code CHAT} or {@code EMAIL} (never {@code VOICE}: calls come through {@link EnqueueCall})
 * @param queue         the queue to wait in
 * @param priority      higher is served first
 * @param language      the customer's language ({@code fa}, {@code en})
 * @param data          what the channel knows, under the keys below and any others it wants on the agent's pop
 * @param at            when the contact started waiting; a transfer or a restart keeps the first one
 */
public record EnqueueMedia(String interactionId, InteractionChannel channel, String queue, int priority,
                           String language, Map<String, String> data, Instant at) {
    /** {@link #data()} key: what the customer wants, in their words (the chat topic, the email subject). */
    public static final String TOPIC_KEY = "topic";
    /** {@link #data()} key: the CRM customer id, when the channel recognised the customer. */
    public static final String CUSTOMER_KEY = "customerId";
    /** {@link #data()} key: how to reach the customer on this channel (the email address, the chat visitor's name). */
    public static final String ADDRESS_KEY = "address";

    public EnqueueMedia {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(channel, "channel");
        if (channel == InteractionChannel.VOICE) {
            throw new IllegalArgumentException("calls are enqueued with EnqueueCall, not EnqueueMedia");
        }
        Objects.requireNonNull(queue, "queue");
        language = language == null ? "" : language;
        data = Map.copyOf(data);
        Objects.requireNonNull(at, "at");
    }
}
