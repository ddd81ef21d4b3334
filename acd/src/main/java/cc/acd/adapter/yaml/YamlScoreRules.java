package cc.acd.adapter.yaml;

import cc.acd.domain.rules.ScoreCondition;
import cc.acd.domain.rules.ScoreRule;
import cc.acd.domain.rules.ScoreRules;
import cc.acd.domain.rules.ValueTiers;
import cc.core.config.ConfigNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The score rules of the configuration: {@code acd.scoreRules}, {@code acd.scoreWait}, {@code acd.scoreMaxAge}, and
 * the value tiers they may name ({@code scores.valueTiers}). Every error names the file and the key: an unknown
 * score or tier, an unknown queue, a rule that does nothing.
 */
public final class YamlScoreRules {
    private YamlScoreRules() {}

    /** The tiers when the key is left out: gold from 0.7, silver from 0.4 (as documented in config/server.yaml). */
    public static final ValueTiers DEFAULT_TIERS = new ValueTiers(List.of(new ValueTiers.Tier("gold", 0.7),
            new ValueTiers.Tier("silver", 0.4)));

    /** The value tiers, {@code - {name: gold, from: 0.7}} each; {@link #DEFAULT_TIERS} when left out. */
    public static ValueTiers tiers(ConfigNode scores) {
        if (!scores.has("valueTiers")) {
            scores.children("valueTiers");
            return DEFAULT_TIERS;
        }
        List<ValueTiers.Tier> tiers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode t : scores.children("valueTiers")) {
            String name = t.requiredString("name");
            if (!names.add(name)) {
                throw t.error("name", "tier \"" + name + "\" is listed twice");
            }
            try {
                tiers.add(new ValueTiers.Tier(name, t.decimal("from", 0, 0, 1)));
            } catch (IllegalArgumentException bad) {
                throw t.error("name", bad.getMessage());
            }
        }
        return new ValueTiers(tiers);
    }

    /**
     * The rules, their wait for scores, and the age past which a score is stale.
     *
     * @param queues the configured queue ids a rule may send to
     */
    public static YamlAcdSettings.ScoreRulesConfig read(ConfigNode acd, ValueTiers tiers, Set<String> queues) {
        Duration wait = acd.duration("scoreWait", Duration.ofMillis(300));
        if (wait.isZero() || wait.compareTo(Duration.ofSeconds(2)) > 0) {
            // the IVR waits for the ACD's answer (its enqueue timeout, 5 s in the shipped flows): stay well inside it
            throw acd.error("scoreWait", "must be between 1ms and 2s, was " + wait.toMillis() + "ms");
        }
        Duration maxAge = acd.duration("scoreMaxAge", Duration.ofDays(3));
        if (maxAge.isZero()) {
            throw acd.error("scoreMaxAge", "must be longer than zero");
        }
        List<ScoreRule> rules = new ArrayList<>();
        for (ConfigNode r : acd.children("scoreRules")) {
            ScoreCondition when;
            try {
                when = ScoreCondition.parse(r.requiredString("when"), tiers);
            } catch (IllegalArgumentException bad) {
                throw r.error("when", bad.getMessage());
            }
            Optional<String> queue = r.optionalString("queue").map(String::trim);
            if (queue.isPresent() && !queues.contains(queue.get())) {
                throw r.error("queue", "names queue \"" + queue.get() + "\", which is not configured");
            }
            int priority = r.integer("priority", 0, -1000, 1000);
            if (queue.isEmpty() && priority == 0) {
                throw r.error("when", "the rule does nothing: give it a queue, a priority, or both");
            }
            rules.add(new ScoreRule(when, queue, priority));
        }
        return new YamlAcdSettings.ScoreRulesConfig(new ScoreRules(rules, tiers, maxAge), wait);
    }
}
