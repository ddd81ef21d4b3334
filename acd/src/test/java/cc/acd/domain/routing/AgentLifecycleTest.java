package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentState;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.queue.QueueConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static cc.acd.domain.routing.Scenario.agent;
import static cc.acd.domain.routing.Scenario.assertNoOffer;
import static cc.acd.domain.routing.Scenario.assertOffered;
import static cc.acd.domain.routing.Scenario.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentLifecycleTest {

    private static Scenario twoAgents(Duration wrapUp) {
        return new Scenario(List.of(QueueConfig.of("q").withWrapUp(wrapUp)),
                List.of(agent("a1", "q"), agent("a2", "q")));
    }

    @Test
    @DisplayName("ring-no-answer: the agent is paused as ring-no-answer and the caller goes straight to the next agent")
    void ringNoAnswerMovesOn() {
        Scenario s = twoAgents(Duration.ZERO);
        s.available(0, "a1");
        s.available(1, "a2");
        assertOffered("c", "a1", s.arrive(2, "c", "q"));
        List<AcdCommand> cmds = s.apply(new AcdEvent.RingNoAnswer("c", "a1", Scenario.t(22)));
        assertOffered("c", "a2", cmds);
        AgentState a1 = s.acd.agentState("a1").orElseThrow();
        assertEquals(AgentStatus.PAUSED, a1.status());
        assertEquals(AgentState.RING_NO_ANSWER, a1.reason());
        assertEquals(Scenario.t(22), a1.since());
    }

    @Test
    @DisplayName("a ring that never reached Asterisk (the AMI link was down) leaves the agent available, not paused,"
            + " and the caller at its place")
    void ringFailedKeepsAgentAvailable() {
        Scenario s = twoAgents(Duration.ZERO);
        s.available(0, "a1");
        s.arrive(1, "first", "q");
        s.arrive(5, "second", "q");
        List<AcdCommand> cmds = s.apply(new AcdEvent.RingFailed("first", "a1", Scenario.t(6)));
        assertOffered("first", "a1", cmds);
        assertEquals(AgentStatus.RINGING, s.status("a1"));
        assertEquals(List.of("second"), s.acd.waiting("q").stream().map(CallView::callId).toList());
    }

    @Test
    @DisplayName("ring-no-answer with nobody else free: the caller keeps its place ahead of later callers")
    void ringNoAnswerKeepsPlace() {
        Scenario s = twoAgents(Duration.ZERO);
        s.available(0, "a1");
        s.arrive(1, "first", "q");
        s.arrive(5, "second", "q");
        assertNoOffer(s.apply(new AcdEvent.RingNoAnswer("first", "a1", Scenario.t(21))));
        assertEquals(List.of("first", "second"), s.acd.waiting("q").stream().map(CallView::callId).toList());
        assertOffered("first", "a2", s.available(30, "a2"));
    }

    @Test
    @DisplayName("wrap-up ends by its timer and the agent takes the next waiting caller at that moment")
    void wrapUpTimer() {
        Scenario s = twoAgents(Duration.ofSeconds(30));
        s.available(0, "a1");
        s.arrive(1, "c1", "q");
        s.answer(3, "c1", "a1");
        s.arrive(10, "c2", "q");
        s.end(60, "c1");
        assertEquals(AgentStatus.WRAP_UP, s.status("a1"));
        assertNoOffer(s.tick(89));
        assertOffered("c2", "a1", s.tick(200));
        assertEquals(Scenario.t(90), s.acd.agentState("a1").orElseThrow().since());
    }

    @Test
    @DisplayName("an agent can end wrap-up early and is offered the next caller")
    void wrapUpEndedEarly() {
        Scenario s = twoAgents(Duration.ofSeconds(30));
        s.available(0, "a1");
        s.arrive(1, "c1", "q");
        s.handle(2, "c1", "a1", 10);
        s.arrive(13, "c2", "q");
        assertOffered("c2", "a1", s.apply(new AcdEvent.WrapUpEnded("a1", Scenario.t(15))));
        assertNoOffer(s.tick(60));
    }

    @Test
    @DisplayName("a caller hanging up while the agent rings stops the ringing and frees the agent for the next caller")
    void abandonWhileRinging() {
        Scenario s = twoAgents(Duration.ZERO);
        s.available(0, "a1");
        s.arrive(1, "c1", "q");
        s.arrive(2, "c2", "q");
        List<AcdCommand> cmds = s.apply(new AcdEvent.CallAbandoned("c1", Scenario.t(5)));
        assertEquals(List.of(new AcdCommand.CancelOffer("c1", "a1")), only(AcdCommand.CancelOffer.class, cmds));
        assertOffered("c2", "a1", cmds);
        assertTrue(s.acd.call("c1").isEmpty());
    }

    @Test
    @DisplayName("illegal agent requests are refused and leave the agent as it was")
    void illegalRequestsRefused() {
        Scenario s = twoAgents(Duration.ZERO);
        s.available(0, "a1");
        s.arrive(1, "c1", "q");
        s.answer(2, "c1", "a1");
        AgentState before = s.acd.agentState("a1").orElseThrow();
        for (AcdEvent e : List.<AcdEvent>of(
                new AcdEvent.AgentStateChanged("a1", AgentStatus.LOGGED_OUT, "", Scenario.t(3)),
                new AcdEvent.AgentStateChanged("a1", AgentStatus.PAUSED, "break", Scenario.t(3)),
                new AcdEvent.AgentStateChanged("a1", AgentStatus.AVAILABLE, "", Scenario.t(3)),
                new AcdEvent.AgentStateChanged("a1", AgentStatus.ON_CALL, "", Scenario.t(3)),
                new AcdEvent.WrapUpEnded("a1", Scenario.t(3)),
                new AcdEvent.AgentAnswered("c1", "a2", Scenario.t(3)),
                new AcdEvent.RingNoAnswer("c1", "a1", Scenario.t(3)),
                new AcdEvent.AgentStateChanged("nobody", AgentStatus.AVAILABLE, "", Scenario.t(3)))) {
            List<AcdCommand> cmds = s.apply(e);
            assertEquals(1, cmds.size(), e + " -> " + cmds);
            assertTrue(cmds.get(0) instanceof AcdCommand.EventRefused, e + " -> " + cmds);
        }
        assertEquals(before, s.acd.agentState("a1").orElseThrow());
        assertEquals(CallPhase.CONNECTED, s.acd.call("c1").orElseThrow().phase());
        List<AcdCommand> pauseWithoutReason = s.apply(
                new AcdEvent.AgentStateChanged("a2", AgentStatus.PAUSED, " ", Scenario.t(4)));
        assertTrue(pauseWithoutReason.get(0) instanceof AcdCommand.EventRefused);
        assertEquals(AgentStatus.LOGGED_OUT, s.status("a2"));
    }

    @Test
    @DisplayName("logging out a ringing agent puts the caller back in its place and on to another agent")
    void logoutWhileRinging() {
        Scenario s = twoAgents(Duration.ZERO);
        s.available(0, "a1");
        s.available(1, "a2");
        s.arrive(2, "c", "q");
        List<AcdCommand> cmds = s.apply(new AcdEvent.AgentStateChanged("a1", AgentStatus.LOGGED_OUT, "",
                Scenario.t(3)));
        assertEquals(List.of(new AcdCommand.CancelOffer("c", "a1")), only(AcdCommand.CancelOffer.class, cmds));
        assertOffered("c", "a2", cmds);
        assertEquals(AgentStatus.LOGGED_OUT, s.status("a1"));
    }

    @Test
    @DisplayName("a paused agent is not offered calls; going available takes the oldest caller")
    void pausedAgentsAreSkipped() {
        Scenario s = twoAgents(Duration.ZERO);
        s.available(0, "a1");
        s.pause(1, "a1", "lunch");
        assertNoOffer(s.arrive(2, "c", "q"));
        assertOffered("c", "a1", s.available(3, "a1"));
    }

    @Test
    @DisplayName("every agent state change is published as a command for presence")
    void stateChangesPublished() {
        Scenario s = twoAgents(Duration.ZERO);
        List<AcdCommand> cmds = s.pause(5, "a1", "training");
        assertEquals(List.of(new AcdCommand.AgentStateEntered("a1",
                new AgentState(AgentStatus.PAUSED, "training", Scenario.t(5), ""))), cmds);
    }
}
