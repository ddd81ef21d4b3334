package cc.acd.domain.queue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueueConfigTest {

    @Test
    @DisplayName("a queue cannot overflow into itself")
    void noSelfOverflow() {
        QueueConfig q = QueueConfig.of("q1");
        assertThrows(IllegalArgumentException.class,
                () -> q.withLimits(5, Duration.ofMinutes(2), new OverflowTarget.ToQueue("q1")));
        assertThrows(IllegalArgumentException.class, () -> q.withHours(false, new OverflowTarget.ToQueue("q1")));
    }

    @Test
    @DisplayName("skill relaxation lowers the required level step by step, never below 1")
    void relaxationSteps() {
        SkillRelaxation r = new SkillRelaxation(Duration.ofSeconds(30), 2);
        assertEquals(8, r.relaxed(8, 0));
        assertEquals(6, r.relaxed(8, 1));
        assertEquals(2, r.relaxed(8, 3));
        assertEquals(1, r.relaxed(8, 4));
        assertEquals(1, r.relaxed(8, 40));
        assertEquals(4, r.usefulSteps(8), "8 -> 6 -> 4 -> 2 -> 1");
        assertEquals(0, r.usefulSteps(1));
        assertEquals(8, SkillRelaxation.NONE.relaxed(8, 5));
        assertEquals(0, SkillRelaxation.NONE.usefulSteps(8));
    }

    @Test
    @DisplayName("negative limits are refused with the queue named")
    void negativeLimits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueueConfig.of("sales").withLimits(-1, Duration.ZERO, new OverflowTarget.ToCallback()));
        assertEquals(true, e.getMessage().contains("sales"));
    }
}
