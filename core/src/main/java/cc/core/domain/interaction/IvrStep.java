package cc.core.domain.interaction;

import java.time.Instant;

/**
 * One node of an IVR flow the caller went through.
 *
 * @param node  the node's id in its flow, e.g. {@code main-menu}
 * @param input what the caller keyed there (empty when nothing)
 * @param at    when the caller entered the node
 */
public record IvrStep(String node, String input, Instant at) {
    public IvrStep {
        input = input == null ? "" : input;
    }
}
