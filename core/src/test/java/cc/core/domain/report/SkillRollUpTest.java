package cc.core.domain.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SkillRollUpTest {
    private static final Bucket DAY1 = new Bucket("1405-09-11", Instant.parse("2026-12-01T20:30:00Z"),
            Instant.parse("2026-12-02T20:30:00Z"));
    private static final Bucket DAY2 = new Bucket("1405-09-12", DAY1.end(), Instant.parse("2026-12-03T20:30:00Z"));

    private static QueueFigures figures(long offered, long answered, long inThreshold, long abandoned, long talkSeconds) {
        return new QueueFigures(offered, answered, inThreshold, abandoned, 0, 0, Duration.ofSeconds(answered * 10),
                Duration.ofSeconds(talkSeconds), Duration.ZERO, Duration.ofSeconds(answered * 5), 0, answered,
                answered);
    }

    private static final Map<String, Set<String>> SKILLS = Map.of(
            "sales-fa", Set.of("fa", "sales"),
            "sales-en", Set.of("en", "sales"),
            "support-fa", Set.of("fa"),
            "lobby", Set.of());

    private static final List<ReportRow<QueueFigures>> QUEUES = List.of(
            new ReportRow<>(DAY1, "lobby", figures(50, 50, 50, 0, 500)),
            new ReportRow<>(DAY2, "lobby", figures(50, 50, 50, 0, 500)),
            new ReportRow<>(DAY1, "sales-en", figures(10, 8, 6, 2, 800)),
            new ReportRow<>(DAY2, "sales-en", figures(0, 0, 0, 0, 0)),
            new ReportRow<>(DAY1, "sales-fa", figures(20, 18, 15, 2, 1800)),
            new ReportRow<>(DAY2, "sales-fa", figures(5, 5, 5, 0, 400)),
            new ReportRow<>(DAY1, "support-fa", figures(30, 20, 10, 10, 2000)),
            new ReportRow<>(DAY2, "support-fa", figures(4, 4, 4, 0, 100)));

    @Test
    @DisplayName("A skill's row is the sum of every queue needing it; a queue needing two skills counts in both")
    void rollUp() {
        List<ReportRow<QueueFigures>> rows = SkillRollUp.rows(QUEUES, SKILLS, Optional.empty());

        assertEquals(List.of("en", "en", "fa", "fa", "sales", "sales"), rows.stream().map(ReportRow::subject).toList(),
                "the lobby requires no skill and is in no row");
        QueueFigures faDay1 = rows.get(2).figures();
        assertEquals(DAY1, rows.get(2).bucket());
        assertEquals(50, faDay1.offered());
        assertEquals(38, faDay1.answered());
        assertEquals(12, faDay1.abandoned());
        assertEquals(Optional.of(25 / 50.0), faDay1.serviceLevel(), "25 in threshold over 38 answered and 12 abandoned");
        assertEquals(Optional.of(Duration.ofSeconds(3800).dividedBy(38)), faDay1.averageTalk());
        QueueFigures salesDay1 = rows.get(4).figures();
        assertEquals(30, salesDay1.offered());
        assertEquals(Optional.of(Duration.ofSeconds(10)), salesDay1.averageSpeedOfAnswer());
        assertEquals(DAY2, rows.get(5).bucket());
        assertEquals(5, rows.get(5).figures().offered());
    }

    @Test
    @DisplayName("Asking one skill gives that skill's rows only")
    void oneSkill() {
        List<ReportRow<QueueFigures>> rows = SkillRollUp.rows(QUEUES, SKILLS, Optional.of("en"));
        assertEquals(2, rows.size());
        assertEquals(10, rows.get(0).figures().offered());
        assertEquals(0, rows.get(1).figures().offered(), "a quiet day is present");
    }
}
