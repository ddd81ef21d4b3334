package cc.acd.adapter.yaml;

import cc.acd.domain.agent.AgentCapacity;
import cc.acd.domain.media.MediaSettings;
import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import cc.core.domain.interaction.InteractionChannel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** acd.capacity, acd.agents[].capacity, acd.mediaOfferTimeout and acd.mediaWrapUp. */
class YamlMediaSettingsTest {

    private static MediaSettings read(String yaml) {
        ConfigNode root = ConfigNode.parse("server.yaml", yaml, name -> null);
        YamlAcdSettings.AcdConfig c = YamlAcdSettings.read(root.child("acd"));
        root.finish();
        return c.media();
    }

    @Test
    @DisplayName("everyone's capacity, an agent's own (starting from everyone's), the offer timeout and wrap-ups")
    void readsCapacities() {
        MediaSettings m = read(String.join("\n",
                "acd:",
                "  capacity: {chat: 4, email: 2, mix: free}",
                "  mediaOfferTimeout: 20s",
                "  mediaWrapUp: {email: 15s}",
                "  queues: [{id: support}]",
                "  agents:",
                "    - {id: sara, phone: PJSIP/1001, queues: [support], capacity: {chat: 1}}",
                "    - {id: reza, phone: PJSIP/1002, queues: [support]}"));
        assertEquals(new AgentCapacity(1, 4, 2, AgentCapacity.Mix.FREE), m.capacity("reza"));
        assertEquals(new AgentCapacity(1, 1, 2, AgentCapacity.Mix.FREE), m.capacity("sara"));
        assertEquals(Duration.ofSeconds(20), m.offerTimeout());
        assertEquals(Duration.ofSeconds(15), m.wrapUp(InteractionChannel.EMAIL));
        assertEquals(Duration.ZERO, m.wrapUp(InteractionChannel.CHAT));
    }

    @Test
    @DisplayName("left out: voice 1, chat 3, email 5, voice alone, 30 s offers, no wrap-up")
    void defaults() {
        MediaSettings m = read("acd: {}");
        assertEquals(AgentCapacity.DEFAULT, m.capacity("agent-1001"));
        assertEquals(Duration.ofSeconds(30), m.offerTimeout());
    }

    @Test
    @DisplayName("a bad capacity is refused naming the file and the key")
    void errors() {
        assertMessage("server.yaml: acd.capacity.mix", "acd:\n  capacity: {mix: sometimes}");
        assertMessage("server.yaml: acd.capacity.voice", "acd:\n  capacity: {voice: 2}");
        assertMessage("server.yaml: acd.capacity.chat", "acd:\n  capacity: {chat: -1}");
        assertMessage("server.yaml: acd.mediaOfferTimeout", "acd:\n  mediaOfferTimeout: 0s");
        assertMessage("server.yaml: acd.agents[0].capacity.email", "acd:\n  queues: [{id: a}]\n  agents:\n"
                + "    - {id: x, phone: PJSIP/1, queues: [a], capacity: {email: 500}}");
    }

    private static void assertMessage(String prefix, String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(yaml));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
