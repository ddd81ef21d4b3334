package cc.integration.lookup;

import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import cc.integration.lookup.domain.LookupDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LookupSettingsTest {

    static final String ORDERS = String.join("\n",
            "lookups:",
            "  - name: orders",
            "    system: {en: the order system, fa: سامانهٔ سفارش‌ها}",
            "    title: {en: Last orders, fa: آخرین سفارش‌ها}",
            "    url: http://orders.example/api/customers/{accountNumber}/orders?last=5",
            "    headers:",
            "      - {name: Authorization, value: \"Bearer ${TOKEN}\"}",
            "    rowsAt: orders",
            "    timeout: 800ms",
            "    cache: {ttl: 30s, size: 100}",
            "    circuitBreaker: {window: 4, minimumCalls: 2, failureRate: 50, openFor: 10s, halfOpenCalls: 1}",
            "    fields:",
            "      - {key: number, en: Order, fa: سفارش}",
            "      - {key: total.amount, en: Total, fa: مبلغ}",
            "pop:",
            "  show: [orders]",
            "  budget: 300ms",
            "");

    private static LookupSettings parse(String yaml) {
        ConfigNode root = ConfigNode.parse("lookups.yaml", yaml, Map.of("TOKEN", "t0k")::get);
        LookupSettings s = LookupSettings.read(root);
        root.finish();
        return s;
    }

    @Test
    @DisplayName("the shipped config/lookups.yaml configures no lookup: the server pops without any other system")
    void shipped() {
        assertTrue(Files.exists(Path.of("../config/lookups.yaml")));
        LookupSettings s = LookupSettings.load(Path.of("../config/lookups.yaml"));
        assertEquals(List.of(), s.lookups());
        assertEquals(List.of(), s.pop().show());
    }

    @Test
    @DisplayName("the README's example reads: URL, header from the environment, cache, circuit, labels and the pop's budget")
    void example() {
        LookupSettings s = parse(ORDERS);
        LookupDefinition d = s.find("orders").orElseThrow();
        assertEquals("Bearer t0k", d.headers().get("Authorization"));
        assertEquals(List.of("accountNumber"), d.url().keys());
        assertEquals(Duration.ofMillis(800), d.timeout());
        assertEquals(Duration.ofMillis(800), d.circuit().slowCall(), "slow means slower than the timeout unless set");
        assertEquals(new LookupDefinition.Field("total.amount", "Total", "مبلغ"), d.fields().get(1));
        assertEquals(new LookupSettings.Pop(List.of("orders"), Duration.ofMillis(300)), s.pop());
    }

    @Test
    @DisplayName("mistakes are refused naming the file and the key")
    void refuses() {
        assertEquals("lookups.yaml: pop.show: names \"billing\", which is not in lookups",
                assertThrows(ConfigException.class, () -> parse(ORDERS.replace("show: [orders]", "show: [billing]")))
                        .getMessage());
        assertEquals("lookups.yaml: lookups[0].url: must be an http:// or https:// URL, was \"ftp://x\"",
                assertThrows(ConfigException.class, () -> parse(ORDERS.replace(
                        "http://orders.example/api/customers/{accountNumber}/orders?last=5", "ftp://x"))).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> parse(ORDERS.replace("timeout: 800ms", "timout: 800ms")))
                .getMessage().startsWith("lookups.yaml: lookups[0].timout: is not a known key"));
        assertTrue(assertThrows(ConfigException.class, () -> parse(ORDERS.replace("budget: 300ms", "budget: 10s")))
                .getMessage().startsWith("lookups.yaml: pop.budget:"));
    }
}
