package cc.console.app;

import cc.console.domain.chat.ChatMessage;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where chats and their transcripts are kept (console V5). Implementations are thread-safe. */
public interface ChatStore {
    /**
     * Writes of the chat desk, in this order, in one transaction (what the chat desk gathered while the previous
     * batch was being written): {@link cc.console.domain.chat.ChatOutput.Opened}, {@code Held}, {@code Store},
     * {@code Closed}; other outputs are ignored.
     */
    Future<Void> write(List<cc.console.domain.chat.ChatOutput> writes);

    /** Where an open chat is kept: the node whose desk has it. */
    record Desk(String chatId, String node) {}

    /** The open chats another node's desk has (this store's node excluded), for finding a dead node's chats. */
    Future<List<Desk>> openElsewhere();

    /** The open chat a visitor's token belongs to (by its hash), and the node whose desk has it. */
    Future<Optional<Desk>> openChat(String tokenHash);

    /**
     * Moves an open chat's desk from {@code fromNode} to this store's node and reads it whole; empty when the chat is
     * over or another node took it first (its desk is no longer {@code fromNode}).
     */
    Future<Optional<cc.console.domain.chat.ChatBook.Kept>> takeOver(String chatId, String fromNode);

    /** The open chats an agent holds (not waiting in a queue), oldest first, with their transcripts as stored. */
    Future<List<Transcript>> heldBy(String agentId);

    /** A chat with its transcript, open or ended. */
    Future<Optional<Transcript>> transcript(String chatId);

    /** A chat as stored: who, about what, who held it, its lines in order. */
    record Transcript(String chatId, String visitorName, String topic, String language, String customerId,
                      String queue, String agentId, List<String> holders, Instant startedAt,
                      Optional<Instant> endedAt, String endReason, List<ChatMessage> lines) {}
}
