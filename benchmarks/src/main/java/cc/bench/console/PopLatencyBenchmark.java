package cc.bench.console;

import cc.console.adapter.lucene.LuceneAnswerIndex;
import cc.console.adapter.http.ConsoleWeb;
import cc.console.adapter.jdbc.JdbcDirectoryStore;
import cc.console.adapter.jdbc.JdbcKnowledgeStore;
import cc.console.adapter.jdbc.JdbcOpportunityStore;
import cc.console.adapter.jdbc.JdbcQualityStore;
import cc.console.adapter.jdbc.JdbcUserStore;
import cc.console.app.ConsoleConfig;
import cc.console.app.ConsoleVerticle;
import cc.console.app.KnowledgeStore;
import cc.console.app.PasswordHasher;
import cc.console.app.Sessions;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.dialing.DialRules;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.LocalRecordCodec;
import cc.core.contract.QueueStatsUpdated;
import cc.core.domain.customer.Customer;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
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
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Screen-pop latency and wallboard fan-out, end to end over real WebSockets on loopback.
 *
 * <p>Part 1: {@code --agents} signed-in agents each hold a live socket; CallOffered is published for random agents at
 * {@code --rate} per second for {@code --seconds}; each pop is built from the database (customer by caller ID,
 * timeline, opportunities, question script) and ranked against the knowledge base; the time from publish to the pop
 * arriving on that agent's socket is recorded. Part 2: {@code --supervisors} supervisor sockets; {@code --updates}
 * QueueStatsUpdated messages (all agents in them) half a second apart; the time from publish to arrival on each
 * socket is recorded.
 *
 * <p>Sessions are opened directly (500 PBKDF2 sign-ins would measure password hashing, not pops). The database is
 * embedded H2 in a temporary directory unless {@code --pg-url} names a PostgreSQL database to use (it must be empty).
 * Server and clients share this JVM and machine, so client work is inside the figures.
 */
public final class PopLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int agents = Integer.parseInt(o.getOrDefault("agents", "500"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "50"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        int supervisors = Integer.parseInt(o.getOrDefault("supervisors", "2000"));
        int updates = Integer.parseInt(o.getOrDefault("updates", "20"));
        int customers = Integer.parseInt(o.getOrDefault("customers", "2000"));
        String pgUrl = o.getOrDefault("pg-url", "");

        Vertx server = Vertx.vertx(new VertxOptions());
        Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        LocalRecordCodec.registerContracts(server.eventBus());
        Path dir = Files.createTempDirectory("cc-bench-console-");
        DatabaseConfig dbConfig = pgUrl.isEmpty() ? DatabaseConfig.embedded(dir, 8)
                : new DatabaseConfig(pgUrl, "postgres", "", 8);
        Database db = await(Database.open(server, dbConfig));
        await(new SchemaMigrations().apply(db, List.of("core", "console")));
        JdbcInteractionStore interactions = new JdbcInteractionStore(db);
        JdbcCustomerStore customerStore = new JdbcCustomerStore(db);
        JdbcKnowledgeStore knowledge = new JdbcKnowledgeStore(db);

        System.out.printf("seeding %d customers with 3 earlier interactions each, 100 articles...%n", customers);
        Random random = new Random(42);
        String[] topics = {"card blocked", "loan rate", "statement email", "address change", "mobile app login",
                "transfer limit", "cheque book", "branch hours"};
        List<Future<?>> seeding = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            int n = i;
            seeding.add(customerStore.save(new Customer(0, "Customer " + n, List.of(phone(n)), "ACC" + n, "fa", "retail"))
                    .compose(c -> {
                        List<Future<Void>> saves = new ArrayList<>();
                        for (int k = 0; k < 3; k++) {
                            Instant at = Instant.parse("2026-10-01T08:00:00Z").plus(Duration.ofHours(n % 500 + k * 24L));
                            saves.add(interactions.save(Interaction.newCall("seed-" + n + "-" + k, Direction.INBOUND,
                                    "pbx1", "s" + n + k, phone(n), "", "1500", at).withCustomer(c.id()).withQueue("q" + k)
                                    .withDisposition("resolved", "Asked about " + topics[(n + k) % topics.length]
                                            + "; explained and solved").ended(at.plusSeconds(200), "normal")));
                        }
                        return Future.all(saves);
                    }));
            if (seeding.size() >= 64) {
                await(Future.all(seeding));
                seeding.clear();
            }
        }
        await(Future.all(seeding));
        for (int i = 0; i < 100; i++) {
            await(knowledge.save(new KnowledgeStore.Article(0, "How to handle " + topics[i % topics.length] + " #" + i,
                    "Steps for " + topics[i % topics.length] + ": verify identity, check the account, explain the policy "
                            + "and confirm with the customer.", topics[i % topics.length], "en")));
        }

        ConsoleConfig config = new ConsoleConfig(false, ZoneId.of("Asia/Tehran"), "", "", Duration.ofHours(1), "", "",
                DialRules.iran());
        ConsoleVerticle console = new ConsoleVerticle(config, InstantSource.system(), new JdbcUserStore(db),
                new JdbcDirectoryStore(db), knowledge, new JdbcOpportunityStore(db), interactions, customerStore,
                Optional.empty(), new PasswordHasher(), new JdbcQualityStore(db), LuceneAnswerIndex::build);
        await(server.deployVerticle(console));
        Router router = Router.router(server);
        new ConsoleWeb(server, console).mount(router);
        HttpServer http = await(server.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        int port = http.actualPort();

        WebSocketClient ws = clients.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(agents + supervisors + 10).setMaxFrameSize(1 << 20).setMaxMessageSize(16 << 20));

        // ---- part 1: pops ----
        Map<String, Long> published = new ConcurrentHashMap<>();
        Recorder pops = new Recorder(3);
        AtomicLong popsReceived = new AtomicLong();
        AtomicLong wrongAgent = new AtomicLong();
        List<Future<?>> connecting = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String agentId = "agent-" + a;
            Sessions.Session s = console.sessions().open(new Principal("user-" + a, "Agent " + a, Role.AGENT, agentId,
                    "fa", ""));
            connecting.add(connect(ws, port, s).onSuccess(socket -> socket.textMessageHandler(text -> {
                long now = System.nanoTime();
                if (!text.startsWith("{\"type\":\"pop\"")) {
                    return;
                }
                String id = field(text, "\"id\":\"");
                Long t0 = published.remove(id);
                if (t0 != null && !id.startsWith("warm-")) {
                    pops.recordValue(now - t0);
                    popsReceived.incrementAndGet();
                }
                if (!text.contains("\"agentId\":\"" + agentId + "\"")) {
                    wrongAgent.incrementAndGet();
                }
            })));
        }
        await(Future.all(connecting));
        System.out.printf("%d agent sockets connected%n", console.hub().size());

        long total = (long) rate * seconds;
        long warmupOffers = (long) rate * warmup;
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long i = -warmupOffers; i < total; i++) {
            long due = start + (i + warmupOffers) * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int agent = random.nextInt(agents);
            int customer = random.nextInt(customers);
            String id = (i < 0 ? "warm-" : "call-") + i;
            published.put(id, System.nanoTime());
            server.eventBus().publish(Addresses.ACD_CALL_OFFERED, new CallOffered("agent-" + agent, id, "u" + i,
                    phone(customer), "q" + Math.floorMod(i, 3), Map.of("topic", topics[(int) Math.floorMod(i, (long) topics.length)]), Instant.now()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (popsReceived.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Histogram popHistogram = pops.getIntervalHistogram();

        // ---- part 2: wallboard fan-out ----
        Map<String, Long> boards = new ConcurrentHashMap<>();
        Recorder fanout = new Recorder(3);
        AtomicLong boardsReceived = new AtomicLong();
        AtomicLong wallboardBytes = new AtomicLong();
        connecting.clear();
        for (int s = 0; s < supervisors; s++) {
            Sessions.Session session = console.sessions().open(new Principal("sup-" + s, "Supervisor " + s,
                    Role.SUPERVISOR, "", "en", ""));
            connecting.add(connect(ws, port, session).onSuccess(socket -> socket.textMessageHandler(text -> {
                long now = System.nanoTime();
                if (text.startsWith("{\"type\":\"wallboard\"")) {
                    wallboardBytes.set(text.length());
                    Long t0 = boards.get(field(text, "\"at\":\""));
                    if (t0 != null) {
                        fanout.recordValue(now - t0);
                        boardsReceived.incrementAndGet();
                    }
                }
            })));
        }
        await(Future.all(connecting));
        System.out.printf("%d supervisor sockets connected%n", console.hub().supervisorCount());
        List<QueueStatsUpdated.AgentFigures> figures = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            figures.add(new QueueStatsUpdated.AgentFigures("agent-" + a, a % 3 == 0 ? "on-call" : "available", "",
                    Instant.now(), a % 17));
        }
        // one update of every agent first (a wallboard opening on a busy floor), then 10 agents change per update
        for (int u = -1; u < updates; u++) {
            for (int c = 0; u >= 0 && c < 10; c++) {
                int a = random.nextInt(agents);
                figures.set(a, new QueueStatsUpdated.AgentFigures("agent-" + a, u % 2 == 0 ? "paused" : "available",
                        u % 2 == 0 ? "break" : "", Instant.now(), a % 17));
            }
            Instant at = Instant.parse("2026-11-23T10:00:00Z").plusMillis(500L * u);
            List<QueueStatsUpdated.QueueFigures> qs = List.of(
                    new QueueStatsUpdated.QueueFigures("q0", u % 7, 30 + u, 0.85, u, 100 + u, 9.5, 180),
                    new QueueStatsUpdated.QueueFigures("q1", u % 5, 20 + u, 0.9, u / 2, 80 + u, 7.5, 200),
                    new QueueStatsUpdated.QueueFigures("q2", u % 3, 10 + u, 0.95, 0, 60 + u, 5.5, 160));
            if (u >= 0) {
                boards.put(at.toString(), System.nanoTime());
            }
            server.eventBus().publish(Addresses.ACD_QUEUE_STATS_UPDATED, new QueueStatsUpdated(qs, figures, at));
            Thread.sleep(u < 0 ? 3000 : 500);
        }
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (boardsReceived.get() < (long) updates * supervisors && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Histogram fanHistogram = fanout.getIntervalHistogram();

        System.out.println();
        System.out.printf("PopLatencyBenchmark: %d agents, %d offers/s for %d s after %d s warm-up (%d offers measured),"
                        + " %d customers in %s;%n  %d supervisors, %d wallboard updates 500 ms apart (%d agents, 10"
                        + " changing per update)%n",
                agents, rate, seconds, warmup, total, customers, pgUrl.isEmpty() ? "embedded H2" : "PostgreSQL",
                supervisors, updates, agents);
        System.out.printf("%-34s %9s %9s %9s %9s %9s %12s%n", "measure", "count", "p50 ms", "p99 ms", "max ms",
                "target", "verdict");
        row("pop: publish -> agent socket", popHistogram, total, 100);
        row("wallboard: publish -> each socket", fanHistogram, (long) updates * supervisors, 250);
        System.out.printf("last wallboard update: %d characters; full snapshot: %d characters%n", wallboardBytes.get(),
                console.wallboard().snapshot().encode().length());
        System.out.printf("pops on the wrong agent's socket: %d; pops missing: %d; wallboard deliveries missing: %d%n",
                wrongAgent.get(), total - popsReceived.get(), (long) updates * supervisors - boardsReceived.get());

        clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static void row(String name, Histogram h, long expected, long targetMs) {
        double p99 = h.getValueAtPercentile(99) / 1e6;
        boolean complete = h.getTotalCount() == expected;
        System.out.printf("%-34s %9d %9.1f %9.1f %9.1f %7d ms %12s%n", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6, p99, h.getMaxValue() / 1e6, targetMs,
                !complete ? "INCOMPLETE" : p99 < targetMs ? "met" : "missed");
    }

    private static Future<io.vertx.core.http.WebSocket> connect(WebSocketClient ws, int port, Sessions.Session s) {
        return ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/live")
                .addHeader("Cookie", ConsoleWeb.COOKIE + "=" + s.id()));
    }

    private static String field(String json, String key) {
        int i = json.indexOf(key);
        if (i < 0) {
            return "";
        }
        int from = i + key.length();
        return json.substring(from, json.indexOf('"', from));
    }

    private static String phone(int n) {
        return String.format("0912%07d", n);
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options are --name=value (agents, rate, seconds, supervisors,"
                        + " updates, customers, warmup, pg-url); got " + a);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return o;
    }
}
