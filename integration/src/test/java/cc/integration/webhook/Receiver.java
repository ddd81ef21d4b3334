package cc.integration.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback, as a customer's system would run one: a real HTTP server that checks each request's
 * signature with the shared secret (and answers 401 when it fails) and keeps every event it accepted, in arrival
 * order. It can be taken down (the port closed) and brought up again on the same port, or told to answer an error.
 */
public final class Receiver implements AutoCloseable {
    /** One event as it arrived. */
    public record Arrived(String id, long seq, String type, String entityId, String occurredAt, String payload,
                          long receivedAtNanos) {}

    private final Vertx vertx;
    private final byte[] secret;
    private final List<Arrived> events = new ArrayList<>();
    private final List<String> refusedSignatures = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int answer = 200;
    private volatile long delayMillis;
    private volatile int port;
    private HttpServer server;

    public Receiver(Vertx vertx, String secret) {
        this.vertx = vertx;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        up();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    /** Listens (again, on the same port once it had one). */
    public synchronized void up() {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            requests.incrementAndGet();
            String ts = req.getHeader(WebhookSignature.TIMESTAMP_HEADER);
            String sig = req.getHeader(WebhookSignature.SIGNATURE_HEADER);
            byte[] bytes = body.getBytes();
            if (ts == null || !WebhookSignature.verify(secret, Long.parseLong(ts), bytes, sig)) {
                synchronized (this) {
                    refusedSignatures.add(sig);
                }
                req.response().setStatusCode(401).end();
                return;
            }
            int status = answer;
            if (status / 100 == 2) {
                long now = System.nanoTime();
                JsonObject json = new JsonObject(body);
                synchronized (this) {
                    for (Object o : json.getJsonArray("events")) {
                        JsonObject e = (JsonObject) o;
                        events.add(new Arrived(e.getString("id"), e.getLong("seq"), e.getString("type"),
                                e.getString("entityId"), e.getString("occurredAt"), e.getJsonObject("payload").encode(),
                                now));
                    }
                }
            }
            if (delayMillis > 0) {
                vertx.setTimer(delayMillis, id -> req.response().setStatusCode(status).end());
            } else {
                req.response().setStatusCode(status).end();
            }
        }));
        port = await(server.listen(port, "127.0.0.1")).actualPort();
    }

    /** Closes the port: senders get "connection refused". */
    public synchronized void down() {
        if (server != null) {
            await(server.close());
            server = null;
        }
    }

    /** Answers every signed request with this status (200 accepts). */
    public void answer(int status) {
        answer = status;
    }

    /** Answers each request this much later (a slow receiver), accepted events kept at once. */
    public void slowBy(long millis) {
        delayMillis = millis;
    }

    public synchronized List<Arrived> events() {
        return List.copyOf(events);
    }

    public synchronized List<String> refusedSignatures() {
        return List.copyOf(refusedSignatures);
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        down();
    }

    private static <T> T await(io.vertx.core.Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
