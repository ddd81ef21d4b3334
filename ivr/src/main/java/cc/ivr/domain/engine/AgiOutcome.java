package cc.ivr.domain.engine;

import cc.core.domain.customer.Customer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What happened since the last decision: the result of its last action, or the caller hanging up. Each carries the
 * time it happened, the only clock the interpreter sees.
 */
public sealed interface AgiOutcome {

    Instant at();

    /** The session begins: enter the flow's first node. */
    record Started(Instant at) implements AgiOutcome {}

    /** The actions ran to the end and returned nothing to decide on (played, answered, recorded, stored). */
    record Completed(Instant at) implements AgiOutcome {}

    /** Keys the caller pressed; empty when the caller pressed nothing before the timeout. */
    record Digits(String digits, Instant at) implements AgiOutcome {
        public Digits {
            digits = digits == null ? "" : digits;
        }
    }

    /** The caller hung up. */
    record HungUp(Instant at) implements AgiOutcome {}

    /** The customer lookup answered (empty: no such customer, or the store could not be reached). */
    record CustomerFound(Optional<Customer> customer, Instant at) implements AgiOutcome {}

    /** An HTTP service answered; {@code fields} are the top-level fields of a JSON object body. */
    record HttpAnswered(int status, Map<String, String> fields, Instant at) implements AgiOutcome {
        public HttpAnswered {
            fields = Map.copyOf(fields);
        }
    }

    /** An HTTP call failed or did not answer in time. */
    record HttpFailed(String reason, Instant at) implements AgiOutcome {}

    /**
     * A lookup into another system answered: {@code status} found, none or unavailable (slow, down, circuit open, no
     * such lookup), its rows, and for unavailable the reason.
     */
    record LookupAnswered(String status, java.util.List<Map<String, String>> rows, String reason, Instant at)
            implements AgiOutcome {
        public LookupAnswered {
            rows = java.util.List.copyOf(rows);
        }
    }

    /** A self-service query answered (empty: nothing found, or the data could not be read). */
    record DataFound(Optional<Map<String, String>> fields, Instant at) implements AgiOutcome {}

    /** The ACD answered the enqueue request: accepted, or refused/unreachable. */
    record EnqueueAnswered(boolean accepted, String detail, Instant at) implements AgiOutcome {}
}
