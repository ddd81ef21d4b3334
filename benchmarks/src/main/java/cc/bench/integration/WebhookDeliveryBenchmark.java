package cc.bench.integration;

import cc.bench.Options;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.JdbcOutbox;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import cc.integration.IntegrationModule;
import cc.integration.IntegrationSettings;
import cc.integration.domain.relay.Backoff;
import cc.integration.domain.relay.RelayRules;
import cc.integration.domain.webhook.EventFilter;
import cc.integration.webhook.WebhookSignature;
import cc.integration.webhook.WebhookSubscription;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook delivery: business events appended to the outbox in PostgreSQL (by {@code JdbcOutbox.append}, as the stores
 * do, from several connections at once, a few events per transaction) at {@code --rate} per second for
 * {@code --seconds}, delivered by the outbox relay to a webhook receiver on loopback (a Vert.x HTTP server that checks
 * every signature). Halfway ({@code --restart-at} seconds) the relay is stopped (its Vert.x closed, requests in flight
 * cut) and started afresh on the same database, as a server restart does.
 *
 * <p>Prints delivered events per second, the delivery lag (append to received) p50, p99 and max, apart for the
 * restart's seconds, and the events lost (appended, never received) and received twice. Target: 5,000/s or more,
 * p99 under 1 s outside the restart, 0 lost.
 * Options: {@code --rate 5000 --seconds 30 --restart-at 15 --appenders 4 --per-transaction 10
 * --max-events 500 --pg-url jdbc:postgresql://127.0.0.1:5432/postgres}.
 */
public final class WebhookDeliveryBenchmark {
    private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");
    private static final String SECRET = "benchmark-receiver-shared-secret";

    private WebhookDeliveryBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int rate = Integer.parseInt(o.getOrDefault("rate", "5000"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        int restartAt = Integer.parseInt(o.getOrDefault("restart-at", String.valueOf(seconds / 2)));
        int appenders = Integer.parseInt(o.getOrDefault("appenders", "4"));
        int perTx = Integer.parseInt(o.getOrDefault("per-transaction", "10"));
        int maxEvents = Integer.parseInt(o.getOrDefault("max-events", "500"));
        String adminUrl = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        Matcher m = PG_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--pg-url " + adminUrl + " is not a jdbc:postgresql://host:port/db URL");
        }
        System.out.printf("machine: %d cores, %s, load average at start %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("appending %,d events/s for %d s (%d connections, %d events per transaction), relay"
                + " restarted at %d s%n", rate, seconds, appenders, perTx, restartAt);
        String name = "cc_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        execute(adminUrl, "create database " + name);
        DatabaseConfig config = new DatabaseConfig(m.group(1) + name + m.group(3), "postgres", "", 8);
        try {
            run(config, rate, seconds, restartAt, appenders, perTx, maxEvents);
        } finally {
            execute(adminUrl, "drop database if exists " + name + " with (force)");
        }
        System.out.printf("load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(0);
    }

    private static void run(DatabaseConfig config, int rate, int seconds, int restartAt, int appenders, int perTx,
                            int maxEvents) throws Exception {
        // the receiver: its own Vert.x, as the customer's system is another process
        Vertx receiverVertx = Vertx.vertx();
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong badSignatures = new AtomicLong();
        AtomicLong lastReceived = new AtomicLong();
        Histogram steady = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        Histogram restart = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        long[] restartWindow = {Long.MAX_VALUE, Long.MAX_VALUE};
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        // X-CC-Event-Ids grows by 37 bytes an event: room for a request of 500
        HttpServer receiver = receiverVertx.createHttpServer(new io.vertx.core.http.HttpServerOptions()
                .setMaxHeaderSize(32 * 1024)).requestHandler(req -> req.body().onSuccess(body -> {
            long now = System.nanoTime();
            if (!WebhookSignature.verify(secret, Long.parseLong(req.getHeader(WebhookSignature.TIMESTAMP_HEADER)),
                    body.getBytes(), req.getHeader(WebhookSignature.SIGNATURE_HEADER))) {
                badSignatures.incrementAndGet();
                req.response().setStatusCode(401).end();
                return;
            }
            for (Object e : body.toJsonObject().getJsonArray("events")) {
                JsonObject ev = (JsonObject) e;
                if (!received.add(ev.getString("id"))) {
                    duplicates.incrementAndGet();
                    continue;
                }
                long appended = ev.getJsonObject("payload").getLong("appendedAt");
                long lag = Math.max(0, now - appended);
                boolean inRestart = appended >= restartWindow[0] && appended <= restartWindow[1];
                synchronized (steady) {
                    (inRestart ? restart : steady).recordValue(Math.min(lag, steady.getHighestTrackableValue()));
                }
            }
            lastReceived.set(now);
            req.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1").await();

        Vertx schemaVertx = Vertx.vertx();
        try (Database db = Database.open(schemaVertx, config).await()) {
            new SchemaMigrations().apply(db, List.of("core", IntegrationModule.MIGRATIONS)).await();
        }
        schemaVertx.close().await();

        WebhookSubscription sub = new WebhookSubscription("bench", URI.create("http://127.0.0.1:"
                + receiver.actualPort() + "/hooks"), new EventFilter(List.of("*")), "BENCH_SECRET", secret,
                Duration.ofSeconds(10), maxEvents, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)),
                Duration.ofMinutes(30));
        IntegrationSettings settings = new IntegrationSettings(new RelayRules(500, Duration.ofMillis(50),
                Duration.ofSeconds(10), Duration.ofMinutes(10), new Backoff(Duration.ofMillis(100),
                Duration.ofSeconds(1))), List.of(sub));
        Relay relay = Relay.start(config, settings);

        // warm-up: a second of events through the relay and the receiver before the clock starts (class loading,
        // JIT, the first connections); not in the figures
        Set<String> appended = ConcurrentHashMap.newKeySet();
        long warm = System.nanoTime();
        append(config, 99, 5_000, 500, warm, warm + TimeUnit.SECONDS.toNanos(1), appended, new AtomicLong());
        while (!received.containsAll(appended) && System.nanoTime() - warm < TimeUnit.SECONDS.toNanos(120)) {
            Thread.sleep(100);
        }
        System.out.printf("warm-up: %,d events delivered in %.1f s%n", appended.size(),
                (System.nanoTime() - warm) / 1e9);
        synchronized (steady) {
            steady.reset();
            restart.reset();
        }
        received.clear();
        duplicates.set(0);
        appended.clear();

        // the appenders: each its own connection and share of the rate, paced per transaction
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        AtomicLong behindSchedule = new AtomicLong();
        for (int a = 0; a < appenders; a++) {
            int me = a;
            Thread t = new Thread(() -> append(config, me, rate / (double) appenders, perTx, start, end, appended,
                    behindSchedule), "appender-" + a);
            t.start();
            threads.add(t);
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(start + TimeUnit.SECONDS.toNanos(restartAt) - System.nanoTime()));
        // events appended in the second before the stop may be in flight when it is cut: they count as the restart's
        restartWindow[0] = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
        relay.stop();
        relay = Relay.start(config, settings);
        // events appended until the restarted relay has caught up count as the restart's
        long restarted = System.nanoTime();
        while (!received.containsAll(Set.copyOf(appended)) && System.nanoTime() - restarted
                < TimeUnit.SECONDS.toNanos(20) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        restartWindow[1] = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        long appendEnd = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!received.containsAll(appended) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        relay.stop();
        long lost = appended.stream().filter(id -> !received.contains(id)).count();
        double appendSeconds = (appendEnd - start) / 1e9;
        double deliverSeconds = (lastReceived.get() - start) / 1e9;
        System.out.printf("appended: %,d events in %.1f s (%,.0f/s)%s%n", appended.size(), appendSeconds,
                appended.size() / appendSeconds, behindSchedule.get() > 0 ? ", appenders behind schedule "
                        + behindSchedule.get() + " times" : "");
        System.out.printf("delivered: %,d events in %.1f s (%,.0f/s), %,d received twice, %d bad signatures%n",
                received.size(), deliverSeconds, received.size() / deliverSeconds, duplicates.get(),
                badSignatures.get());
        print("lag outside the restart", steady);
        print("lag of events appended during the restart (" + (restartWindow[1] - restartWindow[0]) / 1_000_000
                + " ms until caught up)", restart);
        System.out.printf("lost: %d%n", lost);
        receiverVertx.close().await();
    }

    private static void print(String what, Histogram h) {
        System.out.printf("%s: %,d events, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
    }

    private static void append(DatabaseConfig config, int appender, double perSecond, int perTx, long start,
                               long end, Set<String> appended, AtomicLong behind) {
        long txEveryNanos = (long) (1e9 * perTx / perSecond);
        BusinessEventType[] types = BusinessEventType.values();
        try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password())) {
            c.setAutoCommit(false);
            long next = start;
            long n = 0;
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    return;
                }
                if (now < next) {
                    TimeUnit.NANOSECONDS.sleep(next - now);
                } else if (now - next > txEveryNanos * 10) {
                    behind.incrementAndGet();
                }
                next += txEveryNanos;
                List<BusinessEvent> events = new ArrayList<>(perTx);
                long appendedAt = System.nanoTime();
                for (int i = 0; i < perTx; i++, n++) {
                    events.add(BusinessEvent.of(types[(int) (n % types.length)], "entity-" + appender + "-" + (n % 100),
                            Instant.now(), "{\"appendedAt\":" + appendedAt + ",\"n\":" + n + "}"));
                }
                JdbcOutbox.append(c, events);
                c.commit();
                events.forEach(e -> appended.add(e.id()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("appender " + appender + ": " + e.getMessage(), e);
        }
    }

    /** The relay as a server runs it: its own Vert.x and pool; stopped by closing them (in-flight work cut). */
    private record Relay(Vertx vertx, Database db, IntegrationModule module) {
        static Relay start(DatabaseConfig config, IntegrationSettings settings) {
            Vertx vertx = Vertx.vertx();
            Database db = Database.open(vertx, config).await();
            IntegrationModule module = IntegrationModule.start(vertx, db, settings, List.of(), InstantSource.system())
                    .await();
            return new Relay(vertx, db, module);
        }

        void stop() {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            db.close();
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
