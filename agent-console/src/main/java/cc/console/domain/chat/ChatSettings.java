package cc.console.domain.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of web chats ({@code chat:} in the server's configuration).
 *
 * @param defaultQueue     the queue a chat waits in when the page names none
 * @param queues           the queues a visitor may ask for (the page's topics lead there)
 * @param maxMessageChars  longest message, either side
 * @param messagesPerWindow how many messages a visitor may send within {@code rateWindow}
 * @param rateWindow       the window of that limit
 * @param visitorIdle      a visitor who sends nothing and has no socket open this long has left
 * @param reconnectGrace   how long a visitor whose socket dropped may come back to the same chat
 * @param maxChatsPerAddress open chats one network address may have at once
 * @param maxNameChars     longest visitor name
 * @param maxTopicChars    longest topic
 */
public record ChatSettings(String defaultQueue, java.util.Set<String> queues, int maxMessageChars,
                           int messagesPerWindow, Duration rateWindow, Duration visitorIdle, Duration reconnectGrace,
                           int maxChatsPerAddress, int maxNameChars, int maxTopicChars) {
    public ChatSettings {
        Objects.requireNonNull(defaultQueue, "defaultQueue");
        queues = java.util.Set.copyOf(queues);
        if (maxMessageChars < 1 || messagesPerWindow < 1 || maxChatsPerAddress < 1 || maxNameChars < 1
                || maxTopicChars < 1) {
            throw new IllegalArgumentException("chat limits must be at least 1");
        }
        if (rateWindow.isNegative() || rateWindow.isZero() || visitorIdle.isNegative() || visitorIdle.isZero()
                || reconnectGrace.isNegative()) {
            throw new IllegalArgumentException("chat durations must be positive");
        }
    }

    /** The defaults of {@code config/server.yaml}. */
    public static ChatSettings defaults() {
        return new ChatSettings("support", java.util.Set.of("support", "sales"), 2_000, 20, Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofSeconds(60), 3, 80, 200);
    }

    /** Whether a visitor may ask for this queue. */
    public boolean offersQueue(String queue) {
        return queue.equals(defaultQueue) || queues.contains(queue);
    }
}
