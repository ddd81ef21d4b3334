package cc.integration.webhook;

import cc.core.app.integration.EventSink;
import cc.core.app.integration.StoredEvent;
import cc.core.domain.integration.BusinessEvent;
import cc.integration.domain.webhook.ParkRule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A webhook subscription as an outbox sink. Each batch the relay offers is POSTed in requests of at most
 * {@code maxEvents} events, one after the other (so a receiver handling requests in arrival order keeps each entity's
 * order), body:
 *
 * <pre>{"subscription":"crm","deliveryId":"…","events":[{"id":"…","seq":41,"type":"interaction.ended",
 *   "entityId":"…","occurredAt":"2026-12-02T16:30:00Z","payload":{…}}, …]}</pre>
 *
 * with {@code X-CC-Event-Ids} (the events' ids, comma-separated), {@code X-CC-Timestamp} and {@code X-CC-Signature}
 * ({@link WebhookSignature}). A 2xx answer accepts the request; anything else, or no answer within the timeout, fails
 * the batch and the relay offers it again after the subscription's backoff. Requests the receiver already accepted
 * are not sent again when the same batch comes back. Once the batch has been failing for {@code parkAfter}, its
 * events not yet accepted are parked in the dead-letter list and the batch counts as delivered.
 *
 * <p>Threading: called on the relay's event loop, one batch at a time.
 */
public final class WebhookSink implements EventSink {
    private static final Logger log = LoggerFactory.getLogger(WebhookSink.class);

    private final WebhookSubscription sub;
    private final HttpClientAgent http;
    private final DeadLetterStore deadLetters;
    private final InstantSource clock;
    private final ParkRule parkRule;
    /** Seqs of the batch being retried that the receiver has already accepted. */
    private final Set<Long> accepted = new HashSet<>();
    private Optional<ParkRule.Attempts> attempts = Optional.empty();

    public WebhookSink(Vertx vertx, WebhookSubscription sub, DeadLetterStore deadLetters, InstantSource clock) {
        this.sub = sub;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.parkRule = new ParkRule(sub.parkAfter());
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, sub.timeout().toMillis()))
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(2));
    }

    public WebhookSubscription subscription() {
        return sub;
    }

    @Override
    public String name() {
        return sub.sinkName();
    }

    @Override
    public boolean wants(String wireType) {
        return sub.events().wants(wireType);
    }

    @Override
    public Future<Void> deliver(List<StoredEvent> batch) {
        List<StoredEvent> toSend = batch.stream().filter(e -> !accepted.contains(e.seq())).toList();
        return sendInTurn(toSend, 0).transform(ar -> {
            if (ar.succeeded()) {
                accepted.clear();
                attempts = Optional.empty();
                return Future.succeededFuture();
            }
            ParkRule.Attempts a = parkRule.failed(attempts, batch.get(0).seq(), clock.instant());
            attempts = Optional.of(a);
            if (!parkRule.park(a, clock.instant())) {
                return Future.failedFuture(ar.cause());
            }
            List<StoredEvent> park = batch.stream().filter(e -> !accepted.contains(e.seq())).toList();
            log.warn("webhook {}: parking {} events (seqs {}..{}) after {} failed attempts since {}: {}", sub.name(),
                    park.size(), park.get(0).seq(), park.get(park.size() - 1).seq(), a.count(), a.firstFailure(),
                    ar.cause().getMessage());
            return deadLetters.park(sub.name(), park, a.count(), String.valueOf(ar.cause().getMessage()),
                    clock.instant()).onSuccess(v -> {
                        accepted.clear();
                        attempts = Optional.empty();
                    });
        });
    }

    private Future<Void> sendInTurn(List<StoredEvent> events, int from) {
        if (from >= events.size()) {
            return Future.succeededFuture();
        }
        List<StoredEvent> chunk = events.subList(from, Math.min(events.size(), from + sub.maxEvents()));
        return post(chunk).compose(status -> {
            if (status / 100 != 2) {
                return Future.failedFuture("receiver answered " + status);
            }
            chunk.forEach(e -> accepted.add(e.seq()));
            return sendInTurn(events, from + chunk.size());
        });
    }

    /** One signed POST of these events; the receiver's HTTP status (a dead-letter replay uses it too). */
    public Future<Integer> post(List<StoredEvent> events) {
        Buffer body = Buffer.buffer(body(sub.name(), events));
        long timestamp = clock.instant().getEpochSecond();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(sub.url().toString())
                .setTimeout(sub.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(WebhookSignature.SUBSCRIPTION_HEADER, sub.name())
                .putHeader(WebhookSignature.EVENT_IDS_HEADER, events.stream().map(e -> e.event().id())
                        .collect(Collectors.joining(",")))
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .putHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(sub.secret(), timestamp,
                        body.getBytes()));
        return http.request(options)
                .compose(req -> req.send(body))
                // read the answer whole, so the connection goes back to the pool
                .compose(resp -> resp.body().map(b -> resp.statusCode()));
    }

    /**
     * The request body of these events. Built as text with each payload copied as it is (the stores write JSON
     * objects, checked by {@link BusinessEvent}): parsing and re-encoding every payload would cost more than the rest.
     */
    static String body(String subscription, List<StoredEvent> events) {
        StringBuilder b = new StringBuilder(256 + events.size() * 256);
        b.append("{\"subscription\":").append(Json.encode(subscription)).append(",\"deliveryId\":\"")
                .append(UUID.randomUUID()).append("\",\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            StoredEvent s = events.get(i);
            BusinessEvent e = s.event();
            b.append(i == 0 ? "" : ",").append("{\"id\":").append(Json.encode(e.id())).append(",\"seq\":")
                    .append(s.seq()).append(",\"type\":\"").append(e.type().wire()).append("\",\"entityId\":")
                    .append(Json.encode(e.entityId())).append(",\"occurredAt\":\"").append(e.occurredAt())
                    .append("\",\"payload\":").append(e.payloadJson()).append('}');
        }
        return b.append("]}").toString();
    }

    public Future<Void> close() {
        return http.close();
    }
}
