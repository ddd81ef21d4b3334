package cc.console.adapter.http;

import cc.console.app.Sessions;
import cc.console.domain.auth.CsrfTokens;
import cc.console.domain.auth.Role;
import cc.console.testing.ChatFixture;
import cc.core.contract.EndMedia;
import cc.core.testkit.Await;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web chat end to end over real WebSockets and real PostgreSQL: a visitor's socket on {@code /help/chat/ws}, agents'
 * live channels on {@code /live}, the agents' REST under {@code /api/chats}; the ACD's side is
 * {@link cc.console.testing.AcdMediaStandIn}.
 */
class ChatIT {
    private static ChatFixture f;
    private static WebSocketClient sockets;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        f = new ChatFixture();
        sockets = f.vertx.createWebSocketClient();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** One socket's text frames as JSON, in arrival order. */
    static final class Frames {
        final WebSocket ws;
        final BlockingQueue<JsonObject> in = new LinkedBlockingQueue<>();
        volatile boolean closed;
        volatile Short closeCode;

        Frames(WebSocket ws) {
            this.ws = ws;
            ws.textMessageHandler(t -> in.add(new JsonObject(t)));
            ws.closeHandler(v -> {
                closeCode = ws.closeStatusCode();
                closed = true;
            });
        }

        JsonObject next(String type) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                JsonObject m = in.poll(100, TimeUnit.MILLISECONDS);
                if (m != null && type.equals(m.getString("type"))) {
                    return m;
                }
            }
            throw new AssertionError("no '" + type + "' frame within 10 s");
        }

        void send(JsonObject frame) {
            Await.result(ws.writeTextMessage(frame.encode()));
        }
    }

    private Frames visitor(String origin) {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(f.port())
                .setURI(ChatWeb.SOCKET);
        if (origin != null) {
            o.addHeader("Origin", origin);
        }
        return new Frames(Await.result(sockets.connect(o)));
    }

    /** An agent's live channel, once the console counts it (the hello may come before a handler is set). */
    private Frames live(Sessions.Session s) {
        int before = f.console.hub().size();
        Frames live = new Frames(Await.result(sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(f.port()).setURI("/live").addHeader("Cookie", ConsoleWeb.COOKIE + "=" + s.id()))));
        Await.until(() -> io.vertx.core.Future.succeededFuture(f.console.hub().size() > before),
                java.time.Duration.ofSeconds(10), "the live channel registered");
        return live;
    }

    private HttpResponse<String> call(Sessions.Session s, String method, String path, JsonObject body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f.base() + path))
                .header("Cookie", ConsoleWeb.COOKIE + "=" + s.id());
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").header(CsrfTokens.HEADER, s.csrfToken())
                    .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String join(Frames v, String name, String topic, String queue) throws InterruptedException {
        v.send(new JsonObject().put("type", "join").put("name", name).put("topic", topic).put("language", "en")
                .put("queue", queue));
        return v.next("chat-joined").getString("chatId");
    }

    @Test
    @DisplayName("a visitor and the agent holding the chat exchange messages in order, see each other type, and the"
            + " visitor leaving ends it for the agent and the ACD; the transcript is stored; others are refused")
    void conversation() throws Exception {
        Sessions.Session amir = f.session("amir", Role.AGENT, "a7", "en");
        Sessions.Session bita = f.session("bita", Role.AGENT, "a8", "en");
        Sessions.Session sup = f.session("sara", Role.SUPERVISOR, "", "en");
        Frames agent = live(amir);
        Frames other = live(bita);
        Frames v = visitor(f.base());
        String chatId = join(v, "Reza <b>", "refund for order 42", "support");
        JsonObject opened = agent.next("chat-opened");
        assertEquals(chatId, opened.getString("chatId"));
        assertEquals("Reza <b>", opened.getJsonObject("chat").getString("visitorName"));
        assertEquals("refund for order 42", opened.getJsonObject("chat").getString("topic"));
        v.next("chat-assigned");

        v.send(new JsonObject().put("type", "typing").put("typing", true));
        JsonObject typing = agent.next("chat-typing");
        assertEquals("visitor", typing.getString("from"));
        assertTrue(typing.getBoolean("typing"));
        v.send(new JsonObject().put("type", "message").put("text", "salam, <script>alert(1)</script>"));
        JsonObject first = agent.next("chat-message");
        assertEquals(1, first.getLong("seq"));
        assertEquals("salam, <script>alert(1)</script>", first.getString("text"));

        assertEquals(202, call(amir, "POST", "/api/chats/" + chatId + "/typing", new JsonObject().put("typing", true))
                .statusCode());
        assertEquals("agent", v.next("chat-typing").getString("from"));
        HttpResponse<String> sent = call(amir, "POST", "/api/chats/" + chatId + "/messages",
                new JsonObject().put("text", "hello Reza"));
        assertEquals(202, sent.statusCode(), sent.body());
        JsonObject reply = v.next("chat-message");
        assertEquals(2, reply.getLong("seq"));
        assertEquals("agent", reply.getString("from"));
        assertEquals("hello Reza", reply.getString("text"));
        assertTrue(!reply.containsKey("agentId"), "the visitor is not told agent ids");

        // another agent may neither read nor write it; a supervisor reads it but may not write
        assertEquals(403, call(bita, "POST", "/api/chats/" + chatId + "/messages",
                new JsonObject().put("text", "me too")).statusCode());
        assertEquals(403, call(bita, "GET", "/api/chats/" + chatId, null).statusCode());
        assertEquals(403, call(sup, "POST", "/api/chats/" + chatId + "/close", new JsonObject()).statusCode());
        assertEquals(400, call(amir, "POST", "/api/chats/" + chatId + "/messages",
                new JsonObject().put("text", "x".repeat(2001))).statusCode());
        HttpResponse<String> live = call(amir, "GET", "/api/chats/" + chatId, null);
        assertEquals(200, live.statusCode());
        assertEquals(2, new JsonObject(live.body()).getJsonArray("lines").size());

        v.send(new JsonObject().put("type", "leave"));
        assertEquals("customer-left", agent.next("chat-ended").getString("reason"));
        Await.until(() -> io.vertx.core.Future.succeededFuture(f.acd.ends().stream()
                .anyMatch(e -> e.interactionId().equals(chatId) && e.reason().equals(EndMedia.CUSTOMER_LEFT))),
                java.time.Duration.ofSeconds(10), "EndMedia customer-left sent to the ACD");
        assertTrue(other.in.stream().noneMatch(m -> chatId.equals(m.getString("chatId"))),
                "nothing of the chat reached another agent's socket");

        awaitTranscript(amir, chatId, t -> t.getString("state", "").equals("ended"), "the chat stored as ended");
        JsonObject t = transcript(amir, chatId);
        JsonArray lines = t.getJsonArray("lines");
        assertEquals(List.of("salam, <script>alert(1)</script>", "hello Reza"),
                lines.stream().map(o -> ((JsonObject) o).getString("text")).toList());
        assertEquals(List.of("visitor", "agent"), lines.stream().map(o -> ((JsonObject) o).getString("from")).toList());
        assertEquals("customer-left", t.getString("endReason"));
        assertEquals(200, call(sup, "GET", "/api/chats/" + chatId, null).statusCode());
        assertEquals(403, call(bita, "GET", "/api/chats/" + chatId, null).statusCode());
    }

    /** Reads the chat as {@code s} until it reads (200) and {@code done} holds; refusals while it is stored count as not yet. */
    private void awaitTranscript(Sessions.Session s, String chatId, java.util.function.Predicate<JsonObject> done,
            String what) {
        Await.until(() -> {
            HttpResponse<String> r;
            try {
                r = call(s, "GET", "/api/chats/" + chatId, null);
            } catch (Exception e) {
                return io.vertx.core.Future.failedFuture(e);
            }
            return io.vertx.core.Future.succeededFuture(r.statusCode() == 200 && done.test(new JsonObject(r.body())));
        }, java.time.Duration.ofSeconds(10), what);
    }

    private JsonObject transcript(Sessions.Session s, String chatId) {
        HttpResponse<String> r;
        try {
            r = call(s, "GET", "/api/chats/" + chatId, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    @Test
    @DisplayName("an agent transfers a chat to a queue: the visitor is told and waits, the next agent gets it with"
            + " the lines so far, the first agent can no longer write")
    void transfer() throws Exception {
        Sessions.Session amir = f.session("amir2", Role.AGENT, "a7", "en");
        Sessions.Session bita = f.session("bita2", Role.AGENT, "a8", "fa");
        Frames first = live(amir);
        Frames second = live(bita);
        Frames v = visitor(null);
        String chatId = join(v, "Mina", "buy a plan", "support");
        first.next("chat-opened");
        v.send(new JsonObject().put("type", "message").put("text", "which plan is cheapest?"));
        first.next("chat-message");
        HttpResponse<String> r = call(amir, "POST", "/api/chats/" + chatId + "/transfer",
                new JsonObject().put("queue", "sales"));
        assertEquals(202, r.statusCode(), r.body());
        assertEquals("sales", v.next("chat-transferred").getString("queue"));
        assertEquals("transferred", first.next("chat-ended").getString("reason"));
        JsonObject opened = second.next("chat-opened");
        assertEquals(chatId, opened.getString("chatId"));
        assertEquals("which plan is cheapest?", opened.getJsonObject("chat").getJsonArray("lines")
                .getJsonObject(0).getString("text"));
        assertEquals(403, call(amir, "POST", "/api/chats/" + chatId + "/messages",
                new JsonObject().put("text", "still mine?")).statusCode());
        assertEquals(202, call(bita, "POST", "/api/chats/" + chatId + "/messages",
                new JsonObject().put("text", "the basic plan")).statusCode());
        assertEquals("the basic plan", v.next("chat-message").getString("text"));
        assertEquals(202, call(bita, "POST", "/api/chats/" + chatId + "/close", new JsonObject()).statusCode());
        assertEquals("closed", v.next("chat-ended").getString("reason"));
        // the first agent held it once, so reads the stored transcript once it is written (until then the chat is
        // still live with the second agent, which the first may not read)
        awaitTranscript(amir, chatId, t -> t.getJsonArray("lines").size() == 2, "both lines stored");
    }

    @Test
    @DisplayName("the public socket refuses other sites, frames over the limit, and a fourth open chat from one address")
    void limits() throws Exception {
        Throwable refused = Await.failure(sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(f.port()).setURI(ChatWeb.SOCKET).addHeader("Origin", "https://evil.example")));
        assertTrue(String.valueOf(refused.getMessage()).contains("403"), String.valueOf(refused.getMessage()));

        Frames big = visitor(null);
        big.ws.writeTextMessage(new JsonObject().put("type", "message").put("text", "x".repeat(20_000)).encode());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!big.closed && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(big.closed, "an oversized frame closes the socket");
        assertEquals((short) 1009, big.closeCode);

        List<Frames> open = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Frames v = visitor(null);
            join(v, "V" + i, "", "");
            open.add(v);
        }
        Frames fourth = visitor(null);
        fourth.send(new JsonObject().put("type", "join").put("name", "V4").put("language", "en"));
        assertEquals("too-many-chats", fourth.next("chat-error").getString("code"));
        Frames bad = visitor(null);
        bad.send(new JsonObject().put("type", "join").put("name", "").put("language", "en"));
        assertEquals("bad-name", bad.next("chat-error").getString("code"));
        for (Frames v : open) {
            v.send(new JsonObject().put("type", "leave"));
            v.next("chat-ended");
        }
    }

    @Test
    @DisplayName("a visitor whose socket drops comes back with the page's token: the lines missed arrive and the chat"
            + " goes on with the same agent; a wrong token is refused")
    void reconnect() throws Exception {
        Sessions.Session amir = f.session("amir3", Role.AGENT, "a7", "en");
        Frames agent = live(amir);
        Frames v = visitor(null);
        v.send(new JsonObject().put("type", "join").put("name", "Leila").put("topic", "delivery")
                .put("language", "fa"));
        JsonObject joined = v.next("chat-joined");
        String chatId = joined.getString("chatId");
        String token = joined.getString("token");
        agent.next("chat-opened");
        v.send(new JsonObject().put("type", "message").put("text", "where is my parcel?"));
        agent.next("chat-message");
        Await.result(v.ws.close());
        assertEquals(202, call(amir, "POST", "/api/chats/" + chatId + "/messages",
                new JsonObject().put("text", "it left the depot today")).statusCode());
        assertEquals("it left the depot today", agent.next("chat-message").getString("text"));

        Frames again = visitor(null);
        again.send(new JsonObject().put("type", "resume").put("token", "not-the-token").put("lastSeq", 0));
        assertEquals("no-chat", again.next("chat-error").getString("code"));
        Frames back = visitor(null);
        back.send(new JsonObject().put("type", "resume").put("token", token).put("lastSeq", 1));
        JsonObject resumed = back.next("chat-resumed");
        assertEquals("held", resumed.getString("state"));
        assertEquals(List.of("it left the depot today"), resumed.getJsonArray("lines").stream()
                .map(o -> ((JsonObject) o).getString("text")).toList());
        back.send(new JsonObject().put("type", "message").put("text", "thanks"));
        JsonObject line = agent.next("chat-message");
        assertEquals("thanks", line.getString("text"));
        assertEquals(3, line.getLong("seq"));
        back.send(new JsonObject().put("type", "leave"));
        agent.next("chat-ended");
    }
}
