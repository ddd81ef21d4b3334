package cc.ivr.adapter.http;

import cc.ivr.app.HttpLookup;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * {@link HttpLookup} with the Vert.x HTTP client. The time limit covers the whole exchange (connect, headers, body):
 * a timer fails the call and resets the request, so a slow service never holds a caller longer than the flow says.
 *
 * <p>Threading: call from a Vert.x context; the future completes on it.
 */
public final class VertxHttpLookup implements HttpLookup {
    private final Vertx vertx;
    private final HttpClient client;

    public VertxHttpLookup(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    }

    @Override
    public Future<Answer> call(String method, String url, Map<String, String> headers, String body, Duration timeout) {
        Promise<Answer> result = Promise.promise();
        long ms = Math.max(1, timeout.toMillis());
        RequestOptions opts = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setAbsoluteURI(url);
        headers.forEach(opts::putHeader);
        long timer = vertx.setTimer(ms, id -> result.tryFail(new TimeoutException("no answer within " + ms + " ms")));
        client.request(opts).compose(req -> {
            result.future().onFailure(e -> req.reset());
            return body.isEmpty() ? req.send() : req.send(Buffer.buffer(body));
        }).compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), fields(b))))
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.succeeded()) {
                        result.tryComplete(ar.result());
                    } else {
                        result.tryFail(ar.cause());
                    }
                });
        return result.future();
    }

    /** Top-level fields of a JSON object body as text; anything else gives no fields. */
    static Map<String, String> fields(Buffer body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.length() == 0) {
            return out;
        }
        JsonObject parsed;
        try {
            parsed = new JsonObject(body);
        } catch (RuntimeException notAJsonObject) {
            return out;
        }
        {
            parsed.forEach(e -> {
                Object v = e.getValue();
                out.put(e.getKey(), v instanceof JsonObject ? ((JsonObject) v).encode()
                        : v instanceof JsonArray ? ((JsonArray) v).encode() : String.valueOf(v));
            });
        }
        return out;
    }

    public Future<Void> close() {
        return client.close();
    }
}
