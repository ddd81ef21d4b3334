package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.AccessTable;
import cc.console.testing.ConsoleClient;
import cc.core.config.ConfigNode;
import cc.core.testkit.PostgresTestDatabase;
import cc.core.testkit.fuzz.Fuzz;
import cc.core.testkit.fuzz.JsonMutator;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every REST route of the access table (console, back office, public help page) and both WebSockets (the console's
 * live channel, the public chat), fed mutated JSON bodies, path and query parameters and messages, against the whole
 * server as it runs. Property: a 4xx with a message or a success, never a 5xx, never a request left unanswered; a
 * socket answers with an error or closes politely; the server still serves others afterwards.
 */
class HttpFuzzIT {
    private static final String SECRET = "http-fuzz-secret";
    private static final String PASSWORD = "correct horse battery";
    /** Close codes a socket may end with after bad input: normal, going away, unsupported, bad data, policy, too big. */
    private static final Set<Integer> POLITE = Set.of(1000, 1001, 1003, 1007, 1008, 1009);
    private static final String[] ODD = {"", "-1", "0", "99999999999999999999", "1e309", "NaN", "x1", "%00", "..%2F..",
            "%E2%80%AE", "%F0%9F%98%80", "%FF", "null", "true", "2026-13-45", "9999-12-31T23:59:59Z", "a".repeat(5000),
            "%27%3B--", "%3Cscript%3E", "1,2,3", "+98%20912", "1.5"};
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Vert.x's longest request line (its default, which the server keeps): past it the codec refuses with 414. */
    private static final int SERVER_LINE_LIMIT = 4096;

    /** The last inputs sent, named when one is left unanswered. */
    private static final List<String> RECENT = new ArrayList<>();
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static AccessTable table;
    private static String base;
    private static ConsoleClient admin;
    private static String apiKey;
    private static Vertx vertx;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder().amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en").build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("http-fuzz.yaml", Rig.serverYaml(simulator,
                agiPort, "acd-flows", "acd", pg, "",
                "acd:",
                "  server: pbx1",
                "  agentsAvailableAtStart: false",
                "  queues: [{id: desk}]",
                "  agents:",
                "    - {id: a1, phone: PJSIP/5001, queues: [desk]}",
                "", ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
        for (String[] u : List.of(new String[]{"ali", "AGENT", "a1"}, new String[]{"sara", "SUPERVISOR", ""},
                new String[]{"ada", "ADMIN", ""})) {
            server.console().users().save(new UserAccount(new Principal(u[0], u[0], Role.valueOf(u[1]), u[2], "en",
                    ""), hash, true)).await();
        }
        table = AccessTable.read();
        base = "http://127.0.0.1:" + server.httpPort();
        admin = new ConsoleClient(base);
        assertEquals(200, admin.signIn("ada", PASSWORD).statusCode());
        HttpResponse<String> key = admin.change("POST", "/api/admin/api-keys", new JsonObject().put("name", "fuzz")
                .put("scopes", new JsonArray().add("customers:read").add("customers:write").add("callbacks:create")
                        .add("campaigns:manage").add("interactions:read")).put("perMinute", 100_000));
        assertEquals(201, key.statusCode(), key.body());
        apiKey = new JsonObject(key.body()).getString("key");
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    @DisplayName("mutated bodies, path and query parameters on every route: 4xx with a message, never a 5xx")
    void restRoutes() throws Exception {
        List<AccessTable.Route> routes = table.routes().values().stream().filter(r -> !r.rule().equals("filter")
                && !r.method().contains(",") && !r.method().equals("*") && !r.path().contains("*")
                && !r.key().equals("DELETE /api/session")).toList();
        List<String> params = queryParams();
        JsonMutator bodies = new JsonMutator(sampleBodies());
        Fuzz.run("rest", Fuzz.inputs(), (input, note) -> {
            Random r = input.random();
            AccessTable.Route route = routes.get(r.nextInt(routes.size()));
            String path = concrete(r, route.path());
            StringBuilder query = new StringBuilder();
            int n = route.method().equals("GET") ? r.nextInt(4) : r.nextInt(8) == 0 ? 1 : 0;
            for (int i = 0; i < n; i++) {
                query.append(i == 0 ? '?' : '&').append(params.get(r.nextInt(params.size()))).append('=')
                        .append(ODD[r.nextInt(ODD.length)]);
            }
            boolean change = !route.method().equals("GET") && !route.method().equals("DELETE");
            String body = change ? bodies.next(r) : null;
            note.input(route.method() + " " + path + query + " " + (body == null ? "" : body));
            RECENT.add(route.method() + " " + path + query + " " + (body == null ? "" : body));
            if (RECENT.size() > 16) {
                RECENT.remove(0);
            }
            HttpResponse<String> res = send(route, path + query, body);
            if (res == null) {
                return Fuzz.Verdict.REJECTED;
            }
            if (route.key().equals("DELETE /api/me/sessions") && res.statusCode() < 300) {
                // signed out everywhere: signed in again, or every input after it would only meet a 401
                assertEquals(200, admin.signIn("ada", PASSWORD).statusCode());
            }
            int status = res.statusCode();
            if (status >= 500) {
                throw new AssertionError(route.method() + " " + path + query + " -> " + status + " " + res.body());
            }
            // 405, and the HTTP codec's own refusals of a too long address or headers or body (414, 431, 413),
            // carry their meaning in the status line alone
            if (status >= 400 && res.body().isBlank() && status != 405 && status != 413 && status != 414
                    && status != 431) {
                throw new AssertionError(route.method() + " " + path + query + " -> " + status + " without a message");
            }
            return status >= 400 ? Fuzz.Verdict.REJECTED : Fuzz.Verdict.ACCEPTED;
        });
        stillServes();
    }

    @Test
    @DisplayName("a NUL character in an address is a 400, not a 500 from PostgreSQL (found by fuzzing)")
    void nulInTheAddress() throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/interactions/%00/customer"))
                .header("Cookie", admin.cookie).header("X-CSRF-Token", admin.csrf)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\": 1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, res.statusCode(), res.body());
        assertTrue(res.body().contains("NUL"), res.body());
    }

    @Test
    @DisplayName("mutated messages on the console's live channel: an error answer or a polite close, never a crash")
    void liveChannel() throws Exception {
        List<JsonObject> samples = List.of(
                new JsonObject().put("type", "control").put("interactionId", 42).put("intent", "hold"),
                new JsonObject().put("type", "control").put("interactionId", 7).put("intent", "transfer")
                        .put("to", "1002").put("mode", "blind"),
                new JsonObject().put("type", "control").put("interactionId", 7).put("intent", "record-pause"),
                new JsonObject().put("type", "dance"));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(server.httpPort()).setURI("/live").addHeader("Cookie", admin.cookie);
        sockets("live-socket", options, samples);
        stillServes();
    }

    @Test
    @DisplayName("mutated messages on the public chat socket: an error answer or a polite close, never a crash")
    void chatSocket() throws Exception {
        List<JsonObject> samples = List.of(
                new JsonObject().put("type", "join").put("name", "Visitor").put("language", "en"),
                new JsonObject().put("type", "resume").put("token", "not-the-token").put("lastSeq", 0),
                new JsonObject().put("type", "message").put("text", "where is my parcel?"),
                new JsonObject().put("type", "typing"),
                new JsonObject().put("type", "leave"));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(server.httpPort()).setURI("/help/chat/ws").addHeader("Origin", base);
        sockets("chat-socket", options, samples);
        stillServes();
    }

    /**
     * Sends each mutated message on one socket, opening a new one when the server closed the last (the close code
     * must be polite). REJECTED when the server answered an error or closed the socket; inputs that reached a socket
     * the server refused to open (rate limits per address) are REJECTED too, as long as the refusal is a 4xx.
     */
    private static void sockets(String target, WebSocketConnectOptions options, List<JsonObject> samples) {
        JsonMutator messages = new JsonMutator(samples);
        WebSocketClient client = vertx.createWebSocketClient();
        Socket[] current = {null};
        AtomicInteger closes = new AtomicInteger();
        AtomicInteger unframed = new AtomicInteger();
        Fuzz.Summary s = Fuzz.run(target, Fuzz.inputs(), (input, note) -> {
            String text = messages.next(input.random());
            note.input(text);
            Socket sock = current[0];
            if (sock != null && sock.closed()) {
                closes.incrementAndGet();
                current[0] = null;
                if (sock.code == null) {
                    unframed.incrementAndGet(); // the TCP connection ended without a close frame: counted, reported
                } else if (!sock.politely()) {
                    throw new AssertionError("the server closed the socket with " + sock.code + " after: " + sock.last);
                }
                sock = null;
            }
            if (sock == null) {
                try {
                    sock = new Socket(client.connect(options).toCompletionStage().toCompletableFuture()
                            .get(10, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    if (String.valueOf(e.getCause()).matches(".*\\b4\\d\\d\\b.*")) {
                        return Fuzz.Verdict.REJECTED; // refused to open: a limit per address, a 4xx
                    }
                    throw e;
                }
                current[0] = sock;
            }
            int errorsBefore = sock.errors.get();
            sock.last = text;
            try {
                sock.ws.writeTextMessage(text).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException closedMeanwhile) {
                return Fuzz.Verdict.REJECTED;
            }
            return sock.errors.get() > errorsBefore || sock.closed() ? Fuzz.Verdict.REJECTED : Fuzz.Verdict.ACCEPTED;
        });
        if (current[0] != null && current[0].closed() && current[0].code != null && !current[0].politely()) {
            throw new AssertionError("the server closed the last socket with " + current[0].code);
        }
        System.out.println("fuzz " + target + ": sockets closed by the server=" + closes.get() + ", of which without a"
                + " close status=" + unframed.get() + " (every status given was polite)");
        assertTrue(s.inputs() > 0);
        client.close();
    }

    /** One socket's state as the server left it. */
    private static final class Socket {
        final WebSocket ws;
        final AtomicInteger errors = new AtomicInteger();
        volatile Short code;
        volatile boolean isClosed;
        volatile String last = "";

        Socket(WebSocket ws) {
            this.ws = ws;
            ws.textMessageHandler(m -> {
                if (m.contains("error")) {
                    errors.incrementAndGet();
                }
            });
            ws.closeHandler(v -> {
                code = ws.closeStatusCode();
                isClosed = true;
            });
        }

        boolean closed() {
            return isClosed || ws.isClosed();
        }

        boolean politely() {
            return code == null ? false : POLITE.contains((int) code) || code >= 4000;
        }
    }

    /** The server answers a signed-in user, the public page and a fresh live channel after the fuzzing. */
    private static void stillServes() throws Exception {
        ConsoleClient sara = new ConsoleClient(base);
        assertEquals(200, sara.signIn("sara", PASSWORD).statusCode());
        assertEquals(200, sara.get("/api/session").statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/help/")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        ConsoleClient.Live live = sara.live();
        assertEquals("hello", live.next("hello").getString("type"));
        live.close();
    }

    private static HttpResponse<String> send(AccessTable.Route route, String pathAndQuery, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(20))
                .method(route.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (route.rule().equals("api-key")) {
            b.header("Authorization", "Bearer " + apiKey);
        } else if (route.session()) {
            b.header("Cookie", admin.cookie).header("X-CSRF-Token", admin.csrf);
        } else {
            b.header("Origin", base);
        }
        try {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                    throw e;
                }
                // the client reused a kept-alive connection the server had closed after the codec refused the
                // previous request (414, 431): the request never reached the server; sent again on a new one
                try {
                    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException again) {
                    if (pathAndQuery.length() > SERVER_LINE_LIMIT
                            && String.valueOf(again.getMessage()).contains("received no bytes")) {
                        // the codec refused a request line past its limit and closed the connection while the
                        // client was still writing it, which discards the 414 at the client (a TCP reset): refused
                        return null;
                    }
                    throw again;
                }
            }
        } catch (java.net.http.HttpTimeoutException e) {
            // a connection left stuck by an earlier input (one refused before its body was read held the next request
            // forever): the inputs before it say which
            throw new AssertionError(route.method() + " " + pathAndQuery + (body == null ? "" : " "
                    + cc.core.logging.LogText.printable(body)) + " left unanswered for 20 s; the inputs before"
                    + " it:\n      " + String.join("\n      ", RECENT.stream().map(x -> x.length() > 200
                    ? x.substring(0, 200) + "..." : x).toList()));
        }
    }

    /** The route's path with each parameter a plausible id or, one time in three, an odd value. */
    private static String concrete(Random r, String path) {
        Matcher m = Pattern.compile(":[A-Za-z]+").matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = r.nextInt(3) == 0 ? ODD[r.nextInt(ODD.length)] : r.nextBoolean() ? "1" : "x1";
            m.appendReplacement(out, Matcher.quoteReplacement(v.isEmpty() ? "%20" : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The query parameters the OpenAPI document names, so every route's parameter parsing is reached. */
    private static List<String> queryParams() throws Exception {
        String doc = Files.readString(AccessTable.repositoryRoot().resolve("agent-console/src/main/resources/openapi.yaml"));
        Matcher m = Pattern.compile("\\{name: ([A-Za-z_]+), in: query").matcher(doc);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
            }
        }
        assertTrue(names.size() > 10, "query parameters in openapi.yaml: " + names);
        return names;
    }

    /** Bodies with the fields the console's and back office's routes read, for the mutator to break. */
    private static List<JsonObject> sampleBodies() {
        return List.of(
                new JsonObject().put("name", "Sara Ahmadi").put("phones", new JsonArray().add("09121234567"))
                        .put("emails", new JsonArray().add("sara@example.com")).put("language", "fa"),
                new JsonObject().put("number", "09121234567").put("at", "2026-12-03T10:00:00Z").put("note", "renewal")
                        .put("customerId", 1),
                new JsonObject().put("state", "available").put("reason", "lunch").put("agentId", "a1"),
                new JsonObject().put("username", "bob").put("displayName", "Bob").put("role", "AGENT")
                        .put("password", "correct horse battery").put("agentId", "a2").put("skills",
                                new JsonObject().put("fa", 5)),
                new JsonObject().put("title", "Opportunity").put("amount", 1200.5).put("stage", "open")
                        .put("customerId", 1).put("closeDate", "2026-12-31"),
                new JsonObject().put("queue", "desk").put("campaign", "c1").put("segment", "gold")
                        .put("filters", new JsonObject().put("score", new JsonObject().put("min", 0.5))),
                new JsonObject().put("intent", "hold").put("to", "1002").put("text", "hello")
                        .put("scores", new JsonArray().add(new JsonObject().put("question", 1).put("score", 3))),
                new JsonObject().put("outcome", "sale").put("notes", "called back").put("interactionId", 42)
                        .put("formId", 1).put("reference", "abc").put("order", "A-17").put("phone", "09121234567"));
    }
}
