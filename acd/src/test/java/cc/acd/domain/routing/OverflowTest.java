package cc.acd.domain.routing;

import cc.acd.domain.queue.OverflowTarget;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.routing.AcdCommand.Overflow;
import cc.acd.domain.routing.AcdCommand.OverflowReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static cc.acd.domain.routing.Scenario.agent;
import static cc.acd.domain.routing.Scenario.assertNoOffer;
import static cc.acd.domain.routing.Scenario.assertOffered;
import static cc.acd.domain.routing.Scenario.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverflowTest {

    @Test
    @DisplayName("a caller who waits past the wait limit moves to the overflow queue and is offered there")
    void waitLimitToQueue() {
        QueueConfig sales = QueueConfig.of("sales")
                .withLimits(0, Duration.ofSeconds(120), new OverflowTarget.ToQueue("backup"));
        Scenario s = new Scenario(List.of(sales, QueueConfig.of("backup")), List.of(agent("b", "backup")));
        s.available(0, "b");
        assertNoOffer(s.arrive(0, "c", "sales"));
        assertNoOffer(s.tick(119.999));
        List<AcdCommand> cmds = s.tick(120);
        assertEquals(List.of(new Overflow("c", "sales", new OverflowTarget.ToQueue("backup"),
                OverflowReason.WAIT_LIMIT)), only(Overflow.class, cmds));
        assertOffered("c", "b", cmds);
        assertEquals("backup", s.acd.call("c").orElseThrow().queueId());
    }

    @Test
    @DisplayName("an overflowed caller keeps the time already waited: it goes ahead of the overflow queue's newer callers")
    void overflowKeepsWaitedTime() {
        QueueConfig sales = QueueConfig.of("sales")
                .withLimits(0, Duration.ofSeconds(60), new OverflowTarget.ToQueue("backup"));
        Scenario s = new Scenario(List.of(sales, QueueConfig.of("backup")), List.of(agent("b", "backup")));
        s.arrive(0, "from-sales", "sales");
        s.arrive(30, "backup-caller", "backup");
        s.tick(60);
        assertEquals(List.of("from-sales", "backup-caller"),
                s.acd.waiting("backup").stream().map(CallView::callId).toList());
    }

    @Test
    @DisplayName("a full queue sends the next caller to voicemail; callers already waiting stay")
    void fullQueue() {
        QueueConfig q = QueueConfig.of("q").withLimits(2, Duration.ZERO, new OverflowTarget.ToVoicemail("vm-q"));
        Scenario s = new Scenario(List.of(q), List.of(agent("a", "q")));
        s.arrive(0, "c1", "q");
        s.arrive(1, "c2", "q");
        List<AcdCommand> cmds = s.arrive(2, "c3", "q");
        assertEquals(List.of(new Overflow("c3", "q", new OverflowTarget.ToVoicemail("vm-q"),
                OverflowReason.QUEUE_FULL)), only(Overflow.class, cmds));
        assertTrue(s.acd.call("c3").isEmpty(), "the voicemail caller left the ACD");
        assertEquals(2, s.acd.waiting("q").size());
        s.apply(new AcdEvent.CallAbandoned("c1", Scenario.t(3)));
        assertEquals(List.of(), only(Overflow.class, s.arrive(4, "c4", "q")), "room again after an abandon");
    }

    @Test
    @DisplayName("a closed queue sends new callers to its closed target; callers already waiting are still served")
    void closedQueue() {
        QueueConfig q = QueueConfig.of("q").withHours(true, new OverflowTarget.ToVoicemail("after-hours"));
        Scenario s = new Scenario(List.of(q), List.of(agent("a", "q")));
        s.arrive(0, "before", "q");
        s.apply(new AcdEvent.QueueHoursChanged("q", false, Scenario.t(10)));
        List<AcdCommand> cmds = s.arrive(11, "after", "q");
        assertEquals(List.of(new Overflow("after", "q", new OverflowTarget.ToVoicemail("after-hours"),
                OverflowReason.QUEUE_CLOSED)), only(Overflow.class, cmds));
        assertOffered("before", "a", s.available(12, "a"));
        s.apply(new AcdEvent.QueueHoursChanged("q", true, Scenario.t(13)));
        assertTrue(only(Overflow.class, s.arrive(14, "morning", "q")).isEmpty());
    }

    @Test
    @DisplayName("overflow to callback: the caller hangs up but keeps the place in line, ahead of later callers")
    void overflowToCallback() {
        QueueConfig q = QueueConfig.of("q").withLimits(0, Duration.ofSeconds(60), new OverflowTarget.ToCallback());
        Scenario s = new Scenario(List.of(q), List.of(agent("a", "q")));
        s.arrive(0, "c1", "q");
        s.arrive(30, "c2", "q");
        List<AcdCommand> cmds = s.tick(60);
        assertEquals(1, only(Overflow.class, cmds).size());
        CallView c1 = s.acd.call("c1").orElseThrow();
        assertTrue(c1.virtual());
        assertEquals(List.of("c1", "c2"), s.acd.waiting("q").stream().map(CallView::callId).toList());
        List<AcdCommand> avail = s.available(100, "a");
        assertEquals(List.of(new AcdCommand.PlaceCallback("c1", "a", "q", "0912c1")),
                only(AcdCommand.PlaceCallback.class, avail));
        assertNoOffer(avail);
    }

    @Test
    @DisplayName("overflow that would loop back to a queue already visited ends in that queue's voicemail")
    void overflowLoopEndsInVoicemail() {
        QueueConfig a = QueueConfig.of("a").withLimits(1, Duration.ZERO, new OverflowTarget.ToQueue("b"));
        QueueConfig b = QueueConfig.of("b").withLimits(1, Duration.ZERO, new OverflowTarget.ToQueue("a"));
        Scenario s = new Scenario(List.of(a, b), List.of());
        s.arrive(0, "x", "a");
        s.arrive(0, "y", "b");
        List<AcdCommand> cmds = s.arrive(1, "z", "a");
        List<Overflow> overflows = only(Overflow.class, cmds);
        assertEquals(2, overflows.size(), overflows.toString());
        assertEquals(new OverflowTarget.ToQueue("b"), overflows.get(0).target());
        assertEquals(new OverflowTarget.ToVoicemail("b"), overflows.get(1).target());
        assertFalse(s.acd.call("z").isPresent());
    }

    @Test
    @DisplayName("a configuration that overflows into an unknown queue is refused when the ACD starts")
    void unknownOverflowQueue() {
        QueueConfig a = QueueConfig.of("a").withLimits(1, Duration.ZERO, new OverflowTarget.ToQueue("nowhere"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Scenario(List.of(a), List.of()));
        assertTrue(e.getMessage().contains("nowhere"));
    }

    @Test
    @DisplayName("a caller ringing an agent when the wait limit passes overflows only if that agent does not answer")
    void waitLimitWhileRinging() {
        QueueConfig q = QueueConfig.of("q").withLimits(0, Duration.ofSeconds(60), new OverflowTarget.ToVoicemail("vm"));
        Scenario s = new Scenario(List.of(q), List.of(agent("a", "q")));
        s.arrive(0, "c", "q");
        assertOffered("c", "a", s.available(50, "a"));
        assertTrue(only(Overflow.class, s.tick(61)).isEmpty());
        List<AcdCommand> rna = s.apply(new AcdEvent.RingNoAnswer("c", "a", Scenario.t(70)));
        assertEquals(OverflowReason.WAIT_LIMIT, only(Overflow.class, rna).get(0).reason());
    }
}
