package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.queue.QueueConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cc.acd.domain.routing.Scenario.agent;
import static cc.acd.domain.routing.Scenario.assertNoOffer;
import static cc.acd.domain.routing.Scenario.assertOffered;
import static cc.acd.domain.routing.Scenario.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls meant for one agent: transfers to an agent, consultations, conferences, take-overs. */
class DirectCallTest {

    private static Scenario threeAgents() {
        return new Scenario(List.of(QueueConfig.of("q"), QueueConfig.of("sales")),
                List.of(agent("a1", "q"), agent("a2", "q"), agent("s1", "sales")));
    }

    private static AcdEvent.CallArrived direct(double at, String callId, String queue, String agentId,
                                               boolean endIfNotAnswered) {
        return new AcdEvent.CallArrived(callId, queue, List.of(), 0, "", Scenario.t(at),
                new AcdEvent.Direct(agentId, endIfNotAnswered));
    }

    @Test
    @DisplayName("a call for one agent rings that agent even when another has been idle longer, or serves another queue")
    void ringsOnlyThatAgent() {
        Scenario s = threeAgents();
        s.available(0, "a1");
        s.available(1, "a2");
        s.available(2, "s1");
        assertOffered("t1", "a2", s.apply(direct(5, "t1", "q", "a2", false)));
        assertOffered("t2", "s1", s.apply(direct(6, "t2", "q", "s1", true)));
        assertEquals(AgentStatus.AVAILABLE, s.status("a1"));
    }

    @Test
    @DisplayName("a call for an agent who is not available is refused, and nothing rings")
    void refusedWhenUnavailable() {
        Scenario s = threeAgents();
        s.available(0, "a1");
        List<AcdCommand> cmds = s.apply(direct(5, "t1", "q", "a2", false));
        assertEquals(1, only(AcdCommand.EventRefused.class, cmds).size());
        assertTrue(only(AcdCommand.EventRefused.class, cmds).get(0).reason().contains("not available"),
                cmds.toString());
        assertNoOffer(cmds);
        assertTrue(s.acd.call("t1").isEmpty());
        assertEquals(1, only(AcdCommand.EventRefused.class, s.apply(direct(6, "t2", "q", "nobody", true))).size());
    }

    @Test
    @DisplayName("a blind transfer the agent does not answer waits in its queue for anyone; another agent's caller is not taken by them")
    void blindTransferFallsBackToQueue() {
        Scenario s = threeAgents();
        s.available(0, "a2");
        assertOffered("t1", "a2", s.apply(direct(5, "t1", "q", "a2", false)));
        assertNoOffer(s.apply(new AcdEvent.RingNoAnswer("t1", "a2", Scenario.t(20))));
        assertEquals(CallPhase.WAITING, s.acd.call("t1").orElseThrow().phase());
        assertOffered("t1", "a1", s.available(21, "a1"));
    }

    @Test
    @DisplayName("a consultation the agent does not answer ends: nobody else is rung for it")
    void consultationEndsUnanswered() {
        Scenario s = threeAgents();
        s.available(0, "a2");
        assertOffered("k1", "a2", s.apply(direct(5, "k1", "q", "a2", true)));
        assertNoOffer(s.apply(new AcdEvent.RingNoAnswer("k1", "a2", Scenario.t(20))));
        assertTrue(s.acd.call("k1").isEmpty());
        assertNoOffer(s.available(21, "a1"));
    }

    @Test
    @DisplayName("a consultation withdrawn while it rings frees the agent (not paused) and counts in no queue figure")
    void consultationWithdrawn() {
        Scenario s = threeAgents();
        s.available(0, "a2");
        assertOffered("k1", "a2", s.apply(direct(5, "k1", "q", "a2", true)));
        List<AcdCommand> cmds = s.apply(new AcdEvent.CallAbandoned("k1", Scenario.t(8)));
        assertEquals(List.of(new AcdCommand.CancelOffer("k1", "a2")), only(AcdCommand.CancelOffer.class, cmds));
        assertEquals(AgentStatus.AVAILABLE, s.status("a2"));
        var q = s.acd.queueMetrics("q", Scenario.t(9)).orElseThrow();
        assertEquals(0, q.abandoned(), "a withdrawn consultation is no abandoned caller");
    }

    @Test
    @DisplayName("while a call waits for one agent, a later ordinary caller still goes to the free agents")
    void othersKeepFlowing() {
        Scenario s = threeAgents();
        s.available(0, "a2");
        s.apply(direct(1, "t1", "q", "a2", false));
        s.available(2, "a1");
        assertOffered("c2", "a1", s.arrive(3, "c2", "q"));
    }
}
