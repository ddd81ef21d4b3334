package cc.integration.lookup.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One configured lookup ({@code orders}): where to ask, how long to wait, how long an answer is kept, when to stop
 * asking a failing system, and which fields of its answer the agent sees under which labels.
 *
 * @param name      what askers name it by ({@code orders})
 * @param system    the system's name as the agent is told it ("the order system"), English and Persian
 * @param title     the heading on the pop ("Last orders"), English and Persian
 * @param url       the URL with the customer's keys in braces
 * @param headers   request headers (an API token from the environment)
 * @param rowsAt    the key of the answer's top object that holds the list; empty when the answer is the list (or one
 *                  object, shown as one row)
 * @param maxRows   at most this many rows are shown
 * @param timeout   an HTTP call taking longer fails (and counts against the circuit)
 * @param cacheTtl  how long an answer is reused; zero: never cached
 * @param cacheSize at most this many answers are kept
 * @param circuit   when to stop asking a failing system, and for how long
 * @param fields    the fields shown, in order
 */
public record LookupDefinition(String name, Labels system, Labels title, UrlTemplate url, Map<String, String> headers,
        String rowsAt, int maxRows, Duration timeout, Duration cacheTtl, int cacheSize, Circuit circuit,
        List<Field> fields) {

    public LookupDefinition {
        Objects.requireNonNull(name, "name");
        headers = Map.copyOf(headers);
        fields = List.copyOf(fields);
    }

    /** A text in English and Persian. */
    public record Labels(String en, String fa) {}

    /**
     * A field shown: {@code key} is its name in the system's answer ({@code total.amount} reaches into an object),
     * shown under the labels.
     */
    public record Field(String key, String en, String fa) {}

    /**
     * The circuit breaker: over the last {@code window} calls (once at least {@code minimumCalls} were made), when
     * {@code failureRatePercent} of them failed or were slower than {@code slowCall}, the system is not asked for
     * {@code openFor}; then {@code halfOpenCalls} trial calls decide whether it is back.
     */
    public record Circuit(int failureRatePercent, int minimumCalls, int window, Duration slowCall, Duration openFor,
            int halfOpenCalls) {}
}
