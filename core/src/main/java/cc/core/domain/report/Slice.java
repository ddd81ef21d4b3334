package cc.core.domain.report;

import java.time.Instant;
import java.util.Objects;

/**
 * The figures of one subject (a campaign, a queue, an agent) over one slice of time, as an aggregate query hands
 * them over: a quarter hour or a local day ({@link SliceGrain}), named by its start.
 */
public record Slice<F>(String subject, Instant start, F figures) {
    public Slice {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(figures, "figures");
    }
}
