package cc.acd.domain.rules;

import cc.core.domain.scoring.CustomerScore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final ValueTiers TIERS = new ValueTiers(List.of(new ValueTiers.Tier("silver", 0.4),
            new ValueTiers.Tier("gold", 0.7)));
    private static final ScoreRules RULES = new ScoreRules(List.of(
            new ScoreRule(ScoreCondition.parse("churnRisk > 0.7", TIERS), Optional.of("retention"), 0),
            new ScoreRule(ScoreCondition.parse("valueTier = gold", TIERS), Optional.empty(), 5),
            new ScoreRule(ScoreCondition.parse("loyalty < 0.2", TIERS), Optional.of("winback"), 0)),
            TIERS, Duration.ofDays(3));

    private static CustomerScore score(String name, double value) {
        return new CustomerScore(7, name, value, NOW.minus(Duration.ofHours(5)), List.of());
    }

    @Test
    @DisplayName("a caller at high churn risk is sent to the retention queue, and the record says why")
    void highChurnGoesToRetention() {
        RuleDecision d = RULES.apply("support", 1, List.of(score("churnRisk", 0.9), score("value", 0.3)), NOW);
        assertEquals("retention", d.queue());
        assertEquals(1, d.priority());
        assertTrue(d.changed());
        assertEquals("churnRisk 0.90 > 0.7: queue retention", d.detail());
    }

    @Test
    @DisplayName("a gold customer gains 5 points of priority; a silver one does not")
    void goldGainsPriority() {
        RuleDecision gold = RULES.apply("support", 1, List.of(score("value", 0.75)), NOW);
        assertEquals("support", gold.queue());
        assertEquals(6, gold.priority());
        assertEquals("valueTier gold (value 0.75): priority +5", gold.detail());
        RuleDecision silver = RULES.apply("support", 1, List.of(score("value", 0.5)), NOW);
        assertFalse(silver.matched());
        assertEquals(1, silver.priority());
    }

    @Test
    @DisplayName("matching rules add up; the first queue wins and a later one is noted as not taken")
    void rulesAddUpFirstQueueWins() {
        RuleDecision d = RULES.apply("support", 0, List.of(score("churnRisk", 0.8), score("value", 0.9),
                score("loyalty", 0.1)), NOW);
        assertEquals("retention", d.queue());
        assertEquals(5, d.priority());
        assertEquals(List.of("churnRisk 0.80 > 0.7: queue retention", "valueTier gold (value 0.90): priority +5",
                "loyalty 0.10 < 0.2: queue winback not taken (an earlier rule chose retention)"), d.notes());
    }

    @Test
    @DisplayName("a rule that matches but changes nothing (already in its queue) is still recorded")
    void matchedWithoutChange() {
        RuleDecision d = RULES.apply("retention", 0, List.of(score("churnRisk", 0.95)), NOW);
        assertTrue(d.matched());
        assertFalse(d.changed());
        assertEquals("churnRisk 0.95 > 0.7: queue retention (already there)", d.detail());
    }

    @Test
    @DisplayName("a customer without scores is routed as asked")
    void noScores() {
        RuleDecision d = RULES.apply("support", 2, List.of(), NOW);
        assertEquals("support", d.queue());
        assertEquals(2, d.priority());
        assertFalse(d.matched());
        assertEquals("", d.detail());
    }

    @Test
    @DisplayName("scores older than the maximum age (or with no time) do not apply, and the decision says so")
    void staleScoresDoNotApply() {
        CustomerScore old = new CustomerScore(7, "churnRisk", 0.95, NOW.minus(Duration.ofDays(4)), List.of());
        CustomerScore timeless = new CustomerScore(7, "value", 0.95, Instant.EPOCH, List.of());
        RuleDecision d = RULES.apply("support", 0, List.of(old, timeless), NOW);
        assertEquals("support", d.queue());
        assertEquals(0, d.priority());
        assertFalse(d.matched());
        assertEquals("stale, not used: churnRisk, value (older than 72 h)", d.detail());
    }

    @Test
    @DisplayName("conditions refuse an unknown score, an unknown tier, a tier compared by size, a number out of 0..1")
    void badConditions() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScoreCondition.parse("churn > 0.7", TIERS))
                .getMessage().contains("unknown score \"churn\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScoreCondition.parse("valueTier = platinum",
                TIERS)).getMessage().contains("unknown value tier \"platinum\""));
        assertThrows(IllegalArgumentException.class, () -> ScoreCondition.parse("valueTier > gold", TIERS));
        assertThrows(IllegalArgumentException.class, () -> ScoreCondition.parse("churnRisk > 7", TIERS));
        assertThrows(IllegalArgumentException.class, () -> ScoreCondition.parse("churnRisk high", TIERS));
        assertEquals("propensity_card >= 0.5", ScoreCondition.parse("propensity_card>=0.5", TIERS).toString());
    }
}
