package cc.acd.domain.routing;

import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.SkillRelaxation;
import cc.acd.domain.queue.SkillRequirement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static cc.acd.domain.routing.Scenario.agent;
import static cc.acd.domain.routing.Scenario.assertNoOffer;
import static cc.acd.domain.routing.Scenario.assertOffered;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FairOrderTest {

    @Test
    @DisplayName("an agent serving two queues takes the caller who waited longest across both, not the first queue's")
    void oneOrderAcrossQueues() {
        Scenario s = new Scenario(List.of(QueueConfig.of("q1"), QueueConfig.of("q2")),
                List.of(agent("a", "q1", "q2")));
        s.arrive(0, "old-in-q2", "q2");
        s.arrive(10, "new-in-q1", "q1");
        s.arrive(20, "newer-in-q2", "q2");
        assertOffered("old-in-q2", "a", s.available(30, "a"));
        assertOffered("new-in-q1", "a", s.handle(31, "old-in-q2", "a", 5));
    }

    @Test
    @DisplayName("a VIP caller goes ahead of callers who waited less than the VIP's priority is worth")
    void priorityGoesAhead() {
        Scenario s = new Scenario(Duration.ofSeconds(30), List.of(QueueConfig.of("q1"), QueueConfig.of("q2")),
                List.of(agent("a", "q1", "q2")));
        s.arrive(0, "normal", "q1");
        s.arrive(50, "vip", "q2", 2); // 2 points x 30 s: as if it arrived at -10 s
        assertOffered("vip", "a", s.available(60, "a"));
    }

    @Test
    @DisplayName("waiting ages priority: a normal caller who waited long enough is served before a newer VIP")
    void nobodyStarves() {
        Scenario s = new Scenario(Duration.ofSeconds(30), List.of(QueueConfig.of("q")), List.of(agent("a", "q")));
        s.arrive(0, "normal", "q");
        s.arrive(70, "vip", "q", 2); // as if at +10 s: the normal caller has waited longer than that
        s.arrive(75, "vip2", "q", 1);
        assertEquals(List.of("normal", "vip", "vip2"), s.acd.waiting("q").stream().map(CallView::callId).toList());
        assertOffered("normal", "a", s.available(80, "a"));
    }

    @Test
    @DisplayName("a queue's priority boost lifts every caller of that queue in the shared order")
    void queueBoost() {
        Scenario s = new Scenario(Duration.ofSeconds(10),
                List.of(QueueConfig.of("standard"), QueueConfig.of("gold").withPriorityBoost(3)),
                List.of(agent("a", "standard", "gold")));
        s.arrive(0, "std", "standard");
        s.arrive(25, "gold", "gold");
        assertOffered("gold", "a", s.available(26, "a"));
    }

    @Test
    @DisplayName("a caller the agent cannot take does not block the next caller the agent can take")
    void skipsCallersTheAgentCannotTake() {
        Scenario s = new Scenario(List.of(QueueConfig.of("q")),
                List.of(agent("a", Map.of("en", 5), "q")));
        s.arrive(0, "needs-fa", "q", 0, new SkillRequirement("fa", 1));
        s.arrive(5, "needs-en", "q", 0, new SkillRequirement("en", 5));
        assertOffered("needs-en", "a", s.available(10, "a"));
        assertEquals(CallPhase.WAITING, s.acd.call("needs-fa").orElseThrow().phase());
    }

    @Test
    @DisplayName("skill relaxation: after waiting, a caller may go to an agent below the level first required")
    void skillRelaxation() {
        QueueConfig q = QueueConfig.of("q").withSkills(List.of(),
                new SkillRelaxation(Duration.ofSeconds(30), 2));
        Scenario s = new Scenario(List.of(q), List.of(agent("a6", Map.of("billing", 6), "q"),
                agent("a2", Map.of("billing", 2), "q")));
        s.available(0, "a6");
        s.available(0, "a2");
        assertNoOffer(s.arrive(1, "c", "q", 0, new SkillRequirement("billing", 8)));
        assertNoOffer(s.tick(30.9));
        assertEquals(8, s.acd.call("c").orElseThrow().requiredSkills().get(0).minLevel());
        assertOffered("c", "a6", s.tick(31));
        assertEquals(6, s.acd.call("c").orElseThrow().requiredSkills().get(0).minLevel());
    }

    @Test
    @DisplayName("skill relaxation happens at its own time even when the next event comes much later")
    void relaxationAtItsTime() {
        QueueConfig q = QueueConfig.of("q").withSkills(List.of(new SkillRequirement("billing", 9)),
                new SkillRelaxation(Duration.ofSeconds(20), 3));
        Scenario s = new Scenario(List.of(q), List.of(agent("a3", Map.of("billing", 3), "q")));
        s.available(0, "a3");
        s.arrive(0, "c", "q");
        List<AcdCommand> cmds = s.tick(500);
        assertOffered("c", "a3", cmds);
        assertEquals(Scenario.t(40), s.acd.agentState("a3").orElseThrow().since(), "offered when level hit 3");
    }
}
