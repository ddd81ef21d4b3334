package cc.console.app;

import cc.console.domain.chat.ChatMessage;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where chats and their transcripts are kept (console V5). Implementations are thread-safe. */
public interface ChatStore {
    /** A chat started. */
    Future<Void> open(String chatId, String visitorName, String topic, String language, String customerId,
                      String queue, Instant at);

    /** The chat's holder changed ({@code agentId} empty: it waits in {@code queue} again). */
    Future<Void> held(String chatId, String agentId, String queue);

    /** A line of the transcript. */
    Future<Void> append(ChatMessage message);

    /** The chat ended. */
    Future<Void> close(String chatId, String reason, Instant at);

    /** A chat with its transcript, open or ended. */
    Future<Optional<Transcript>> transcript(String chatId);

    /** A chat as stored: who, about what, who held it, its lines in order. */
    record Transcript(String chatId, String visitorName, String topic, String language, String customerId,
                      String queue, String agentId, List<String> holders, Instant startedAt,
                      Optional<Instant> endedAt, String endReason, List<ChatMessage> lines) {}
}
