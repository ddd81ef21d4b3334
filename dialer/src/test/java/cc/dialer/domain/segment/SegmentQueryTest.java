package cc.dialer.domain.segment;

import cc.dialer.domain.InvalidField;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SegmentQueryTest {
    private static SegmentQuery.Condition c(String field, String op, String value) {
        return new SegmentQuery.Condition(field, op, value);
    }

    private static String error(List<SegmentQuery.Condition> conditions) {
        return assertThrows(InvalidField.class, () -> SegmentQuery.of(conditions, 0)).getMessage();
    }

    @Test
    @DisplayName("every field of the contract becomes a typed filter, and the first score condition orders the list")
    void validConditions() {
        SegmentQuery q = SegmentQuery.of(List.of(c("segment", "=", "gold"), c("language", "in", "fa, en"),
                c("timeZone", "!=", "Europe/London"), c("score.churnRisk", ">=", "0.7"), c("score.value", "<", "5"),
                c("daysSinceLastContact", ">", "30")), 100);

        assertEquals(new SegmentQuery.TextFilter(SegmentQuery.TextField.SEGMENT, SegmentQuery.Operator.EQ,
                List.of("gold")), q.filters().get(0));
        assertEquals(List.of("fa", "en"), ((SegmentQuery.TextFilter) q.filters().get(1)).values());
        assertEquals(new SegmentQuery.ScoreFilter("churnRisk", SegmentQuery.Operator.GE, List.of(0.7)),
                q.filters().get(3));
        assertEquals(new SegmentQuery.LastContactFilter(SegmentQuery.Operator.GT, 30), q.filters().get(5));
        assertEquals("churnRisk", q.orderScore());
        assertEquals(100, q.limit());
    }

    @Test
    @DisplayName("without a score condition the list is ordered by the value score")
    void defaultOrder() {
        assertEquals("value", SegmentQuery.of(List.of(c("segment", "=", "gold")), 0).orderScore());
    }

    @Test
    @DisplayName("a wrong condition is named by its position and part, with the reason")
    void wrongConditionsAreNamed() {
        assertEquals("conditions[1].field: 'age' is not one of segment, language, timeZone, score.<name>, "
                + "daysSinceLastContact", error(List.of(c("segment", "=", "gold"), c("age", ">", "3"))));
        assertEquals("conditions[0].operator: 'like' is not one of =, !=, <, <=, >, >=, in",
                error(List.of(c("segment", "like", "g%"))));
        assertEquals("conditions[0].operator: segment is text: use =, != or in, not '<'",
                error(List.of(c("segment", "<", "gold"))));
        assertEquals("conditions[0].value: 'high' is not a number", error(List.of(c("score.value", ">", "high"))));
        assertEquals("conditions[0].field: score name 'x; drop table customers' must be a letter then letters, "
                + "digits or _ (at most 64)", error(List.of(c("score.x; drop table customers", ">", "1"))));
        assertEquals("conditions[0].value: 'Mars/Olympus' is not a time zone (e.g. Asia/Tehran)",
                error(List.of(c("timeZone", "=", "Mars/Olympus"))));
        assertEquals("conditions[0].operator: daysSinceLastContact compares with <, <=, > or >=, not '='",
                error(List.of(c("daysSinceLastContact", "=", "3"))));
        assertEquals("conditions[0].value: '-1' is not a whole number of days (0 or more)",
                error(List.of(c("daysSinceLastContact", ">", "-1"))));
        assertEquals("conditions[0].value: 'in' needs comma-separated values without empty ones, was 'fa,,en'",
                error(List.of(c("language", "in", "fa,,en"))));
        assertEquals("limit: must be 0 (no limit) or more, was -5",
                assertThrows(InvalidField.class, () -> SegmentQuery.of(List.of(), -5)).getMessage());
    }
}
