package cc.acd.adapter.yaml;

import cc.acd.domain.queue.OverflowTarget;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.RoutingStrategy;
import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlAcdSettingsTest {

    private static YamlAcdSettings.AcdConfig read(String yaml) {
        ConfigNode root = ConfigNode.parse("server.yaml", yaml, name -> null);
        YamlAcdSettings.AcdConfig c = YamlAcdSettings.read(root.child("acd"));
        root.finish();
        return c;
    }

    @Test
    @DisplayName("queues and agents are read with their strategy, limits, overflow, skills and phones")
    void readsQueuesAndAgents() {
        YamlAcdSettings.AcdConfig c = read(String.join("\n",
                "acd:",
                "  ringTimeout: 12s",
                "  agentsAvailableAtStart: false",
                "  queues:",
                "    - {id: billing, strategy: best-skill-match, waitLimit: 90s, overflow: 'queue:support',"
                        + " skills: 'billing:3', wrapUp: 10s}",
                "    - {id: support, overflow: callback}",
                "  agents:",
                "    - {id: sara, phone: PJSIP/1001, queues: [billing, support], skills: 'billing:7, fa'}"));
        QueueConfig billing = c.settings().queues().get(0);
        assertEquals(RoutingStrategy.BEST_SKILL_MATCH, billing.strategy());
        assertEquals(Duration.ofSeconds(90), billing.waitLimit());
        assertEquals(new OverflowTarget.ToQueue("support"), billing.overflow());
        assertEquals(Duration.ofSeconds(10), billing.wrapUp());
        assertEquals(new OverflowTarget.ToCallback(), c.settings().queues().get(1).overflow());
        assertEquals(Duration.ofSeconds(12), c.settings().ringTimeout());
        assertEquals(Map.of("billing", 7, "fa", 1), c.settings().agents().get(0).profile().skills());
        assertEquals("PJSIP/1001", c.settings().agents().get(0).dialString());
        assertEquals(java.util.Optional.of(false), c.agentsAvailableAtStart());
    }

    @Test
    @DisplayName("with no acd section the demo queue 'support' and ten agents on PJSIP/1001.. are configured")
    void demoDefaults() {
        YamlAcdSettings.AcdConfig c = read("acd: {}");
        assertEquals(List.of("support"), c.settings().queues().stream().map(QueueConfig::id).toList());
        assertEquals(10, c.settings().agents().size());
        assertEquals("PJSIP/1001", c.settings().agents().get(0).dialString());
        assertTrue(c.agentsAvailableAtStart().isEmpty());
    }

    @Test
    @DisplayName("a bad value is refused with the file and the key named")
    void errorsNameFileAndKey() {
        assertMessage("server.yaml: acd.queues[0].strategy", "acd:\n  queues:\n    - {id: a, strategy: random}");
        assertMessage("server.yaml: acd.queues[0].overflow", "acd:\n  queues:\n    - {id: a, overflow: 'queue:nope'}");
        assertMessage("server.yaml: acd.agents[0].queues",
                "acd:\n  queues:\n    - {id: a}\n  agents:\n    - {id: x, phone: PJSIP/1, queues: [b]}");
        assertMessage("server.yaml: acd.agents[0].skills",
                "acd:\n  queues:\n    - {id: a}\n  agents:\n    - {id: x, phone: PJSIP/1, queues: [a], skills: 'fa:11'}");
        assertMessage("server.yaml: acd.queues[1].id", "acd:\n  queues:\n    - {id: a}\n    - {id: a}");
        assertMessage("server.yaml: acd.ringTimeout", "acd:\n  ringTimeout: 0s");
        assertMessage("server.yaml: acd.queues[0].waitlimit", "acd:\n  queues:\n    - {id: a, waitlimit: 5s}");
    }

    private static void assertMessage(String prefix, String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(yaml));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
