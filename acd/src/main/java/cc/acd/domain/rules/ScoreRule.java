package cc.acd.domain.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * One rule of {@code acd.scoreRules}: when the condition holds, send the caller to a queue and/or change its priority.
 *
 * @param when     the condition on a score
 * @param queue    the queue to send the caller to; empty to leave the queue as asked
 * @param priority points added to the caller's priority (negative lowers it)
 */
public record ScoreRule(ScoreCondition when, Optional<String> queue, int priority) {
    public ScoreRule {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(queue, "queue");
        if (queue.isEmpty() && priority == 0) {
            throw new IllegalArgumentException("a rule must send to a queue or change the priority");
        }
    }
}
