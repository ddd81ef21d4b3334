package cc.integration.lookup;

import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP order system on loopback for tests, with named behaviours by path: {@code /fast/...} answers at once,
 * {@code /slow/...} after {@link #slowMs}, {@code /hung/...} never, {@code /flaky/...} with {@link #flakyStatus}.
 * Counts the requests each path received, so a test sees when a system was not asked at all.
 */
final class OrderSystem implements AutoCloseable {
    private final java.util.Map<String, AtomicInteger> requests = new java.util.concurrent.ConcurrentHashMap<>();
    final AtomicInteger flakyStatus = new AtomicInteger(500);
    volatile long slowMs = 1_200;
    private final Vertx vertx;
    private final HttpServer server;

    OrderSystem(Vertx vertx) {
        this.vertx = vertx;
        this.server = Await.result(vertx.createHttpServer().requestHandler(req -> {
            String path = req.path();
            requests.computeIfAbsent(path.substring(1, path.indexOf('/', 1)), k -> new AtomicInteger()).incrementAndGet();
            String account = path.substring(path.indexOf("/customers/") + "/customers/".length(), path.lastIndexOf("/orders"));
            String body = orders(account).encode();
            if (path.startsWith("/fast/")) {
                req.response().putHeader("content-type", "application/json").end(body);
            } else if (path.startsWith("/slow/")) {
                vertx.setTimer(slowMs, t -> req.response().putHeader("content-type", "application/json").end(body));
            } else if (path.startsWith("/flaky/")) {
                int status = flakyStatus.get();
                req.response().setStatusCode(status).end(status == 200 ? body : "{\"error\":\"down\"}");
            } // /hung/: never answers
        }).listen(0, "127.0.0.1"));
    }

    /** Requests received so far on one behaviour's path ({@code fast}, {@code flaky}, ...). */
    int requests(String kind) {
        return requests.getOrDefault(kind, new AtomicInteger()).get();
    }

    String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    static JsonObject orders(String account) {
        return new JsonObject().put("customer", account).put("orders", new JsonArray()
                .add(new JsonObject().put("number", "SO-1002").put("placedAt", "2026-11-30").put("status", "shipped")
                        .put("total", new JsonObject().put("amount", 1250000).put("currency", "IRR")))
                .add(new JsonObject().put("number", "SO-0977").put("placedAt", "2026-10-02").put("status", "delivered")
                        .put("total", new JsonObject().put("amount", 99.5).put("currency", "IRR"))));
    }

    @Override
    public void close() {
        Await.result(server.close());
    }
}
