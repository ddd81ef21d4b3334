package cc.console.domain.quality;

import java.util.Objects;

/**
 * One thing the evaluator checks on a call.
 *
 * @param id       stable key the answers refer to ({@code greeting}); unique within the form
 * @param text     the question as the evaluator reads it
 * @param weight   its share of the score relative to the other criteria; above 0
 * @param scale    how it is answered
 * @param critical when answered {@code no} (or 1 on the 1-5 scale) the whole form fails, whatever the other points
 */
public record Criterion(String id, String text, double weight, Scale scale, boolean critical) {
    public Criterion {
        Objects.requireNonNull(scale, "scale");
        id = id == null ? "" : id.strip();
        text = text == null ? "" : text.strip();
    }
}
