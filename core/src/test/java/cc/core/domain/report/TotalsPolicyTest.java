package cc.core.domain.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TotalsPolicyTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final TotalsPolicy POLICY = new TotalsPolicy(Duration.ofHours(1), 400, 3);

    @Test
    @DisplayName("a day is closed an hour after its midnight in the report zone")
    void closedDays() {
        LocalDate day = LocalDate.of(2026, 12, 2);
        Instant justBefore = day.atTime(0, 59).atZone(TEHRAN).toInstant();
        assertEquals(day.minusDays(2), POLICY.lastClosedDay(TEHRAN, justBefore));
        assertEquals(day.minusDays(1), POLICY.lastClosedDay(TEHRAN, justBefore.plusSeconds(60)));
        assertEquals(day.minusDays(1), POLICY.lastClosedDay(TEHRAN, day.atTime(23, 59).atZone(TEHRAN).toInstant()));
    }

    @Test
    @DisplayName("days without totals, cut in another zone or not settled are computed, in runs of consecutive days")
    void toCompute() {
        LocalDate d = LocalDate.of(2026, 12, 1);
        Instant at = Instant.parse("2026-12-10T00:00:00Z");
        Map<LocalDate, StoredDay> stored = Map.of(
                d.plusDays(1), new StoredDay(d.plusDays(1), TEHRAN, at, true),
                d.plusDays(2), new StoredDay(d.plusDays(2), ZoneId.of("UTC"), at, true),
                d.plusDays(7), new StoredDay(d.plusDays(7), TEHRAN, at, false));
        assertEquals(List.of(List.of(d), List.of(d.plusDays(2), d.plusDays(3), d.plusDays(4)),
                        List.of(d.plusDays(5), d.plusDays(6), d.plusDays(7))),
                POLICY.toCompute(d, d.plusDays(7), stored, TEHRAN));
    }
}
