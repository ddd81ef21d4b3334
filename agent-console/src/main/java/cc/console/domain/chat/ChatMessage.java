package cc.console.domain.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a chat's transcript. Sequence numbers count from 1 per chat across both sides, so the transcript's
 * order is the order the chat's owner accepted the lines, whatever order they are written in.
 *
 * @param chatId  the chat (its interaction id)
 * @param seq     1, 2, 3... within the chat
 * @param from    who wrote it
 * @param agentId the agent who wrote it, empty for the visitor and the system
 * @param text    the text as written (never interpreted as markup)
 * @param at      when it was accepted
 */
public record ChatMessage(String chatId, long seq, Sender from, String agentId, String text, Instant at) {
    /** Who wrote a line: the visitor, the agent, or the system (joined, transferred, left). */
    public enum Sender {
        VISITOR, AGENT, SYSTEM;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Sender of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public ChatMessage {
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(from, "from");
        agentId = agentId == null ? "" : agentId;
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
