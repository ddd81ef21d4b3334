package cc.console.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One browser's worth of session: the session cookie and CSRF token, over the JDK's HTTP and WebSocket client. */
public final class ConsoleClient {
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public String cookie = "";
    public String csrf = "";

    public ConsoleClient(String base) {
        this.base = base;
    }

    public HttpResponse<String> signIn(String username, String password) {
        HttpResponse<String> r = send("POST", "/api/session",
                new JsonObject().put("username", username).put("password", password), false);
        if (r.statusCode() == 200) {
            String setCookie = r.headers().firstValue("set-cookie").orElseThrow();
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
            csrf = new JsonObject(r.body()).getString("csrfToken");
        }
        return r;
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, false);
    }

    /** A change with the CSRF token. */
    public HttpResponse<String> change(String method, String path, JsonObject body) {
        return send(method, path, body, true);
    }

    /** A change without the CSRF token, as a forged cross-site request would arrive. */
    public HttpResponse<String> changeWithoutToken(String method, String path, JsonObject body) {
        return send(method, path, body, false);
    }

    public HttpResponse<String> send(String method, String path, JsonObject body, boolean withToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        if (withToken) {
            b.header("X-CSRF-Token", csrf);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Opens the live channel with this session's cookie; messages arrive in {@link Live#messages}. */
    public Live live() {
        return live(List.of());
    }

    /** A chat visitor's socket to the server at {@code base} ({@code http://host:port}), as the chat page opens it. */
    public static WebSocket chatVisitor(String base, Live frames) {
        return HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", base)
                .buildAsync(URI.create(base.replace("http:", "ws:") + "/help/chat/ws"), frames).join();
    }

    public Live live(List<String> extraHeaders) {
        Live live = new Live();
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        for (int i = 0; i + 1 < extraHeaders.size(); i += 2) {
            b.header(extraHeaders.get(i), extraHeaders.get(i + 1));
        }
        live.socket = b.buildAsync(URI.create(base.replace("http:", "ws:") + "/live"), live).join();
        return live;
    }

    /** A live channel collecting whole text messages. */
    public static final class Live implements WebSocket.Listener {
        public final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        /** Completes with the close code when the server closes the channel. */
        public final java.util.concurrent.CompletableFuture<Integer> closedByServer =
                new java.util.concurrent.CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closedByServer.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closedByServer.complete(-1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        /** The next message of this type (others are skipped); fails the test after 10 s. */
        public JsonObject next(String type) {
            return nextOf(type);
        }

        /** The next message of any of these types (others are skipped); fails the test after 10 s. */
        public JsonObject nextOf(String... types) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            java.util.List<String> wanted = java.util.List.of(types);
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    JsonObject m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
                    if (m == null) {
                        throw new AssertionError("no " + wanted + " message on the live channel within 10 s");
                    }
                    if (wanted.contains(m.getString("type"))) {
                        return m;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Sends a text message on the live channel. */
        public void send(String text) {
            socket.sendText(text, true).join();
        }

        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }
}
