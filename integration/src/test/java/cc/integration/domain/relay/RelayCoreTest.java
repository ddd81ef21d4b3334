package cc.integration.domain.relay;

import cc.core.testkit.ManualClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayCoreTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final RelayCore core = new RelayCore(new RelayRules(4, Duration.ofMillis(50), Duration.ofSeconds(5),
            Duration.ofMinutes(10), new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30))));

    @Test
    @DisplayName("rows that run on from the cursor are offered, and the cursor moves to the last only once delivered")
    void contiguous() {
        SinkProgress p = SinkProgress.at(10, T0);
        RelayCore.Plan plan = core.plan(p, List.of(11L, 12L, 13L), clock.instant());
        assertEquals(3, plan.take());
        assertEquals(13, plan.lastSeq());
        assertEquals(10, plan.progress().cursor(), "not moved before delivery");
        SinkProgress after = core.delivered(plan, clock.instant());
        assertEquals(13, after.cursor());
        assertEquals(T0.plusMillis(50), after.notBefore(), "a partial batch: read again after a poll");
    }

    @Test
    @DisplayName("a full batch is followed by the next read at once")
    void fullBatch() {
        RelayCore.Plan plan = core.plan(SinkProgress.at(0, T0), List.of(1L, 2L, 3L, 4L), T0);
        assertTrue(plan.full());
        assertEquals(T0, core.delivered(plan, T0).notBefore());
    }

    @Test
    @DisplayName("a seq missing below a committed one stops the sink there until it commits")
    void gapWaitsForLowerSeq() {
        SinkProgress p = SinkProgress.at(10, T0);
        // 11 is still open in its transaction; 12 committed
        RelayCore.Plan plan = core.plan(p, List.of(12L), clock.instant());
        assertEquals(0, plan.take());
        assertEquals(11, plan.progress().gap().orElseThrow().seq());
        p = core.idle(plan, clock.instant());
        clock.advance(Duration.ofSeconds(2));
        plan = core.plan(p, List.of(12L, 13L), clock.instant());
        assertEquals(0, plan.take(), "still within the grace: nothing passes the hole");
        assertEquals(T0, plan.progress().gap().orElseThrow().since(), "the hole keeps its first-seen time");
        p = core.idle(plan, clock.instant());
        // 11 commits
        plan = core.plan(p, List.of(11L, 12L, 13L), clock.instant());
        assertEquals(3, plan.take());
        assertTrue(plan.progress().gap().isEmpty());
        assertTrue(plan.passed().isEmpty());
    }

    @Test
    @DisplayName("rows before a hole are offered; the hole stops the rest")
    void takesUpToTheHole() {
        RelayCore.Plan plan = core.plan(SinkProgress.at(10, T0), List.of(11L, 12L, 14L), T0);
        assertEquals(2, plan.take());
        assertEquals(12, plan.lastSeq());
        assertEquals(13, plan.progress().gap().orElseThrow().seq());
        SinkProgress p = core.delivered(plan, T0);
        assertEquals(13, p.gap().orElseThrow().seq(), "the hole is remembered past the delivery");
    }

    @Test
    @DisplayName("a hole still missing after the grace (a rolled-back change) is passed and watched for a late commit")
    void gapPassedAfterGrace() {
        RelayCore.Plan plan = core.plan(SinkProgress.at(10, T0), List.of(13L), clock.instant());
        SinkProgress p = core.idle(plan, clock.instant());
        clock.advance(Duration.ofSeconds(5));
        plan = core.plan(p, List.of(13L, 14L), clock.instant());
        assertEquals(2, plan.take());
        assertEquals(14, plan.lastSeq());
        assertEquals(List.of(11L, 12L), plan.passed());
        p = core.delivered(plan, clock.instant());
        assertEquals(List.of(11L, 12L), List.copyOf(p.watched().keySet()));
        // 12 commits very late: found, no longer watched; 11 given up once lateWatch has passed
        p = core.lateChecked(p, List.of(12L), clock.instant());
        assertEquals(List.of(11L), List.copyOf(p.watched().keySet()));
        clock.advance(Duration.ofMinutes(10));
        assertTrue(core.lateChecked(p, List.of(), clock.instant()).watched().isEmpty());
    }

    @Test
    @DisplayName("a failed delivery keeps the cursor and backs off, doubling up to the maximum; a success resets it")
    void backoff() {
        SinkProgress p = SinkProgress.at(10, T0);
        RelayCore.Plan plan = core.plan(p, List.of(11L), T0);
        p = core.failed(plan.progress(), "connection refused", T0);
        assertEquals(10, p.cursor());
        assertEquals(T0.plusMillis(500), p.notBefore());
        p = core.failed(p, "connection refused", T0);
        assertEquals(T0.plusMillis(1000), p.notBefore());
        for (int i = 0; i < 20; i++) {
            p = core.failed(p, "connection refused", T0);
        }
        assertEquals(T0.plusSeconds(30), p.notBefore());
        assertEquals("connection refused", p.lastError());
        plan = core.plan(p, List.of(11L), T0);
        p = core.delivered(plan, T0);
        assertEquals(0, p.failures());
        assertEquals("", p.lastError());
        assertFalse(p.notBefore().isAfter(T0.plusMillis(50)));
    }

    @Test
    @DisplayName("an empty read waits one poll")
    void idle() {
        RelayCore.Plan plan = core.plan(SinkProgress.at(10, T0), List.of(), T0);
        assertEquals(0, plan.take());
        assertEquals(T0.plusMillis(50), core.idle(plan, T0).notBefore());
    }
}
