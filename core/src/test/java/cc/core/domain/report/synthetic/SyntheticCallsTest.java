package cc.core.domain.report.synthetic;

import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.domain.report.StateSpell;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticCallsTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private final SyntheticCalls gen = new SyntheticCalls(5, TEHRAN, SyntheticCalls.Shape.of(2_000));

    @Test
    @DisplayName("the same seed and day give the same calls and spells")
    void seeded() {
        SyntheticCalls.Day a = gen.day(DAY);
        SyntheticCalls.Day b = new SyntheticCalls(5, TEHRAN, SyntheticCalls.Shape.of(2_000)).day(DAY);
        assertEquals(a, b);
    }

    @Test
    @DisplayName("a day has self-service, answered, abandoned (some short) and overflowed calls, busier at noon than at night")
    void mix() {
        List<Interaction> calls = gen.day(DAY).calls();
        long contained = calls.stream().filter(c -> outcomes(c).contains(Segment.COMPLETED)).count();
        long answered = calls.stream().filter(c -> outcomes(c).contains(Segment.ANSWERED)).count();
        long abandoned = calls.stream().filter(c -> outcomes(c).contains(Segment.ABANDONED)).count();
        long overflowed = calls.stream().filter(c -> outcomes(c).contains(Segment.OVERFLOW)).count();
        assertTrue(calls.size() > 1_500 && contained > 100 && answered > 700 && abandoned > 20 && overflowed > 0,
                calls.size() + " calls: " + contained + " contained, " + answered + " answered, " + abandoned
                        + " abandoned, " + overflowed + " overflowed");
        assertTrue(calls.stream().anyMatch(c -> c.satisfaction().isPresent()));
        long noon = calls.stream().filter(c -> c.offeredAt().atZone(TEHRAN).getHour() == 11).count();
        long night = calls.stream().filter(c -> c.offeredAt().atZone(TEHRAN).getHour() == 3).count();
        assertTrue(noon > 10 * night, noon + " at 11:00, " + night + " at 03:00");
    }

    @Test
    @DisplayName("each agent's spells follow one another without gaps or overlaps, and cover every call the agent talked on")
    void spellsMatchCalls() {
        SyntheticCalls.Day day = gen.day(DAY);
        Map<String, List<StateSpell>> byAgent = day.spells().stream().collect(Collectors.groupingBy(StateSpell::agentId));
        for (List<StateSpell> spells : byAgent.values()) {
            spells.sort(Comparator.comparing(StateSpell::start));
            for (int i = 1; i < spells.size(); i++) {
                assertEquals(spells.get(i - 1).end().orElseThrow(), spells.get(i).start(), spells.get(i).toString());
            }
        }
        assertTrue(day.spells().stream().anyMatch(s -> s.state().equals("paused") && s.reason().equals("lunch")));
        for (Interaction c : day.calls()) {
            for (Segment s : c.segments()) {
                if (s.kind() == SegmentKind.TALK) {
                    Instant mid = s.startedAt().plusMillis(1);
                    assertTrue(byAgent.get(s.agentId()).stream().anyMatch(sp -> sp.state().equals("on-call")
                            && !sp.start().isAfter(mid) && sp.end().orElseThrow().isAfter(mid)), c.id());
                }
            }
        }
    }

    private static List<String> outcomes(Interaction c) {
        return c.segments().stream().map(Segment::outcome).toList();
    }
}
