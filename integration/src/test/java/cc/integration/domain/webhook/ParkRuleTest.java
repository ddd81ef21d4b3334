package cc.integration.domain.webhook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParkRuleTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    @DisplayName("a batch is parked once it has been failing for parkAfter since its first failure")
    void parksAfterTheConfiguredTime() {
        ParkRule rule = new ParkRule(Duration.ofMinutes(1));
        ParkRule.Attempts a = rule.failed(Optional.empty(), 41, T0);
        assertFalse(rule.park(a, T0));
        a = rule.failed(Optional.of(a), 41, T0.plusSeconds(59));
        assertEquals(2, a.count());
        assertFalse(rule.park(a, T0.plusSeconds(59)));
        assertTrue(rule.park(rule.failed(Optional.of(a), 41, T0.plusSeconds(60)), T0.plusSeconds(60)));
    }

    @Test
    @DisplayName("another batch starts its count afresh")
    void anotherBatchStartsAfresh() {
        ParkRule rule = new ParkRule(Duration.ofMinutes(1));
        ParkRule.Attempts a = rule.failed(Optional.empty(), 41, T0);
        ParkRule.Attempts b = rule.failed(Optional.of(a), 90, T0.plusSeconds(70));
        assertEquals(1, b.count());
        assertFalse(rule.park(b, T0.plusSeconds(70)));
    }

    @Test
    @DisplayName("subscriptions name types, families with a star, or every type; unknown names are found")
    void filter() {
        EventFilter f = new EventFilter(List.of("interaction.*", "customer.merged"));
        assertTrue(f.wants("interaction.ended"));
        assertTrue(f.wants("customer.merged"));
        assertFalse(f.wants("customer.changed"));
        assertTrue(new EventFilter(List.of("*")).wants("agent.state"));
        assertEquals(List.of("interaction.endd", "order.*"), new EventFilter(List.of("interaction.endd", "order.*",
                "agent.*")).unknown(Set.of("interaction.ended", "agent.state")));
    }
}
