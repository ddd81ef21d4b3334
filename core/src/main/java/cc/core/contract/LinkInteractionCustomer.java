package cc.core.contract;

import java.util.Objects;

/**
 * Sets the customer of a contact whose customer was unknown (a chat visitor, an email sender the agent recognised),
 * so it shows on the customer's timeline ({@link MediaAddresses#LINK_CUSTOMER}).
 *
 * @param interactionId the contact
 * @param customerId    the customer
 * @param agentId       the agent asking, who must hold or have held the contact; empty for a supervisor (the console
 *                      checked the role)
 */
public record LinkInteractionCustomer(String interactionId, long customerId, String agentId) {
    public LinkInteractionCustomer {
        Objects.requireNonNull(interactionId, "interactionId");
        if (customerId <= 0) {
            throw new IllegalArgumentException("customerId must be positive");
        }
        agentId = agentId == null ? "" : agentId;
    }
}
