package cc.core.domain.interaction;

import cc.core.domain.call.CallEvent;
import cc.core.domain.call.Leg;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record a call leaves, segment by segment, from call events as the AMI adapter makes them (a caller as a Local
 * channel pair in the inbound context, as the simulator and the lab's traces have it) and the IVR's and the ACD's
 * reports, in the orders they can arrive. Virtual time: every instant is the events' own.
 */
class InteractionSegmentsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private final AtomicInteger ids = new AtomicInteger();
    private final InteractionTracker tracker =
            new InteractionTracker(Set.of("cc-inbound"), () -> "i-" + ids.incrementAndGet());
    private final List<Interaction> changes = new ArrayList<>();

    private final Leg caller1 = new Leg("pbx1", "1796182843.975", "Local/100@cc-inbound-000001db;1", "1796182843.975");
    /** The half in the dialplan: the IVR and the ACD know the caller by this one. */
    private final Leg caller2 = new Leg("pbx1", "1796182843.976", "Local/100@cc-inbound-000001db;2", "1796182843.975");
    private final Leg agent2Phone = new Leg("pbx1", "1796182850.980", "Local/agent2@phones-000001dd;1",
            "1796182850.980");
    private final Leg agent1Phone = new Leg("pbx1", "1796182866.990", "Local/agent1@phones-000001e1;1",
            "1796182866.990");

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    private void events(CallEvent... events) {
        for (CallEvent e : events) {
            changes.addAll(tracker.on(e));
        }
    }

    private Interaction last() {
        return changes.get(changes.size() - 1);
    }

    /** The caller arrives with no caller ID; the number and name follow by NewCallerid, as in trace ami-20. */
    private void callerArrives() {
        events(new CallEvent.CallStarted(caller1, at(0), "", "", "100", "cc-inbound"),
                new CallEvent.CallStarted(caller2, at(0), "", "", "100", "cc-inbound"),
                new CallEvent.CallerIdChanged(caller1, at(0), "09121234567", "Sara Ahmadi"),
                new CallEvent.CallerIdChanged(caller2, at(0.002), "09121234567", "Sara Ahmadi"),
                new CallEvent.CallAnswered(caller2, at(0.5)),
                new CallEvent.CallAnswered(caller1, at(0.5)));
    }

    /** Through the main menu (key 2 there) to the support queue. */
    private void throughIvrToQueue() {
        tracker.onIvrStarted(caller2.uniqueId(), "main-menu", "09121234567", "Sara Ahmadi", at(0.6))
                .ifPresent(changes::add);
        tracker.onIvrStep(caller2.uniqueId(), new IvrStep("welcome", "", at(0.6)));
        tracker.onIvrStep(caller2.uniqueId(), new IvrStep("menu", "", at(3)));
        tracker.onIvrInput(caller2.uniqueId(), "menu", "2", at(5));
        tracker.onIvrStep(caller2.uniqueId(), new IvrStep("to-support", "", at(5)));
        tracker.onIvrEnded(caller2.uniqueId(), "main-menu", Segment.ENQUEUED, at(5.1));
        changes.add(tracker.onQueueEntered(caller2.uniqueId(), "support", at(5.1)).orElseThrow());
    }

    private static List<String> shape(Interaction i) {
        return i.segments().stream().map(s -> s.kind().wireName() + (s.agentId().isEmpty() ? "" : " " + s.agentId())
                + (s.queue().isEmpty() ? "" : " @" + s.queue()) + " " + s.outcome()).toList();
    }

    @Test
    @DisplayName("caller ID that arrives after the channel by NewCallerid is the record's, and a dialplan rewrite updates it")
    void callerIdAfterTheChannel() {
        callerArrives();
        assertEquals("09121234567", last().callerNumber());
        assertEquals("Sara Ahmadi", last().callerName());

        events(new CallEvent.CallerIdChanged(caller2, at(1), "+989121234567", ""),
                new CallEvent.CallerIdChanged(caller2, at(1), "+989121234567", "S. Ahmadi"));
        assertEquals("+989121234567", last().callerNumber());
        assertEquals("S. Ahmadi", last().callerName());

        events(new CallEvent.CallStarted(agent1Phone, at(2), "", "", "agent1", "phones"),
                new CallEvent.CallerIdChanged(agent1Phone, at(2), "1000", "Contact Center"));
        assertEquals("+989121234567", tracker.open().get(0).callerNumber(), "an agent's phone is not the caller");
    }

    @Test
    @DisplayName("the IVR's caller ID fills a record Asterisk's events left without one, and never overrides them")
    void callerIdFromTheIvr() {
        events(new CallEvent.CallStarted(caller1, at(0), "", "", "100", "cc-inbound"),
                new CallEvent.CallStarted(caller2, at(0), "", "", "100", "cc-inbound"));
        Interaction i = tracker.onIvrStarted(caller2.uniqueId(), "main-menu", "5551234", "Alice", at(0.6))
                .orElseThrow();
        assertEquals("5551234", i.callerNumber());
        events(new CallEvent.CallerIdChanged(caller2, at(1), "+15551234", "Alice Caller"));
        assertEquals("+15551234", last().callerNumber(), "Asterisk's change comes after and wins");
    }

    @Test
    @DisplayName("keys are on the IVR node where they were pressed")
    void keysOnTheirNode() {
        callerArrives();
        throughIvrToQueue();
        Interaction i = tracker.open().get(0);
        assertEquals(List.of("welcome:", "menu:2", "to-support:"),
                i.ivrPath().stream().map(s -> s.node() + ":" + s.input()).toList());
        assertEquals(List.of("ivr enqueued", "queue @support "), shape(i));
        assertEquals(Optional.of(at(5.1)), i.segments().get(0).endedAt());
    }

    @Test
    @DisplayName("a caller who leaves while an agent's phone rings: abandoned while ringing, the agent offered only")
    void callerLeavesWhileRinging() {
        callerArrives();
        throughIvrToQueue();
        tracker.onOfferedToAgent(caller2.uniqueId(), "agent-2", "support", at(20)).ifPresent(changes::add);
        events(new CallEvent.CallStarted(agent2Phone, at(20), "", "", "agent2", "phones"),
                new CallEvent.VariableSet(agent2Phone, at(20), InteractionTracker.AGENT_VARIABLE, "agent-2"),
                new CallEvent.CallHungUp(caller2, at(24), 16, "Normal Clearing"),
                new CallEvent.CallHungUp(caller1, at(24), 16, "Normal Clearing"));
        // the ACD's own word comes after the hang-up on its own path, and agrees
        tracker.onOfferEnded(caller2.uniqueId(), "agent-2", Segment.CALLER_LEFT, "", "", at(24.01));
        tracker.onQueueLeft(caller2.uniqueId(), "support", Segment.ABANDONED, "", at(24.01));

        Interaction done = tracker.find(last().id()).orElseThrow();
        assertEquals(List.of("ivr enqueued", "queue @support abandoned", "offer agent-2 @support caller-left"),
                shape(done));
        assertEquals(Optional.of(Interaction.ABANDONED_WHILE_RINGING), done.abandonedWhere());
        assertEquals(Optional.empty(), done.agentId(), "agent-2 never talked to the caller");
        assertEquals(List.of(), done.handledBy());
        assertEquals(Optional.empty(), done.agentAnsweredAt());
        assertEquals(Optional.of(at(0.5)), done.answeredAt(), "the IVR answered");
        assertEquals(Optional.of(at(24)), done.endedAt());
    }

    @Test
    @DisplayName("call control: a hold ends the talk as held (not a hang-up), the resume's bridge opens the next talk, a transfer says where")
    void holdThenTransfer() {
        callerArrives();
        throughIvrToQueue();
        tracker.onOfferedToAgent(caller2.uniqueId(), "agent-1", "support", at(10));
        events(new CallEvent.CallStarted(agent1Phone, at(10), "", "", "agent1", "phones"),
                new CallEvent.VariableSet(agent1Phone, at(10), InteractionTracker.AGENT_VARIABLE, "agent-1"),
                new CallEvent.CallAnswered(agent1Phone, at(12)),
                new CallEvent.LegsBridged(agent1Phone, at(12.01), "b-1"),
                new CallEvent.LegsBridged(caller2, at(12.02), "b-1"));
        String id = last().id();
        // call control says "held" before Asterisk moves the caller; the bridge's end follows
        tracker.onCallControl(id, "held", "agent-1", "", at(30));
        events(new CallEvent.LegUnbridged(caller2, at(30.01), "b-1"),
                new CallEvent.LegUnbridged(agent1Phone, at(30.02), "b-1"));
        tracker.onCallControl(id, "talking", "agent-1", "", at(40)).ifPresent(changes::add);
        events(new CallEvent.LegsBridged(caller2, at(40.01), "b-2"),
                new CallEvent.LegsBridged(agent1Phone, at(40.02), "b-2"));
        tracker.onCallControl(id, "transferring", "agent-1", "queue:sales", at(50)).ifPresent(changes::add);
        tracker.onCallControl(id, "transferring", "agent-1", "queue:sales", at(50.5));
        Interaction now = tracker.find(id).orElseThrow();
        assertEquals(List.of("ivr enqueued", "queue @support answered", "offer agent-1 @support answered",
                "talk agent-1 @support held", "hold agent-1 resumed", "talk agent-1 @support transferred",
                "transfer agent-1 completed"), shape(now), "one transfer for the same word heard twice");
        assertEquals("queue:sales", now.segments().get(now.segments().size() - 1).detail());
    }

    @Test
    @DisplayName("ring no answer, then a second agent answers: two offers, one talk, handled by the second")
    void ringNoAnswerThenSecondAgent() {
        callerArrives();
        throughIvrToQueue();
        tracker.onOfferedToAgent(caller2.uniqueId(), "agent-2", "support", at(20));
        tracker.onOfferEnded(caller2.uniqueId(), "agent-2", Segment.NO_ANSWER, "no-answer", "", at(35));
        tracker.onOfferedToAgent(caller2.uniqueId(), "agent-1", "support", at(36));
        events(new CallEvent.CallStarted(agent1Phone, at(36), "", "", "agent1", "phones"),
                new CallEvent.VariableSet(agent1Phone, at(36), InteractionTracker.AGENT_VARIABLE, "agent-1"),
                new CallEvent.CallAnswered(agent1Phone, at(38)),
                new CallEvent.LegsBridged(agent1Phone, at(38.01), "b-1"),
                new CallEvent.LegsBridged(caller2, at(38.02), "b-1"));
        Interaction talking = last();
        assertEquals(Optional.of("agent-1"), talking.agentId());
        assertEquals(Optional.of(at(38.02)), talking.agentAnsweredAt());

        events(new CallEvent.LegUnbridged(agent1Phone, at(98), "b-1"),
                new CallEvent.CallHungUp(agent1Phone, at(98), 16, "Normal Clearing"),
                new CallEvent.LegUnbridged(caller2, at(98.01), "b-1"),
                new CallEvent.CallHungUp(caller2, at(98.02), 16, "Normal Clearing"),
                new CallEvent.CallHungUp(caller1, at(98.03), 16, "Normal Clearing"));
        Interaction done = last();
        assertEquals(List.of("ivr enqueued", "queue @support answered", "offer agent-2 @support no-answer",
                "offer agent-1 @support answered", "talk agent-1 @support agent-hung-up"), shape(done));
        assertEquals(List.of("agent-1"), done.handledBy());
        assertEquals(Duration.ofMillis(59_980), done.talkTime());
        assertEquals(Optional.empty(), done.abandonedWhere());
        assertEquals(Optional.of(Duration.ofMillis(38_020)), done.waitTime());
    }

    @Test
    @DisplayName("the ACD naming the answering agent's leg makes the talk, even before the leg's variable is seen")
    void answerNamedByTheAcd() {
        callerArrives();
        throughIvrToQueue();
        tracker.onOfferedToAgent(caller2.uniqueId(), "agent-1", "support", at(20));
        events(new CallEvent.CallStarted(agent1Phone, at(20), "", "", "agent1", "phones"),
                new CallEvent.LegsBridged(caller2, at(22), "b-2"),
                new CallEvent.LegsBridged(agent1Phone, at(22.01), "b-2"));
        assertEquals(List.of(), tracker.open().get(0).handledBy(), "nobody is known to be an agent yet");

        List<Interaction> answered = tracker.onOfferEnded(caller2.uniqueId(), "agent-1", Segment.ANSWERED, "",
                agent1Phone.uniqueId(), at(22.05));
        Interaction i = answered.get(answered.size() - 1);
        assertEquals(List.of("agent-1"), i.handledBy());
        assertEquals(Optional.of(at(22.01)), i.agentAnsweredAt(), "the talk began when both were in the bridge");
    }

    @Test
    @DisplayName("a flow that completes just before the hang-up is containment, whichever report arrives first")
    void ivrCompletedReportAfterTheHangUp() {
        callerArrives();
        tracker.onIvrStarted(caller2.uniqueId(), "balance", "09121234567", "", at(0.6));
        events(new CallEvent.CallHungUp(caller2, at(30), 16, "Normal Clearing"),
                new CallEvent.CallHungUp(caller1, at(30), 16, "Normal Clearing"));
        assertEquals(Optional.of(Interaction.ABANDONED_IN_IVR), last().abandonedWhere(), "as far as the hang-up knows");

        Interaction corrected = tracker.onIvrEnded(caller2.uniqueId(), "balance", Segment.COMPLETED, at(29.99))
                .orElseThrow();
        assertEquals(List.of("ivr completed"), shape(corrected));
        assertEquals(Optional.of(at(29.99)), corrected.segments().get(0).endedAt());
        assertEquals(Optional.empty(), corrected.abandonedWhere(), "served by the IVR");
    }

    @Test
    @DisplayName("an IVR session whose start is reported only after the caller's hang-up is still a segment of the record")
    void ivrStartReportedAfterTheHangUp() {
        callerArrives();
        // the IVR runs from 0.6 s; the caller hangs up at 0.8 s and the AMI hang-up overtakes the IVR's own report
        events(new CallEvent.CallHungUp(caller2, at(0.8), 16, "Normal Clearing"),
                new CallEvent.CallHungUp(caller1, at(0.8), 16, "Normal Clearing"));
        Interaction started = tracker.onIvrStarted(caller2.uniqueId(), "main-menu", "09121234567", "", at(0.6))
                .orElseThrow();
        assertEquals(List.of("ivr caller-hung-up"), shape(started), "closed where the hang-up closed the call");
        assertEquals(Optional.of(at(0.8)), started.segments().get(0).endedAt());
        assertEquals(Optional.of(Interaction.ABANDONED_IN_IVR), started.abandonedWhere());

        Interaction reported = tracker.onIvrEnded(caller2.uniqueId(), "main-menu", "caller-hung-up", at(0.81))
                .orElse(started);
        assertEquals(List.of("ivr caller-hung-up"), shape(reported));
        assertEquals(Optional.of(at(0.8)), reported.segments().get(0).endedAt(), "never past the record's end");
    }

    @Test
    @DisplayName("the agent's wrap-up after the call is a segment of the call, and the disposition lands during it")
    void wrapUpAfterTheCall() {
        ringNoAnswerThenSecondAgent();
        String id = last().id();
        Interaction wrapping = tracker.onAgentState("agent-1", "wrap-up", caller2.uniqueId(), at(98.1)).get(0);
        assertEquals("wrap-up agent-1 ", shape(wrapping).get(5));
        Interaction disposed = tracker.onDisposition(id, "resolved", "balance explained").orElseThrow();
        assertEquals(Optional.of("resolved"), disposed.disposition());

        // long past the usual keeping time, the wrap-up still holds the record here
        Interaction done = tracker.onAgentState("agent-1", "available", "", at(400)).get(0);
        Segment wrapUp = done.segments().get(5);
        assertEquals(Optional.of(Duration.ofMillis(301_900)), wrapUp.duration());
        assertEquals("available", wrapUp.detail());

        tracker.onAgentState("agent-1", "ringing", "other", at(400 + 121));
        assertTrue(tracker.find(id).isEmpty(), "let go once the wrap-up is over and the keeping time has passed");
        assertEquals(0, tracker.keptAfterCall());
    }

    @Test
    @DisplayName("the dialer's abandon message: the queue wait ends there, and the call was abandoned after it")
    void dialerAbandonMessage() {
        Leg customer = new Leg("pbx1", "1796182900.1", "Local/09120000001@customers-00000010;1", "1796182900.1");
        Leg other = new Leg("pbx1", "1796182900.2", "Local/09120000001@customers-00000010;2", "1796182900.1");
        events(new CallEvent.CallStarted(customer, at(0), "", "", "s", "cc-dialer"),
                new CallEvent.CallStarted(other, at(0), "", "", "09120000001", "customers"),
                new CallEvent.VariableSet(customer, at(0), "CC_NUMBER", "09120000001"),
                new CallEvent.VariableSet(customer, at(0), "CC_CAMPAIGN", "autumn"),
                new CallEvent.VariableSet(other, at(0), "CC_NUMBER", "09120000001"),
                new CallEvent.VariableSet(other, at(0), "CC_CAMPAIGN", "autumn"),
                new CallEvent.CallerIdChanged(customer, at(0), "02100000000", "Acme"),
                new CallEvent.CallAnswered(customer, at(6)));
        tracker.onQueueEntered(customer.uniqueId(), "sales", at(8));
        events(new CallEvent.VariableSet(customer, at(10), InteractionTracker.ABANDONED_VARIABLE, "1"),
                new CallEvent.CallHungUp(customer, at(16), 16, "Normal Clearing"));
        tracker.onQueueLeft(customer.uniqueId(), "sales", Segment.ABANDONED, "", at(16.01));

        Interaction done = tracker.find(last().id()).orElseThrow();
        assertEquals("09120000001", done.callerNumber(), "our own caller ID is not the customer's number");
        assertEquals(List.of("queue @sales abandoned", "abandon-message ended"), shape(done));
        assertEquals(Optional.of(Interaction.ABANDONED_AFTER_MESSAGE), done.abandonedWhere());
    }

    @Test
    @DisplayName("an outbound call nobody answered was not abandoned, and an inbound one hung up unanswered was")
    void unansweredCalls() {
        events(new CallEvent.CallStarted(caller1, at(0), "", "", "100", "cc-inbound"),
                new CallEvent.CallHungUp(caller1, at(3), 16, "Normal Clearing"));
        assertEquals(Optional.of(Interaction.ABANDONED_BEFORE_ANSWER), last().abandonedWhere());
    }

    @Test
    @DisplayName("an overflow closes one queue wait and opens the next; a callback request ends the wait as such")
    void overflowAndCallback() {
        callerArrives();
        throughIvrToQueue();
        tracker.onQueueLeft(caller2.uniqueId(), "support", Segment.OVERFLOW, "queue:sales wait-limit", at(65));
        tracker.onQueueEntered(caller2.uniqueId(), "sales", at(65));
        tracker.onQueueLeft(caller2.uniqueId(), "sales", Segment.CALLBACK, "", at(80));
        events(new CallEvent.CallHungUp(caller2, at(81), 16, "Normal Clearing"),
                new CallEvent.CallHungUp(caller1, at(81), 16, "Normal Clearing"));
        Interaction done = last();
        assertEquals(List.of("ivr enqueued", "queue @support overflow", "queue @sales callback"), shape(done));
        assertEquals("queue:sales wait-limit", done.segments().get(1).detail());
        assertEquals(Optional.of("sales"), done.queue());
        assertEquals(Optional.empty(), done.abandonedWhere(), "the caller asked to be called back");
    }

    @Test
    @DisplayName("an agent's own call to a customer (click-to-dial, a callback) is an outbound record with its talk")
    void agentDialsTheCustomer() {
        Leg agentLeg = new Leg("pbx1", "1796183000.1", "PJSIP/2001-00000031", "1796183000.1");
        Leg customer = new Leg("pbx1", "1796183000.2", "PJSIP/trunk-00000032", "1796183000.1");
        events(new CallEvent.CallStarted(agentLeg, at(0), "", "", "2001", "phones"),
                new CallEvent.VariableSet(agentLeg, at(0), InteractionTracker.DIALLED_VARIABLE, "09121234567"),
                new CallEvent.VariableSet(agentLeg, at(0), InteractionTracker.AGENT_VARIABLE, "agent-1"),
                new CallEvent.CallAnswered(agentLeg, at(2)),
                new CallEvent.CallStarted(customer, at(2.1), "1000", "Contact Center", "09121234567", "cc-outbound"),
                new CallEvent.CallAnswered(customer, at(9)),
                new CallEvent.LegsBridged(agentLeg, at(9.01), "b-9"),
                new CallEvent.LegsBridged(customer, at(9.02), "b-9"));
        Interaction talking = last();
        assertEquals(Direction.OUTBOUND, talking.direction());
        assertEquals("09121234567", talking.dialedNumber());
        assertEquals(Optional.of(at(9.02)), talking.answeredAt(), "answered when the customer joined the agent");
        assertEquals(List.of("agent-1"), talking.handledBy());

        events(new CallEvent.LegUnbridged(customer, at(70), "b-9"),
                new CallEvent.CallHungUp(customer, at(70), 16, "Normal Clearing"),
                new CallEvent.LegUnbridged(agentLeg, at(70.01), "b-9"),
                new CallEvent.CallHungUp(agentLeg, at(70.02), 16, "Normal Clearing"));
        Interaction done = last();
        assertEquals(List.of("talk agent-1 caller-hung-up"), shape(done));
        assertEquals(Optional.of(at(70.02)), done.endedAt());
        assertEquals(1, tracker.openedCount(), "the customer's channel opened no record of its own");
    }

    @Test
    @DisplayName("an agent's own call the customer never answers is an outbound record with no talk, not an abandon")
    void agentDialsNobodyAnswers() {
        Leg agentLeg = new Leg("pbx1", "1796183100.1", "PJSIP/2001-00000041", "1796183100.1");
        events(new CallEvent.CallStarted(agentLeg, at(0), "", "", "2001", "phones"),
                new CallEvent.VariableSet(agentLeg, at(0), InteractionTracker.AGENT_VARIABLE, "agent-1"),
                new CallEvent.VariableSet(agentLeg, at(0), InteractionTracker.DIALLED_VARIABLE, "09121234567"),
                new CallEvent.CallAnswered(agentLeg, at(2)),
                new CallEvent.CallHungUp(agentLeg, at(32), 16, "Normal Clearing"));
        Interaction done = last();
        assertEquals(List.of(), done.handledBy());
        assertEquals(Optional.empty(), done.answeredAt());
        assertEquals(Optional.empty(), done.abandonedWhere());
    }

    @Test
    @DisplayName("a dialer call's number and customer set after its campaign still land on the record")
    void outboundVariablesInAnyOrder() {
        Leg customer = new Leg("pbx1", "1796183200.1", "PJSIP/09120000541-00000051", "1796183200.1");
        events(new CallEvent.CallStarted(customer, at(0), "", "", "09120000541", "customers"),
                new CallEvent.VariableSet(customer, at(0), InteractionTracker.CAMPAIGN_VARIABLE, "card"),
                new CallEvent.VariableSet(customer, at(0), InteractionTracker.CUSTOMER_VARIABLE, "77"),
                new CallEvent.VariableSet(customer, at(0), InteractionTracker.NUMBER_VARIABLE, "+989120000541"));
        Interaction i = tracker.open().get(0);
        assertEquals("+989120000541", i.dialedNumber());
        assertEquals("+989120000541", i.callerNumber());
        assertEquals(Optional.of(77L), i.customerId());
    }
}
