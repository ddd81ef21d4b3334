package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.queue.OverflowTarget;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.SkillRequirement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static cc.acd.domain.routing.Scenario.agent;
import static cc.acd.domain.routing.Scenario.assertNoOffer;
import static cc.acd.domain.routing.Scenario.assertOffered;
import static cc.acd.domain.routing.Scenario.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconfigurationTest {

    @Test
    @DisplayName("an available agent given a new skill is offered the waiting caller who needs it at once")
    void newSkillTakesWaitingCaller() {
        Scenario s = new Scenario(List.of(QueueConfig.of("q")), List.of(agent("a", Map.of("en", 5), "q")));
        s.available(0, "a");
        assertNoOffer(s.arrive(1, "c", "q", 0, new SkillRequirement("fa", 3)));
        List<AcdCommand> cmds = s.apply(new AcdEvent.AgentProfileChanged(
                new AgentProfile("a", Map.of("en", 5, "fa", 4), List.of("q")), Scenario.t(2)));
        assertOffered("c", "a", cmds);
    }

    @Test
    @DisplayName("an agent moved to another queue stops taking the old queue's callers")
    void queueMembershipChange() {
        Scenario s = new Scenario(List.of(QueueConfig.of("q1"), QueueConfig.of("q2")), List.of(agent("a", "q1")));
        s.apply(new AcdEvent.AgentProfileChanged(new AgentProfile("a", Map.of(), List.of("q2")), Scenario.t(0)));
        s.available(1, "a");
        assertNoOffer(s.arrive(2, "old", "q1"));
        assertOffered("new", "a", s.arrive(3, "new", "q2"));
        assertEquals(1, s.acd.queueMetrics("q1", Scenario.t(3)).orElseThrow().waiting());
    }

    @Test
    @DisplayName("a new agent and a new queue can be added while the ACD runs; unknown queues are refused")
    void addAtRuntime() {
        Scenario s = new Scenario(List.of(QueueConfig.of("q1")), List.of());
        s.apply(new AcdEvent.QueueConfigured(QueueConfig.of("q2"), Scenario.t(0)));
        s.apply(new AcdEvent.AgentProfileChanged(new AgentProfile("a", Map.of(), List.of("q2")), Scenario.t(0)));
        s.available(1, "a");
        assertOffered("c", "a", s.arrive(2, "c", "q2"));
        List<AcdCommand> refused = s.apply(new AcdEvent.AgentProfileChanged(
                new AgentProfile("b", Map.of(), List.of("nowhere")), Scenario.t(3)));
        assertTrue(refused.get(0) instanceof AcdCommand.EventRefused);
        assertTrue(s.acd.agentState("b").isEmpty());
        List<AcdCommand> badTarget = s.apply(new AcdEvent.QueueConfigured(QueueConfig.of("q3")
                .withLimits(1, Duration.ZERO, new OverflowTarget.ToQueue("nowhere")), Scenario.t(4)));
        assertTrue(badTarget.get(0) instanceof AcdCommand.EventRefused);
        assertTrue(s.acd.queueConfig("q3").isEmpty());
    }

    @Test
    @DisplayName("virtual callback callers do not take lines: a full queue still accepts callers after callbacks")
    void virtualCallersDoNotCountAsFull() {
        QueueConfig q = QueueConfig.of("q").withLimits(1, Duration.ZERO, new OverflowTarget.ToVoicemail("vm"));
        Scenario s = new Scenario(List.of(q), List.of(agent("a", "q")));
        s.arrive(0, "c1", "q");
        s.apply(new AcdEvent.CallbackRequested("c1", "021", Scenario.t(1)));
        assertTrue(only(AcdCommand.Overflow.class, s.arrive(2, "c2", "q")).isEmpty());
        assertEquals(1, only(AcdCommand.Overflow.class, s.arrive(3, "c3", "q")).size());
    }

    @Test
    @DisplayName("an event stamped earlier than one already seen is taken as happening now, never back in time")
    void timeNeverGoesBack() {
        Scenario s = new Scenario(List.of(QueueConfig.of("q")), List.of(agent("a", "q")));
        s.tick(100);
        s.available(50, "a");
        assertEquals(Scenario.t(100), s.acd.agentState("a").orElseThrow().since());
    }

    @Test
    @DisplayName("a caller for an unknown queue or a duplicate call id is refused without changing anything")
    void refusedArrivals() {
        Scenario s = new Scenario(List.of(QueueConfig.of("q")), List.of());
        assertTrue(s.arrive(0, "c", "nowhere").get(0) instanceof AcdCommand.EventRefused);
        s.arrive(1, "c", "q");
        assertTrue(s.arrive(2, "c", "q").get(0) instanceof AcdCommand.EventRefused);
        assertEquals(1, s.acd.waiting("q").size());
    }
}
