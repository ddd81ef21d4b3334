package cc.bench.chat;

import cc.console.adapter.http.ChatWeb;
import cc.console.adapter.http.ConsoleWeb;
import cc.console.adapter.jdbc.JdbcChatStore;
import cc.console.adapter.jdbc.JdbcDirectoryStore;
import cc.console.adapter.jdbc.JdbcKnowledgeStore;
import cc.console.adapter.jdbc.JdbcOpportunityStore;
import cc.console.adapter.jdbc.JdbcQualityStore;
import cc.console.adapter.jdbc.JdbcUserStore;
import cc.console.adapter.lucene.LuceneAnswerIndex;
import cc.console.app.ChatDesk;
import cc.console.app.ConsoleConfig;
import cc.console.app.ConsoleVerticle;
import cc.console.app.PasswordHasher;
import cc.console.app.Sessions;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.chat.ChatBook;
import cc.console.domain.chat.ChatSettings;
import cc.console.domain.dialing.DialRules;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.contract.EndMedia;
import cc.core.contract.EnqueueMedia;
import cc.core.contract.LocalRecordCodec;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaEnded;
import cc.core.contract.MediaOfferEnded;
import cc.core.contract.MediaQueued;
import cc.core.domain.interaction.Segment;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Web chat delivery latency over real WebSockets on loopback: {@code --chats} visitors each hold a chat on
 * {@code /help/chat/ws}, held by {@code --agents} agents (up to three chats each) whose consoles hold the live
 * channel {@code /live}; visitors send {@code --rate} messages per second in turn for {@code --seconds}; the time from
 * a visitor's frame leaving its socket to the line arriving on the holding agent's socket is recorded (every line
 * also goes through the chat desk's pure core and is written to the transcript).
 *
 * <p>The ACD's side of the media contract is a minimal responder in this program (enqueue answered at once, chats
 * given round-robin to the agents, ends acknowledged), so the figure is the chat path, not routing. Sessions are
 * opened directly. The database is embedded H2 in a temporary directory unless {@code --pg-url} names an empty
 * PostgreSQL database. Server and clients share this JVM and machine, so client work is inside the figures.
 */
public final class ChatLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int chats = Integer.parseInt(o.getOrDefault("chats", "1000"));
        int agents = Integer.parseInt(o.getOrDefault("agents", String.valueOf((chats + 2) / 3)));
        int rate = Integer.parseInt(o.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        String pgUrl = o.getOrDefault("pg-url", "");

        Vertx server = Vertx.vertx(new VertxOptions());
        Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        LocalRecordCodec.registerContracts(server.eventBus());
        MediaAddresses.registerCodecs(server.eventBus());
        Path dir = Files.createTempDirectory("cc-bench-chat-");
        DatabaseConfig dbConfig = pgUrl.isEmpty() ? DatabaseConfig.embedded(dir, 8)
                : new DatabaseConfig(pgUrl, "postgres", "", 8);
        Database db = await(Database.open(server, dbConfig));
        await(new SchemaMigrations().apply(db, List.of("core", "console")));

        ConsoleConfig config = new ConsoleConfig(false, ZoneId.of("Asia/Tehran"), "", "", Duration.ofHours(1), "", "",
                DialRules.iran());
        ConsoleVerticle console = new ConsoleVerticle(config, InstantSource.system(), new JdbcUserStore(db),
                new JdbcDirectoryStore(db), new JdbcKnowledgeStore(db), new JdbcOpportunityStore(db),
                new JdbcInteractionStore(db), new JdbcCustomerStore(db), Optional.empty(), new PasswordHasher(),
                new JdbcQualityStore(db), LuceneAnswerIndex::build);
        await(server.deployVerticle(console));
        // every visitor comes from 127.0.0.1 here, so the per-address limit is lifted; the rate limit stays
        ChatSettings settings = new ChatSettings("support", Set.of(), 2_000, 20, Duration.ofSeconds(10),
                Duration.ofMinutes(30), Duration.ofSeconds(60), chats + 10, 80, 200);
        ChatDesk desk = new ChatDesk(new ChatBook(settings), new JdbcChatStore(db, "n1"), console.hub(),
                InstantSource.system());
        await(server.deployVerticle(desk));
        acdResponder(server, agents);
        Router router = Router.router(server);
        new ConsoleWeb(server, console).withChat(new ChatWeb(console, desk, settings.maxMessageChars(), Set.of()))
                .mount(router);
        HttpServer http = await(server.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        int port = http.actualPort();

        WebSocketClient ws = clients.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(agents + chats + 10));
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Recorder latency = new Recorder(3);
        AtomicLong received = new AtomicLong();
        AtomicLong wrongAgent = new AtomicLong();
        Map<String, String> holderOf = new ConcurrentHashMap<>();
        List<Future<?>> connecting = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String agentId = "agent-" + a;
            Sessions.Session s = console.sessions().open(new Principal("user-" + a, "Agent " + a, Role.AGENT, agentId,
                    "fa", ""));
            connecting.add(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/live")
                    .addHeader("Cookie", ConsoleWeb.COOKIE + "=" + s.id())).onSuccess(socket ->
                    socket.textMessageHandler(text -> {
                        long now = System.nanoTime();
                        if (text.contains("\"type\":\"chat-opened\"")) {
                            holderOf.put(new JsonObject(text).getString("chatId"), agentId);
                            return;
                        }
                        if (!text.contains("\"type\":\"chat-message\"")) {
                            return;
                        }
                        JsonObject m = new JsonObject(text);
                        Long t0 = sent.remove(m.getString("text"));
                        if (!agentId.equals(holderOf.get(m.getString("chatId")))) {
                            wrongAgent.incrementAndGet();
                        }
                        if (t0 != null && !m.getString("text").startsWith("warm-")) {
                            latency.recordValue(now - t0);
                            received.incrementAndGet();
                        }
                    })));
        }
        await(Future.all(connecting));
        System.out.printf("%d agent sockets connected%n", console.hub().size());

        connecting.clear();
        List<WebSocket> visitors = new ArrayList<>();
        AtomicInteger assigned = new AtomicInteger();
        for (int v = 0; v < chats; v++) {
            int n = v;
            connecting.add(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                    .setURI(ChatWeb.SOCKET)).onSuccess(socket -> {
                        synchronized (visitors) {
                            visitors.add(socket);
                        }
                        socket.textMessageHandler(text -> {
                            if (text.contains("\"type\":\"chat-assigned\"")) {
                                assigned.incrementAndGet();
                            }
                        });
                        socket.writeTextMessage(new JsonObject().put("type", "join").put("name", "Visitor " + n)
                                .put("topic", "order " + n).put("language", n % 2 == 0 ? "fa" : "en").encode());
                    }));
        }
        await(Future.all(connecting));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (assigned.get() < chats && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        System.out.printf("%d chats open, %d held by an agent%n", chats, assigned.get());

        long total = (long) rate * seconds;
        long warm = (long) rate * warmup;
        long period = 1_000_000_000L / rate;
        double loadBefore = load();
        long start = System.nanoTime();
        for (long i = -warm; i < total; i++) {
            long due = start + (i + warm) * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            WebSocket socket = visitors.get((int) Math.floorMod(i, (long) visitors.size()));
            String text = (i < 0 ? "warm-" : "m-") + i;
            sent.put(text, System.nanoTime());
            socket.writeTextMessage("{\"type\":\"message\",\"text\":\"" + text + "\"}");
        }
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double loadAfter = load();
        Histogram h = latency.getIntervalHistogram();
        // the transcript is written behind delivery, in order, on one connection: how far behind it ends
        long expectedLines = total + warm;
        long lastSent = System.nanoTime();
        long stored = 0;
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            stored = await(db.withConnectionInParallel(c -> {
                try (var st = c.prepareStatement("select count(*) from chat_messages");
                     var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }));
            if (stored >= expectedLines) {
                break;
            }
            Thread.sleep(100);
        }
        double transcriptLagSeconds = (System.nanoTime() - lastSent) / 1e9;

        System.out.println();
        System.out.printf("ChatLatencyBenchmark: %d concurrent chats held by %d agents, %d visitor messages/s for %d s"
                        + " after %d s warm-up (%d measured), transcript in %s%n", chats, agents, rate, seconds, warmup,
                total, pgUrl.isEmpty() ? "embedded H2" : "PostgreSQL");
        System.out.printf("machine: %d cores; load average %.2f before, %.2f after the run%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        System.out.printf("%-36s %9s %9s %9s %9s %9s %9s %12s%n", "measure", "count", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "target", "verdict");
        double p99 = h.getValueAtPercentile(99) / 1e6;
        boolean complete = h.getTotalCount() == total;
        System.out.printf("%-36s %9d %9.1f %9.1f %9.1f %9.1f %6d ms %12s%n", "visitor socket -> agent socket",
                h.getTotalCount(), h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(95) / 1e6, p99,
                h.getMaxValue() / 1e6, 100, !complete ? "INCOMPLETE" : p99 < 100 ? "met" : "missed");
        System.out.printf("lines on the wrong agent's socket: %d; lines missing: %d%n", wrongAgent.get(),
                total - received.get());
        System.out.printf("transcript: %d of %d lines stored, the last %.1f s after delivery ended%n", stored,
                expectedLines, transcriptLagSeconds);

        clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** The ACD's side of the media contract, reduced to what this measurement needs (no routing cost in it). */
    private static void acdResponder(Vertx vertx, int agents) {
        AtomicInteger next = new AtomicInteger();
        vertx.eventBus().<EnqueueMedia>consumer(MediaAddresses.ENQUEUE, m -> {
            EnqueueMedia e = m.body();
            m.reply(new MediaQueued(e.interactionId(), e.queue(), "offered", 0, -1));
            String agent = "agent-" + Math.floorMod(next.getAndIncrement(), agents);
            vertx.eventBus().publish(MediaAddresses.OFFER_ENDED, new MediaOfferEnded(e.interactionId(), agent,
                    Segment.ANSWERED, Instant.now()));
        });
        vertx.eventBus().<EndMedia>consumer(MediaAddresses.END, m -> m.reply(new MediaEnded(m.body().interactionId(),
                Optional.empty(), "support", m.body().reason(), m.body().at())));
    }

    private static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return -1;
        }
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options are --name=value (chats, agents, rate, seconds, warmup,"
                        + " pg-url); got " + a);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return o;
    }
}
