package cc.bench.lookup;

import cc.bench.Options;
import cc.core.config.ConfigNode;
import cc.core.contract.LookupAddresses;
import cc.core.contract.LookupReply;
import cc.core.contract.LookupRequest;
import cc.integration.lookup.LookupSettings;
import cc.integration.lookup.LookupVerticle;
import cc.integration.lookup.adapter.http.HttpLookupClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lookups into other systems, as the pop asks them: {@code cc.integration.lookup.ask} over the event bus to the
 * lookup verticle, which asks a real HTTP order system on loopback. Three phases, each {@code --asks} asks at
 * {@code --concurrency} in flight: the system answering after {@code --system-ms} (every customer new, so nothing is
 * cached), the same customers again (from the cache), and the system hanging (every reply is the budget's
 * UNAVAILABLE: how close to the budget it comes is what a pop waits at most). Prints reply times in ms, percentiles.
 *
 * <p>Options: {@code --asks 5000 --concurrency 50 --system-ms 5 --budget-ms 300}.
 */
public final class LookupBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int asks = Integer.parseInt(o.getOrDefault("asks", "5000"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "50"));
        long systemMs = Long.parseLong(o.getOrDefault("system-ms", "5"));
        long budgetMs = Long.parseLong(o.getOrDefault("budget-ms", "300"));
        System.out.printf("machine: %d cores, %s, load average at start %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("asks per phase %,d, %d in flight, order system answers after %d ms, budget %d ms%n",
                asks, concurrency, systemMs, budgetMs);

        Vertx vertx = Vertx.vertx();
        try {
            String body = new JsonObject().put("orders", new JsonArray()
                    .add(new JsonObject().put("number", "SO-1").put("status", "shipped").put("total", 120))
                    .add(new JsonObject().put("number", "SO-2").put("status", "delivered").put("total", 80))).encode();
            HttpServer system = vertx.createHttpServer().requestHandler(req -> {
                if (req.path().startsWith("/hung/")) {
                    return;
                }
                if (systemMs <= 0) {
                    req.response().putHeader("content-type", "application/json").end(body);
                } else {
                    vertx.setTimer(systemMs, t -> req.response().putHeader("content-type", "application/json").end(body));
                }
            }).listen(0, "127.0.0.1").await();
            String base = "http://127.0.0.1:" + system.actualPort();
            ConfigNode root = ConfigNode.parse("bench-lookups.yaml", String.join("\n",
                    "lookups:",
                    "  - {name: orders, url: '" + base + "/ok/{accountNumber}', rowsAt: orders, timeout: 5s,",
                    "     cache: {ttl: 10m, size: " + (asks * 2) + "}, fields: [{key: number}, {key: status}, {key: total}]}",
                    "  - {name: hung, url: '" + base + "/hung/{accountNumber}', rowsAt: orders, timeout: 60s,",
                    "     circuitBreaker: {minimumCalls: 10000, window: 10000}, fields: [{key: number}]}",
                    ""), name -> null);
            LookupSettings settings = LookupSettings.read(root);
            root.finish();
            vertx.deployVerticle(new LookupVerticle(settings, v -> new HttpLookupClient(v, InstantSource.system())))
                    .await();

            phase(vertx, "warm-up", "orders", "W", Math.min(asks, 1000), concurrency, budgetMs);
            phase(vertx, "system answers", "orders", "A", asks, concurrency, budgetMs);
            phase(vertx, "cached", "orders", "A", asks, concurrency, budgetMs);
            phase(vertx, "system hangs", "hung", "H", Math.min(asks, 1000), concurrency, budgetMs);
        } finally {
            vertx.close().await();
        }
        System.out.printf("load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(0);
    }

    private static void phase(Vertx vertx, String name, String lookup, String prefix, int asks, int concurrency,
                              long budgetMs) {
        Histogram h = new Histogram(60_000_000L, 3);
        Map<LookupReply.Status, Integer> statuses = new EnumMap<>(LookupReply.Status.class);
        AtomicInteger cached = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Promise<Void> done = Promise.promise();
        AtomicInteger finished = new AtomicInteger();
        long t0 = System.nanoTime();
        Runnable[] one = new Runnable[1];
        one[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= asks) {
                return;
            }
            long start = System.nanoTime();
            vertx.eventBus().<LookupReply>request(LookupAddresses.ASK,
                            new LookupRequest(lookup, Map.of("accountNumber", prefix + i), budgetMs),
                            new DeliveryOptions().setSendTimeout(budgetMs * 20))
                    .onComplete(ar -> {
                        h.recordValue((System.nanoTime() - start) / 1_000);
                        synchronized (statuses) {
                            if (ar.succeeded()) {
                                statuses.merge(ar.result().body().status(), 1, Integer::sum);
                                if (ar.result().body().fromCache()) {
                                    cached.incrementAndGet();
                                }
                            }
                        }
                        if (finished.incrementAndGet() == asks) {
                            done.complete();
                        } else {
                            one[0].run();
                        }
                    });
        };
        vertx.runOnContext(v -> {
            for (int c = 0; c < concurrency; c++) {
                one[0].run();
            }
        });
        Future<Void> f = done.future();
        f.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-15s %,6d asks %6.0f/s  reply ms p50 %6.1f  p90 %6.1f  p99 %6.1f  max %6.1f  %s%s%n",
                name, asks, asks / seconds, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, statuses,
                cached.get() > 0 ? " (" + cached.get() + " from cache)" : "");
    }
}
