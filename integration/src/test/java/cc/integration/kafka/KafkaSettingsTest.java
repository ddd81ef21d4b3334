package cc.integration.kafka;

import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KafkaSettingsTest {

    private static KafkaSettings parse(String yaml) {
        return KafkaSettings.read(ConfigNode.parse("integration.yaml", yaml, name -> null).child("kafka"));
    }

    @Test
    @DisplayName("the shipped config/integration.yaml reads, with Kafka off")
    void shippedFile() {
        KafkaSettings s = cc.integration.IntegrationSection.read(ConfigNode.load(Path.of("../config/integration.yaml")),
                name -> null).kafka();
        assertFalse(s.enabled());
        assertEquals("cc.interaction", s.topic("interaction"));
    }

    @Test
    @DisplayName("a full block reads into the settings")
    void reads() {
        KafkaSettings s = parse("kafka:\n  enabled: true\n  bootstrapServers: k1:9092, k2:9092\n  topicPrefix: crm.events\n"
                + "  clientId: cc-1\n  deliveryTimeout: 10s\n");
        assertEquals(new KafkaSettings(true, "k1:9092, k2:9092", "crm.events", "cc-1", Duration.ofSeconds(10)), s);
    }

    @Test
    @DisplayName("enabled without brokers, a bad broker address or prefix are refused naming the file and key")
    void refuses() {
        assertEquals("integration.yaml: kafka.bootstrapServers: is required when kafka.enabled is true (host:port, comma-separated)",
                assertThrows(ConfigException.class, () -> parse("kafka:\n  enabled: true\n")).getMessage());
        assertThrows(ConfigException.class, () -> parse("kafka:\n  bootstrapServers: k1\n"));
        String msg = assertThrows(ConfigException.class, () -> parse("kafka:\n  topicPrefix: 'a b'\n")).getMessage();
        assertEquals(true, msg.startsWith("integration.yaml: kafka.topicPrefix:"), msg);
        msg = assertThrows(ConfigException.class, () -> parse("kafka:\n  deliveryTimeout: 10ms\n")).getMessage();
        assertEquals(true, msg.startsWith("integration.yaml: kafka.deliveryTimeout:"), msg);
    }
}
