package cc.acd.domain.rules;

import cc.core.domain.scoring.CustomerScore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The ordered score rules of {@code acd.scoreRules} and what they do to a call entering the ACD for a known
 * customer. Every rule whose condition holds acts, in order: priorities add up; the first rule naming a queue decides
 * the queue (a later one that names another is noted and ignored). A rule that matches but changes nothing (its
 * queue is the one asked for) is noted too, so the record says the rule was seen.
 *
 * <p>A score computed longer than {@code maxAge} before the call (or with no time) is stale: rules on it do not match,
 * as if the customer had no such score, and the decision notes it. Scores are recomputed daily; a customer whose
 * scores a stopped recompute left behind is routed as any caller is rather than by a risk that may be long gone.
 */
public record ScoreRules(List<ScoreRule> rules, ValueTiers tiers, Duration maxAge) {
    public ScoreRules {
        rules = List.copyOf(rules);
        Objects.requireNonNull(tiers, "tiers");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be longer than zero");
        }
    }

    public static ScoreRules none() {
        return new ScoreRules(List.of(), ValueTiers.none(), Duration.ofDays(3));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Applies the rules to a call asked into {@code queue} with {@code priority}.
     *
     * @param scores the customer's current scores (any names)
     * @param now    the call's arrival
     */
    public RuleDecision apply(String queue, int priority, List<CustomerScore> scores, Instant now) {
        Map<String, CustomerScore> fresh = new HashMap<>();
        TreeSet<String> stale = new TreeSet<>();
        Instant oldest = now.minus(maxAge);
        for (CustomerScore s : scores) {
            if (s.computedAt().isBefore(oldest) || s.computedAt().equals(Instant.EPOCH)) {
                stale.add(s.name());
            } else {
                fresh.put(s.name(), s);
            }
        }
        String toQueue = queue;
        boolean queueDecided = false;
        int toPriority = priority;
        boolean matched = false;
        List<String> notes = new ArrayList<>();
        TreeSet<String> staleRead = new TreeSet<>();
        for (ScoreRule r : rules) {
            String reads = r.when().reads();
            CustomerScore s = fresh.get(reads);
            if (s == null) {
                if (stale.contains(reads)) {
                    staleRead.add(reads);
                }
                continue;
            }
            if (!r.when().holds(s.score(), tiers)) {
                continue;
            }
            matched = true;
            List<String> did = new ArrayList<>(2);
            if (r.queue().isPresent()) {
                String q = r.queue().get();
                if (queueDecided) {
                    did.add(q.equals(toQueue) ? "queue " + q + " (already)" : "queue " + q + " not taken (an earlier rule chose "
                            + toQueue + ")");
                } else {
                    queueDecided = true;
                    did.add(q.equals(toQueue) ? "queue " + q + " (already there)" : "queue " + q);
                    toQueue = q;
                }
            }
            if (r.priority() != 0) {
                toPriority += r.priority();
                did.add("priority " + (r.priority() > 0 ? "+" : "") + r.priority());
            }
            notes.add(r.when().seen(s.score(), tiers) + ": " + String.join(", ", did));
        }
        if (!staleRead.isEmpty()) {
            notes.add("stale, not used: " + String.join(", ", staleRead) + " (older than " + maxAge.toHours() + " h)");
        }
        boolean changed = !toQueue.equals(queue) || toPriority != priority;
        return new RuleDecision(toQueue, toPriority, matched, changed, notes);
    }
}
