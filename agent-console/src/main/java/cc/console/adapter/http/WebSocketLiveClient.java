package cc.console.adapter.http;

import cc.console.app.LiveClient;
import cc.console.app.Sessions;
import cc.console.domain.auth.Principal;
import io.vertx.core.http.ServerWebSocket;

/**
 * A live channel on a server WebSocket. Writes may come from any thread (Vert.x hands them to the socket's event
 * loop); droppable messages are skipped while the socket's write queue is full, so a slow wallboard browser cannot
 * make the server buffer without bound.
 *
 * <p>The greeting goes first: the client is in the hub (so no update is missed) before its greeting is built from
 * the wallboard, and an update sent meanwhile is held and written after the greeting. Written before it, the
 * greeting's older snapshot would overwrite it in the page (an agent shown available who is on a call, until that
 * agent's next change; seen as a supervisor's grid without the call's controls).
 */
final class WebSocketLiveClient implements LiveClient {
    private final ServerWebSocket socket;
    private final Sessions.Session session;
    /** What was sent before the greeting, in order; null once greeted. Guarded by this. */
    private java.util.List<Held> held = new java.util.ArrayList<>();

    private record Held(String text, boolean droppable) {}

    WebSocketLiveClient(ServerWebSocket socket, Sessions.Session session) {
        this.socket = socket;
        this.session = session;
    }

    @Override
    public Principal principal() {
        return session.principal();
    }

    @Override
    public String sessionId() {
        return session.id();
    }

    /** Writes the greeting, then what was sent before it; later messages are written as they come. */
    synchronized void greet(String hello) {
        write(hello, false);
        for (Held h : held) {
            write(h.text(), h.droppable());
        }
        held = null;
    }

    @Override
    public void send(String text, boolean droppable) {
        synchronized (this) {
            if (held != null) {
                held.add(new Held(text, droppable));
                return;
            }
        }
        write(text, droppable);
    }

    private void write(String text, boolean droppable) {
        if (socket.isClosed() || (droppable && socket.writeQueueFull())) {
            return;
        }
        socket.writeTextMessage(text);
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
    }
}
