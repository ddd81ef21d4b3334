package cc.integration.lookup.adapter.http;

import cc.integration.lookup.LookupClient;
import cc.integration.lookup.domain.AnswerRows;
import cc.integration.lookup.domain.LookupDefinition;
import cc.integration.lookup.domain.LookupOutcome;
import cc.integration.lookup.domain.Reason;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lookups over HTTP GET with Vert.x's client. Per lookup: answers kept in a Caffeine cache for the lookup's TTL
 * (asked first, so a cached answer shows even while the system is away), and a resilience4j circuit breaker that,
 * after enough failed or slow calls, stops asking the system for a while and then lets a few trial calls through.
 * A call that outlives the asker's budget still completes in the background: its answer fills the cache for the
 * next pop, and its failure counts against the circuit.
 *
 * <p>Time for the cache's TTL and the circuit's rest comes from the given clock. Thread-safe (cache and breaker are);
 * answers are completed on the calling context.
 */
public final class HttpLookupClient implements LookupClient {
    private static final Logger log = LoggerFactory.getLogger(HttpLookupClient.class);

    private static final int POOL_PER_SYSTEM = 32;

    private final Vertx vertx;
    private final InstantSource clock;
    private final HttpClient http;
    private final Map<String, PerLookup> lookups = new ConcurrentHashMap<>();

    public HttpLookupClient(Vertx vertx, InstantSource clock) {
        this.vertx = vertx;
        this.clock = clock;
        // a system that hangs holds its connections until the timeout: room enough that pops keep asking meanwhile
        this.http = vertx.createHttpClient(new HttpClientOptions().setMaxRedirects(0).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(POOL_PER_SYSTEM));
    }

    /** The cache and circuit of one lookup, made on first use. */
    private record PerLookup(Cache<String, List<Map<String, String>>> cache, CircuitBreaker circuit) {}

    private PerLookup of(LookupDefinition d) {
        return lookups.computeIfAbsent(d.name(), n -> {
            // a TTL of zero keeps nothing
            Caffeine<Object, Object> b = Caffeine.newBuilder().maximumSize(d.cacheTtl().isZero() ? 0 : d.cacheSize())
                    .ticker(() -> {
                        var i = clock.instant();
                        return TimeUnit.SECONDS.toNanos(i.getEpochSecond()) + i.getNano();
                    });
            if (!d.cacheTtl().isZero()) {
                b.expireAfterWrite(d.cacheTtl());
            }
            LookupDefinition.Circuit c = d.circuit();
            CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                    .slidingWindow(c.window(), Math.min(c.minimumCalls(), c.window()),
                            CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .failureRateThreshold(c.failureRatePercent())
                    .slowCallRateThreshold(c.failureRatePercent())
                    .slowCallDurationThreshold(c.slowCall())
                    .waitDurationInOpenState(c.openFor())
                    .permittedNumberOfCallsInHalfOpenState(c.halfOpenCalls())
                    .recordExceptions(Throwable.class)
                    .clock(clock.withZone(ZoneOffset.UTC))
                    .build();
            CircuitBreaker breaker = CircuitBreaker.of("lookup-" + n, config);
            breaker.getEventPublisher().onStateTransition(e -> log.info("lookup {}: circuit {}", n,
                    e.getStateTransition()));
            return new PerLookup(b.build(), breaker);
        });
    }

    @Override
    public Future<LookupOutcome> fetch(LookupDefinition d, String url) {
        PerLookup p = of(d);
        List<Map<String, String>> cached = p.cache().getIfPresent(url);
        if (cached != null) {
            return Future.succeededFuture(LookupOutcome.answered(cached, true));
        }
        if (!p.circuit().tryAcquirePermission()) {
            return Future.succeededFuture(LookupOutcome.unavailable(
                    Reason.resting(d.system(), Math.max(1, d.circuit().openFor().toSeconds()))));
        }
        long started = System.nanoTime();
        return call(d, url).transform(ar -> {
            long took = System.nanoTime() - started;
            if (ar.succeeded()) {
                p.circuit().onSuccess(took, TimeUnit.NANOSECONDS);
                p.cache().put(url, ar.result());
                return Future.succeededFuture(LookupOutcome.answered(ar.result(), false));
            }
            p.circuit().onError(took, TimeUnit.NANOSECONDS, ar.cause());
            log.debug("lookup {} at {} failed: {}", d.name(), url, ar.cause().toString());
            return Future.succeededFuture(LookupOutcome.unavailable(reason(d, ar.cause())));
        });
    }

    private static Reason reason(LookupDefinition d, Throwable cause) {
        if (cause instanceof TimeoutException) {
            return Reason.timedOut(d.system(), d.timeout().toMillis());
        }
        if (cause instanceof HttpStatusException) {
            return Reason.httpError(d.system(), ((HttpStatusException) cause).status);
        }
        if (cause instanceof IllegalArgumentException || cause instanceof io.vertx.core.json.DecodeException) {
            return Reason.unreadable(d.system());
        }
        return Reason.unreachable(d.system());
    }

    /** One GET within the lookup's timeout; rows on 200, none on 404, a failure otherwise. */
    private Future<List<Map<String, String>>> call(LookupDefinition d, String url) {
        Promise<List<Map<String, String>>> done = Promise.promise();
        long timeoutMs = d.timeout().toMillis();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setConnectTimeout(timeoutMs).putHeader("Accept", "application/json");
        d.headers().forEach(options::putHeader);
        HttpClientRequest[] request = new HttpClientRequest[1];
        long timer = vertx.setTimer(timeoutMs, t -> {
            if (done.tryFail(new TimeoutException("no answer within " + timeoutMs + " ms")) && request[0] != null) {
                request[0].reset();
            }
        });
        http.request(options)
                .compose(req -> {
                    request[0] = req;
                    return req.send();
                })
                .compose(resp -> resp.body().map(body -> {
                    if (resp.statusCode() == 404) {
                        return List.<Map<String, String>>of();
                    }
                    if (resp.statusCode() != 200) {
                        throw new HttpStatusException(resp.statusCode());
                    }
                    return AnswerRows.pick(parse(body), d);
                }))
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.succeeded()) {
                        done.tryComplete(ar.result());
                    } else {
                        done.tryFail(ar.cause());
                    }
                });
        return done.future();
    }

    /** JSON as plain maps and lists, for the pure row picker. */
    private static Object parse(Buffer body) {
        Object v = plain(Json.decodeValue(body));
        if (!(v instanceof Map) && !(v instanceof List)) {
            throw new IllegalArgumentException("the answer is not a JSON object or list");
        }
        return v;
    }

    private static Object plain(Object v) {
        if (v instanceof JsonObject) {
            v = ((JsonObject) v).getMap();
        } else if (v instanceof JsonArray) {
            v = ((JsonArray) v).getList();
        }
        if (v instanceof Map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof List) {
            return ((List<?>) v).stream().map(HttpLookupClient::plain).toList();
        }
        return v;
    }

    @Override
    public void close() {
        http.close();
    }

    private static final class HttpStatusException extends RuntimeException {
        private final int status;

        HttpStatusException(int status) {
            super("HTTP " + status);
            this.status = status;
        }
    }
}
