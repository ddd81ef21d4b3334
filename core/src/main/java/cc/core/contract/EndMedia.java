package cc.core.contract;

import java.time.Instant;

/**
 * A chat or email contact is over.
 *
 * @param interactionId the contact
 * @param reason        {@code customer-left} (the visitor closed the chat or went away, waiting or not),
 *                      {@code closed} (the agent closed it), {@code answered} (the email was answered and closed) or
 *                      {@code expired} (nobody took it within the channel's limit)
 * @param at            when
 */
public record EndMedia(String interactionId, String reason, Instant at) {
    public static final String CUSTOMER_LEFT = "customer-left";
    public static final String CLOSED = "closed";
    public static final String ANSWERED = "answered";
    public static final String EXPIRED = "expired";
}
