package cc.integration.lookup.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UrlTemplateTest {
    private final UrlTemplate orders = new UrlTemplate("http://orders.example/api/customers/{accountNumber}/orders?last=5&p={phone}");

    @Test
    @DisplayName("the customer's keys fill the template, percent-encoded so a value cannot change the path or add parameters")
    void fills() {
        assertEquals(List.of("accountNumber", "phone"), orders.keys());
        assertEquals(Optional.of("http://orders.example/api/customers/AC%2F1%3Fx%3D1/orders?last=5&p=%2B98%20912"),
                orders.expand(Map.of("accountNumber", "AC/1?x=1", "phone", "+98 912")));
    }

    @Test
    @DisplayName("a missing or blank key leaves nothing to ask, and names the key")
    void missing() {
        assertEquals(Optional.empty(), orders.expand(Map.of("phone", "1")));
        assertEquals(Optional.of("accountNumber"), orders.missing(Map.of("accountNumber", " ", "phone", "1")));
    }
}
