package cc.console.app;

import cc.console.domain.auth.Principal;

/** One open live channel (a WebSocket) of a signed-in user. Implementations are thread-safe. */
public interface LiveClient {
    Principal principal();

    String sessionId();

    /**
     * Sends a text message. A {@code droppable} message (a wallboard snapshot the next one replaces) may be skipped
     * when the client is not keeping up; others are queued.
     */
    void send(String text, boolean droppable);

    void close();
}
