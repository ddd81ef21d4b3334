package cc.console.adapter.http;

import cc.console.app.LiveClient;
import cc.console.app.Sessions;
import cc.console.domain.auth.Principal;
import io.vertx.core.http.ServerWebSocket;

/**
 * A live channel on a server WebSocket. Writes may come from any thread (Vert.x hands them to the socket's event
 * loop); droppable messages are skipped while the socket's write queue is full, so a slow wallboard browser cannot
 * make the server buffer without bound.
 */
final class WebSocketLiveClient implements LiveClient {
    private final ServerWebSocket socket;
    private final Sessions.Session session;

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

    @Override
    public void send(String text, boolean droppable) {
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
