package cc.ivr.app;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.Map;

/**
 * Calls an external service for a flow. The future fails when there is no answer within the time limit, or the
 * service cannot be reached.
 */
public interface HttpLookup {

    /** The answer: status and the top-level fields of a JSON object body (nested values as JSON text). */
    record Answer(int status, Map<String, String> fields) {
        public Answer {
            fields = Map.copyOf(fields);
        }
    }

    Future<Answer> call(String method, String url, Map<String, String> headers, String body, Duration timeout);
}
