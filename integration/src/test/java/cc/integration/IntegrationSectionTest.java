package cc.integration;

import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import cc.core.testkit.DomainPurity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegrationSectionTest {
    private static final Map<String, String> ENV = Map.of("CRM_SECRET", "0123456789abcdef0123");

    @Test
    @DisplayName("the shipped config/integration.yaml reads, its secret taken from the variable it names")
    void shippedFileReads() {
        IntegrationSettings s = IntegrationSection.read(ConfigNode.load(Path.of("..", "config", "integration.yaml")),
                name -> "a-secret-long-enough-for-the-test");
        assertEquals(Duration.ofMillis(50), s.relay().pollEvery());
        assertTrue(s.webhooks().isEmpty() || s.webhooks().get(0).secret().length >= 16);
    }

    @Test
    @DisplayName("a subscription's keys are read, and its toString shows no secret")
    void subscription() {
        IntegrationSettings s = read("webhooks:\n  - {name: crm, url: 'http://127.0.0.1:9000/hook', events: [interaction.*],"
                + " secretEnv: CRM_SECRET, parkAfter: 1m, retry: {initialDelay: 100ms, maxDelay: 2s}, maxEvents: 20}");
        var w = s.webhooks().get(0);
        assertEquals("webhook:crm", w.sinkName());
        assertEquals(Duration.ofMinutes(1), w.parkAfter());
        assertEquals(20, w.maxEvents());
        assertEquals(Duration.ofSeconds(2), w.retry().max());
        assertTrue(!w.toString().contains("0123456789abcdef"), w.toString());
    }

    @Test
    @DisplayName("a missing secret variable, an unknown event type or an unknown key is refused naming file and key")
    void refusals() {
        ConfigException e = assertThrows(ConfigException.class, () -> read("webhooks:\n  - {name: crm, url:"
                + " 'http://h/x', secretEnv: NOPE}"));
        assertTrue(e.getMessage().contains("integration.yaml: webhooks[0].secretEnv"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> read("webhooks:\n  - {name: crm, url: 'http://h/x',"
                + " secretEnv: CRM_SECRET, events: [interaction.endd]}"));
        assertTrue(e.getMessage().contains("webhooks[0].events") && e.getMessage().contains("interaction.endd"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> read("relay: {pollEvry: 10ms}"));
        assertTrue(e.getMessage().contains("relay.pollEvry"), e.getMessage());
    }

    @Test
    @DisplayName("the integration module's domain packages import no framework and read no wall clock")
    void domainIsPure() throws Exception {
        DomainPurity.assertDomainPackagesArePure();
    }

    private static IntegrationSettings read(String yaml) {
        return IntegrationSection.read(ConfigNode.parse("integration.yaml", yaml, n -> null), ENV::get);
    }
}
