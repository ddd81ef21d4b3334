package cc.console.adapter.http;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DateTimeException;

/**
 * Failure handler of the REST API for requests whose body or query has a field missing, null or of the wrong type
 * where a handler read it as a string, number or time ({@code {"language": null}}, {@code {"state": 5}}: found by
 * {@code ConsoleInputFuzzIT}, which got a bare 500 for them): answered 400 with a JSON error instead. Logged with
 * the stack at WARN, so a handler that fails this way on a body it should accept is still seen.
 */
final class BadFieldFailures {
    private static final Logger log = LoggerFactory.getLogger(BadFieldFailures.class);

    private BadFieldFailures() {}

    static void handle(RoutingContext rc) {
        Throwable f = rc.failure();
        boolean input = rc.request().query() != null || (rc.body() != null && rc.body().length() > 0);
        boolean badField = f instanceof ClassCastException || f instanceof NullPointerException
                || f instanceof DateTimeException || f instanceof NumberFormatException;
        if (!input || !badField || rc.response().headWritten()) {
            rc.next();
            return;
        }
        log.warn("{} {}: a field of the request is missing or of the wrong type", rc.request().method(),
                rc.request().path(), f);
        ApiReplies.fail(rc, 400, "a field of the request is missing, null or of the wrong type");
    }
}
