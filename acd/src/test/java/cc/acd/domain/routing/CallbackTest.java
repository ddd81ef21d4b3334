package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.routing.AcdCommand.PlaceCallback;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cc.acd.domain.routing.Scenario.agent;
import static cc.acd.domain.routing.Scenario.assertNoOffer;
import static cc.acd.domain.routing.Scenario.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackTest {

    private static Scenario oneQueue() {
        return new Scenario(List.of(QueueConfig.of("q")), List.of(agent("a", "q")));
    }

    @Test
    @DisplayName("a caller who asks for a callback keeps the place; when it comes up the agent is reserved and the callback placed")
    void callbackKeepsPlace() {
        Scenario s = oneQueue();
        s.arrive(0, "c1", "q");
        s.arrive(10, "c2", "q");
        assertTrue(s.apply(new AcdEvent.CallbackRequested("c1", "+989121234567", Scenario.t(20))).isEmpty());
        assertEquals(List.of("c1", "c2"), s.acd.waiting("q").stream().map(CallView::callId).toList());
        List<AcdCommand> cmds = s.available(30, "a");
        assertEquals(List.of(new PlaceCallback("c1", "a", "q", "+989121234567")), only(PlaceCallback.class, cmds));
        assertNoOffer(cmds);
        assertEquals(AgentStatus.RESERVED, s.status("a"));
        s.answer(40, "c1", "a");
        assertEquals(AgentStatus.ON_CALL, s.status("a"));
    }

    @Test
    @DisplayName("a callback that cannot reach the customer frees the agent for the next caller")
    void unreachedCallbackFreesAgent() {
        Scenario s = oneQueue();
        s.arrive(0, "c1", "q");
        s.apply(new AcdEvent.CallbackRequested("c1", "", Scenario.t(1)));
        s.arrive(2, "c2", "q");
        s.available(3, "a");
        List<AcdCommand> cmds = s.apply(new AcdEvent.CallAbandoned("c1", Scenario.t(40)));
        Scenario.assertOffered("c2", "a", cmds);
    }

    @Test
    @DisplayName("a scheduled callback is not placed before its time, and is placed at its time")
    void scheduledCallback() {
        Scenario s = oneQueue();
        s.available(0, "a");
        List<AcdCommand> early = s.apply(new AcdEvent.CallbackScheduled("cb", "q", List.of(), 0, "02188776655",
                Scenario.t(600), Scenario.t(1)));
        assertTrue(only(PlaceCallback.class, early).isEmpty());
        assertEquals(CallPhase.SCHEDULED, s.acd.call("cb").orElseThrow().phase());
        assertTrue(only(PlaceCallback.class, s.tick(599)).isEmpty());
        assertEquals(List.of(new PlaceCallback("cb", "a", "q", "02188776655")),
                only(PlaceCallback.class, s.tick(700)));
        assertEquals(Scenario.t(600), s.acd.agentState("a").orElseThrow().since());
    }

    @Test
    @DisplayName("a due callback waits in line behind callers who came before its time")
    void dueCallbackOrdersByItsTime() {
        Scenario s = oneQueue();
        s.apply(new AcdEvent.CallbackScheduled("cb", "q", List.of(), 0, "021", Scenario.t(100), Scenario.t(0)));
        s.arrive(50, "early", "q");
        s.arrive(150, "late", "q");
        s.tick(160);
        assertEquals(List.of("early", "cb", "late"), s.acd.waiting("q").stream().map(CallView::callId).toList());
    }

    @Test
    @DisplayName("only a caller waiting on the line can trade the wait for a callback")
    void callbackOnlyFromTheLine() {
        Scenario s = oneQueue();
        s.available(0, "a");
        s.arrive(1, "c", "q");
        List<AcdCommand> cmds = s.apply(new AcdEvent.CallbackRequested("c", "021", Scenario.t(2)));
        assertTrue(cmds.get(0) instanceof AcdCommand.EventRefused);
    }

    @Test
    @DisplayName("a callback with a kept place waits in line as if queued since then (a click-to-talk request's time)")
    void keptPlaceOrdersTheCallback() {
        Scenario s = oneQueue();
        s.arrive(50, "early", "q");
        s.arrive(150, "late", "q");
        s.apply(new AcdEvent.CallbackScheduled("ctt", "q", List.of(), 0, "021", Scenario.t(200), Scenario.t(200),
                Scenario.t(100)));
        assertEquals(List.of("early", "ctt", "late"), s.acd.waiting("q").stream().map(CallView::callId).toList());
    }

    @Test
    @DisplayName("a customer who declines the callback after the agent answered frees the agent at once: no wrap-up, "
            + "the next caller is offered")
    void declinedCallbackFreesAgentAtOnce() {
        Scenario s = oneQueue();
        s.available(0, "a");
        s.apply(new AcdEvent.CallbackScheduled("ctt", "q", List.of(), 0, "021", Scenario.t(1), Scenario.t(1)));
        s.answer(5, "ctt", "a");
        assertEquals(AgentStatus.ON_CALL, s.status("a"));
        s.arrive(6, "next", "q");
        List<AcdCommand> cmds = s.apply(new AcdEvent.CallbackDeclined("ctt", Scenario.t(20)));
        Scenario.assertOffered("next", "a", cmds);
        assertTrue(s.acd.call("ctt").isEmpty());
        assertEquals(0, s.acd.agentMetrics(Scenario.t(21)).get(0).callsHandled(), "a declined ring is no handled call");
    }

    @Test
    @DisplayName("a declined callback while the agent is still being rung ends the ring; a callback not being placed "
            + "cannot be declined")
    void declineOnlyWhilePlaced() {
        Scenario s = oneQueue();
        s.apply(new AcdEvent.CallbackScheduled("ctt", "q", List.of(), 0, "021", Scenario.t(1), Scenario.t(1)));
        assertTrue(s.apply(new AcdEvent.CallbackDeclined("ctt", Scenario.t(2))).get(0)
                instanceof AcdCommand.EventRefused);
        s.available(3, "a");
        List<AcdCommand> cmds = s.apply(new AcdEvent.CallbackDeclined("ctt", Scenario.t(4)));
        assertEquals(List.of(new AcdCommand.CancelOffer("ctt", "a")), only(AcdCommand.CancelOffer.class, cmds));
        assertEquals(AgentStatus.AVAILABLE, s.status("a"));
    }
}
