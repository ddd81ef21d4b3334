package cc.console.adapter.http;

import cc.console.app.Sessions;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The live channel's socket over a real WebSocket on loopback. */
class WebSocketLiveClientIT {
    private Vertx vertx;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() {
        Await.result(vertx.close());
    }

    @Test
    @DisplayName("an update sent while the greeting is being built reaches the page after the greeting, not before it")
    void greetingFirst() throws Exception {
        Sessions.Session session = new Sessions(InstantSource.system(), Duration.ofHours(1))
                .open(new Principal("sara", "Sara", Role.SUPERVISOR, "", "en", ""));
        HttpServer server = Await.result(vertx.createHttpServer().webSocketHandler(ws -> {
            WebSocketLiveClient client = new WebSocketLiveClient(ws, session);
            // a moment after the upgrade, so the page's handler is listening
            vertx.setTimer(200, t -> {
                // in the hub already: an agent's change comes before the greeting (whose snapshot is older) is sent
                client.send("{\"type\":\"agent-state\",\"state\":\"on-call\"}", false);
                client.send("{\"type\":\"wallboard\"}", true);
                client.greet("{\"type\":\"hello\",\"state\":\"available\"}");
                client.send("{\"type\":\"later\"}", false);
            });
        }).listen(0, "127.0.0.1"));
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocketClient http = vertx.createWebSocketClient();
        WebSocket ws = Await.result(http.connect(server.actualPort(), "127.0.0.1", "/live"));
        ws.textMessageHandler(received::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of("{\"type\":\"hello\",\"state\":\"available\"}",
                "{\"type\":\"agent-state\",\"state\":\"on-call\"}", "{\"type\":\"wallboard\"}", "{\"type\":\"later\"}"),
                received, "the greeting first, then what was held in order, then the rest");
    }
}
