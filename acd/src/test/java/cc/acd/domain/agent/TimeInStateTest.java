package cc.acd.domain.agent;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeInStateTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static Instant min(int m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    private static AgentStateSpell spell(String state, String reason, int from, Integer to) {
        return new AgentStateSpell("sara", state, reason, "", min(from),
                Optional.ofNullable(to).map(TimeInStateTest::min));
    }

    @Test
    @DisplayName("a spell counts only its part inside the range, an open one up to the range's end")
    void clipping() {
        assertEquals(Duration.ofMinutes(5), spell("available", "", 0, 10).timeWithin(min(5), min(60)));
        assertEquals(Duration.ofMinutes(5), spell("available", "", 0, 10).timeWithin(min(-5), min(5)));
        assertEquals(Duration.ZERO, spell("available", "", 0, 10).timeWithin(min(10), min(20)));
        assertEquals(Duration.ZERO, spell("available", "", 0, 10).timeWithin(min(-10), min(0)));
        assertEquals(Duration.ofMinutes(15), spell("paused", "break", 5, null).timeWithin(min(0), min(20)));
    }

    @Test
    @DisplayName("time is summed per state and per pause reason, states without time inside left out")
    void sums() {
        List<AgentStateSpell> day = List.of(
                spell("logged-out", "", -600, 0),
                spell("available", "", 0, 10),
                spell("paused", "break", 10, 20),
                spell("available", "", 20, 30),
                spell("paused", "ring-no-answer", 30, 31),
                spell("paused", "break", 31, 40),
                spell("logged-out", "", 40, null));
        assertEquals(List.of(
                new TimeInState("available", "", Duration.ofMinutes(20)),
                new TimeInState("logged-out", "", Duration.ofMinutes(20)),
                new TimeInState("paused", "break", Duration.ofMinutes(19)),
                new TimeInState("paused", "ring-no-answer", Duration.ofMinutes(1))),
                TimeInState.of(day, min(0), min(60)));
    }

    @Test
    @DisplayName("a spell cannot end before it starts")
    void endsAfterStart() {
        assertThrows(IllegalArgumentException.class, () -> spell("available", "", 10, 5));
    }
}
