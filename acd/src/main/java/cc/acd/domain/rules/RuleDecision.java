package cc.acd.domain.rules;

import java.util.List;

/**
 * What the score rules made of one call.
 *
 * @param queue    the queue the caller waits in
 * @param priority the caller's priority
 * @param matched  whether any rule's condition held
 * @param changed  whether the queue or the priority differs from what was asked
 * @param notes    per matching rule, what it saw and did (or why it did nothing); then the stale scores left out
 */
public record RuleDecision(String queue, int priority, boolean matched, boolean changed, List<String> notes) {
    public RuleDecision {
        notes = List.copyOf(notes);
    }

    /** The notes as one line: {@code churnRisk 0.90 > 0.7: queue retention; valueTier gold: priority +5}. */
    public String detail() {
        return String.join("; ", notes);
    }
}
