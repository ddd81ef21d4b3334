package cc.integration.lookup.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnswerRowsTest {

    private static LookupDefinition orders(String rowsAt, int maxRows) {
        return new LookupDefinition("orders", new LookupDefinition.Labels("the order system", "سامانهٔ سفارش‌ها"),
                new LookupDefinition.Labels("Last orders", "آخرین سفارش‌ها"), new UrlTemplate("http://x/{customerId}"),
                Map.of(), rowsAt, maxRows, Duration.ofSeconds(1), Duration.ofMinutes(1), 10,
                new LookupDefinition.Circuit(50, 5, 10, Duration.ofSeconds(1), Duration.ofSeconds(30), 2),
                List.of(new LookupDefinition.Field("number", "Order", "سفارش"),
                        new LookupDefinition.Field("total.amount", "Total", "مبلغ")));
    }

    @Test
    @DisplayName("rows are the configured fields in order, nested ones reached by a.b, numbers as written, at most maxRows")
    void picks() {
        Object answer = Map.of("orders", List.of(
                Map.of("number", "A-1", "total", Map.of("amount", 12.50, "currency", "IRR"), "secret", "x"),
                Map.of("number", 2, "total", Map.of("amount", 7)),
                Map.of("number", "A-3")));
        assertEquals(List.of(Map.of("number", "A-1", "total.amount", "12.5"), Map.of("number", "2", "total.amount", "7")),
                AnswerRows.pick(answer, orders("orders", 2)));
        assertEquals(List.of("number", "total.amount"),
                List.copyOf(AnswerRows.pick(answer, orders("orders", 2)).get(0).keySet()));
    }

    @Test
    @DisplayName("an answer that is the list itself, or one record, is read too; one without the list is refused")
    void shapes() {
        assertEquals(1, AnswerRows.pick(List.of(Map.of("number", "A")), orders("", 5)).size());
        assertEquals(List.of(Map.of("number", "A", "total.amount", "")), AnswerRows.pick(Map.of("number", "A"), orders("", 5)));
        assertEquals(List.of(), AnswerRows.pick(Map.of("orders", List.of()), orders("orders", 5)));
        assertThrows(IllegalArgumentException.class, () -> AnswerRows.pick(Map.of("items", List.of()), orders("orders", 5)));
        assertThrows(IllegalArgumentException.class, () -> AnswerRows.pick(Map.of("orders", "none"), orders("orders", 5)));
    }
}
