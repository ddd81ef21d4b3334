package cc.acd.adapter.yaml;

import cc.acd.domain.rules.ValueTiers;
import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class YamlScoreRulesTest {

    private static YamlAcdSettings.ScoreRulesConfig read(String rules) {
        ConfigNode root = ConfigNode.parse("server.yaml", String.join("\n",
                "scores:",
                "  valueTiers:",
                "    - {name: gold, from: 0.7}",
                "    - {name: silver, from: 0.4}",
                "acd:",
                "  scoreWait: 250ms",
                "  scoreRules:",
                rules), name -> null);
        ValueTiers tiers = YamlScoreRules.tiers(root.child("scores"));
        YamlAcdSettings.ScoreRulesConfig r = YamlScoreRules.read(root.child("acd"), tiers, Set.of("support", "retention"));
        root.finish();
        return r;
    }

    @Test
    @DisplayName("rules are read in order with their queue and priority, the wait and the default maximum age")
    void readsRules() {
        YamlAcdSettings.ScoreRulesConfig r = read("    - {when: churnRisk > 0.7, queue: retention}\n"
                + "    - {when: valueTier = gold, priority: 5}");
        assertEquals(2, r.rules().rules().size());
        assertEquals(Optional.of("retention"), r.rules().rules().get(0).queue());
        assertEquals(5, r.rules().rules().get(1).priority());
        assertEquals(Duration.ofMillis(250), r.scoreWait());
        assertEquals(Duration.ofDays(3), r.rules().maxAge());
        assertEquals(Optional.of("gold"), r.rules().tiers().tierOf(0.8));
    }

    @Test
    @DisplayName("a bad rule names the file and the key: unknown score, unknown tier, unknown queue, a rule doing nothing")
    void badRulesNameFileAndKey() {
        assertEquals("server.yaml: acd.scoreRules[0].when: unknown score \"churn\" (value, loyalty, churnRisk, "
                + "propensity_<product> or valueTier)",
                assertThrows(ConfigException.class, () -> read("    - {when: churn > 0.7, queue: retention}"))
                        .getMessage());
        assertEquals("server.yaml: acd.scoreRules[1].queue: names queue \"vip\", which is not configured",
                assertThrows(ConfigException.class, () -> read("    - {when: churnRisk > 0.7, queue: retention}\n"
                        + "    - {when: valueTier = gold, queue: vip}")).getMessage());
        assertThrows(ConfigException.class, () -> read("    - {when: valueTier = platinum, priority: 5}"));
        assertThrows(ConfigException.class, () -> read("    - {when: churnRisk > 0.7}"));
        assertThrows(ConfigException.class, () -> read("    - {when: churnRisk > 0.7, queue: retention, prio: 5}"));
    }
}
