package cc.bench.cluster;

import cc.console.adapter.http.ConsoleWeb;
import cc.console.app.Sessions;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agents' browsers: each signs in over HTTP on its node (PBKDF2 on the server, the session cookie and CSRF token
 * back; or, past {@code --http-sign-ins}, with a session opened directly in the node's shared store), opens the live WebSocket there with the cookie, and goes available through the REST API. Every pop that
 * arrives is timed against the {@code offeredAt} the ACD put in the offer (all nodes and clients share this JVM's
 * clock) and handed to the open {@link PopFigures}.
 *
 * <p>Threading: sign-ins run on a small pool of threads; sockets on a client Vert.x of their own (2 event loops).
 */
final class AgentDesks implements AutoCloseable {
    /** Called on a client event loop for every pop: agent's node and when the offer was decided. */
    interface PopSeen {
        void seen(int agentNode, Instant offeredAt, Instant received);
    }

    private final Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final WebSocketClient ws;
    private final List<PopSeen> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicReference<List<PopFigures>> figures = new AtomicReference<>(List.of());
    final AtomicLong pops = new AtomicLong();
    final AtomicLong wrongSocket = new AtomicLong();
    final AtomicLong[] socketsOpen = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
    final AtomicLong available = new AtomicLong();
    final AtomicLong httpSignedIn = new AtomicLong();

    AgentDesks(int agents) {
        this.ws = clients.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(agents + 10)
                .setMaxFrameSize(1 << 20).setMaxMessageSize(16 << 20));
    }

    void watch(PopSeen watcher) {
        watchers.add(watcher);
    }

    /**
     * Signs in agents {@code 0..agents-1} (user {@code agent<i>}, agent {@code a<i>}), agent i on node {@code i % 3}
     * (its HTTP port in {@code ports}), {@code parallel} at a time; returns how many were signed in, connected and
     * available. The first {@code httpSignIns} sign in over HTTP; the others get their session opened directly in
     * their node's (shared) session store, which skips only the PBKDF2 work of the sign-in. Failures are counted and
     * printed, not thrown.
     */
    int signInAll(int agents, List<Integer> ports, List<Sessions> stores, String password, int parallel,
                  int httpSignIns) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Boolean>> done = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            int agent = i;
            int node = agent % 3;
            done.add(pool.submit(() -> signIn(agent, node, ports.get(node),
                    agent < httpSignIns ? null : stores.get(node), password)));
        }
        int ready = 0;
        for (Future<Boolean> f : done) {
            ready += f.get() ? 1 : 0;
        }
        pool.shutdown();
        return ready;
    }

    private boolean signIn(int agent, int node, int port, Sessions direct, String password) {
        String base = "http://127.0.0.1:" + port;
        try {
            String cookie;
            String csrf;
            if (direct != null) {
                Sessions.Session session = direct.open(new Principal("agent" + agent, "Agent " + agent, Role.AGENT,
                        "a" + agent, "en", ""));
                cookie = ConsoleWeb.COOKIE + "=" + session.id();
                csrf = session.csrfToken();
            } else {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "agent" + agent)
                                .put("password", password).encode())).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    System.out.printf("sign-in of agent%d on n%d: %d %s%n", agent, node + 1, r.statusCode(),
                            r.body());
                    return false;
                }
                String setCookie = r.headers().firstValue("set-cookie").orElseThrow();
                cookie = setCookie.substring(0, setCookie.indexOf(';'));
                if (!cookie.startsWith(ConsoleWeb.COOKIE + "=")) {
                    throw new IllegalStateException("unexpected cookie " + cookie);
                }
                csrf = new JsonObject(r.body()).getString("csrfToken");
                httpSignedIn.incrementAndGet();
            }
            String agentId = "a" + agent;
            ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/live")
                            .addHeader("Cookie", cookie))
                    .onSuccess(socket -> {
                        socketsOpen[node].incrementAndGet();
                        socket.closeHandler(v -> socketsOpen[node].decrementAndGet());
                        socket.textMessageHandler(text -> onMessage(node, agentId, text));
                    })
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            HttpResponse<String> state = http.send(HttpRequest.newBuilder(URI.create(base + "/api/agent/state"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"available\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (state.statusCode() != 204) {
                System.out.printf("agent%d available on n%d: %d %s%n", agent, node + 1, state.statusCode(),
                        state.body());
                return false;
            }
            available.incrementAndGet();
            return true;
        } catch (Exception e) {
            System.out.printf("agent%d on n%d: %s%n", agent, node + 1, e);
            return false;
        }
    }

    private void onMessage(int node, String agentId, String text) {
        Instant received = Instant.now();
        if (!text.startsWith("{\"type\":\"pop\"")) {
            return;
        }
        JsonObject pop = new JsonObject(text).getJsonObject("pop");
        if (!agentId.equals(pop.getString("agentId"))) {
            wrongSocket.incrementAndGet();
        }
        String iso = pop.getJsonObject("offeredAt").getString("iso");
        Instant offeredAt = Instant.parse(iso);
        pops.incrementAndGet();
        for (PopFigures f : figures.get()) {
            f.record(agentId + "|" + iso, offeredAt, received, node);
        }
        for (PopSeen w : watchers) {
            w.seen(node, offeredAt, received);
        }
    }

    @Override
    public void close() throws Exception {
        clients.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
