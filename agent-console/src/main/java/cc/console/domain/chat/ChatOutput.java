package cc.console.domain.chat;

import java.time.Instant;
import java.util.Map;

/**
 * What {@link ChatBook} decides, as data for the chat desk to carry out: frames to the visitor's socket, pushes to
 * the agent's live channel, requests to the ACD and rows to store.
 */
public sealed interface ChatOutput {
    /** A frame for the visitor of {@code chatId}. */
    record ToVisitor(String chatId, Notice notice) implements ChatOutput {}

    /** A push to the live channel of the agent holding the chat (and nobody else). */
    record ToAgent(String agentId, String chatId, Notice notice) implements ChatOutput {}

    /** Ask the ACD for an agent ({@code EnqueueMedia}). */
    record Enqueue(String chatId, String queue, String language, Map<String, String> data, Instant firstWaitAt)
            implements ChatOutput {
        public Enqueue {
            data = Map.copyOf(data);
        }
    }

    /** Send the chat to another queue ({@code TransferMedia}). */
    record Transfer(String chatId, String agentId, String queue, Instant at) implements ChatOutput {}

    /** Tell the ACD the chat is over ({@code EndMedia}) with one of {@code EndMedia}'s reasons. */
    record End(String chatId, String reason, Instant at) implements ChatOutput {}

    /**
     * A new chat to keep: who, about what, from when; the hash of its token and the visitor's address, so that another
     * node's desk can take the chat over when its visitor comes back there ({@link ChatBook#adopt}).
     */
    record Opened(String chatId, String visitorName, String topic, String language, String customerId, String queue,
                  Instant at, String tokenHash, String address) implements ChatOutput {}

    /** A chat's holder changed (empty when it waits again). */
    record Held(String chatId, String agentId, String queue) implements ChatOutput {}

    /** A line of the transcript to store. */
    record Store(ChatMessage message) implements ChatOutput {}

    /** The chat is over, for the record. */
    record Closed(String chatId, String reason, Instant at) implements ChatOutput {}

    /** The request was refused; nothing changed. {@code code} names the rule, for the status or the frame. */
    record Refused(String code, String detail) implements ChatOutput {}

    /** What a visitor or an agent is told. */
    sealed interface Notice {}

    /** The chat waits: place in line (1 = next, 0 unknown) and estimated wait (-1 unknown). */
    record Waiting(String queue, int position, long estimatedWaitSeconds) implements Notice {}

    /** An agent holds the chat now. */
    record Assigned(String agentId) implements Notice {}

    /** A line of the chat. */
    record Said(ChatMessage message) implements Notice {}

    /** The other side started or stopped typing. */
    record Typing(ChatMessage.Sender who, boolean typing) implements Notice {}

    /** The agent sent the chat to another queue. */
    record Transferred(String queue) implements Notice {}

    /** The chat is over and why ({@code customer-left}, {@code closed}, {@code expired}, {@code transferred}). */
    record Ended(String reason) implements Notice {}
}
