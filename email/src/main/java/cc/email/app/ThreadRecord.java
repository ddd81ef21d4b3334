package cc.email.app;

import java.util.List;
import java.util.Optional;

/**
 * A stored thread as the desk needs it to answer.
 *
 * @param messageIds the Message-IDs of its messages, oldest first
 */
public record ThreadRecord(long threadId, long caseNumber, String interactionId, String subject,
                           String customerAddress, String customerName, Optional<Long> customerId, String language,
                           String queue, boolean open, Optional<String> holder, List<String> messageIds) {
    public ThreadRecord {
        messageIds = List.copyOf(messageIds);
    }
}
