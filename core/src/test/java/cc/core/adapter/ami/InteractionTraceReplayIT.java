package cc.core.adapter.ami;

import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionTracker;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Asterisk 22 event streams of traces ami-05 and ami-16 to ami-20, replayed over TCP through the production
 * AMI adapter into the interaction tracker, with the IVR's and the ACD's reports where they would come: the segments
 * and summary fields of each call's record.
 *
 * <p>The ACD's reports are made the way {@code AcdVerticle} makes them: from the originate results of the agents'
 * legs (ami-16 to ami-19). In ami-05 the queue was Asterisk's own app_queue, so the test stands in for the ACD at
 * the points the trace shows it: queue joined after the IVR, each member leg rung, the winner answered, the loser
 * cancelled (hung up "answered elsewhere").
 */
class InteractionTraceReplayIT {
    private final AtomicInteger ids = new AtomicInteger();

    /** Call events and the reports made between them, in the order they happened. */
    private final List<Object> timeline = new CopyOnWriteArrayList<>();

    private record Report(String what, Consumer<InteractionTracker> apply) {}

    private static OriginateRequest originate(String dial, OriginateRequest.Target target, String callerId,
                                              Map<String, String> variables) {
        return new OriginateRequest("pbx", dial, target, callerId, Duration.ofSeconds(15), variables);
    }

    private AmiHarness harness(TraceAmiPeer peer) throws Exception {
        AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx", peer, "cc-secret")), AmiOptions.defaults());
        h.telephony.onCallEvent(timeline::add);
        AmiHarness.await(h.telephony.start());
        h.untilLink("resynced", e -> e instanceof LinkEvent.LinkResynced);
        return h;
    }

    private void report(String what, Consumer<InteractionTracker> apply) {
        timeline.add(new Report(what, apply));
    }

    /** Runs the tracker over the timeline, the reports applied where they were made; the last version of each record. */
    private List<Interaction> records(String... inboundContexts) {
        InteractionTracker tracker = new InteractionTracker(Set.of(inboundContexts), () -> "i-" + ids.incrementAndGet());
        java.util.LinkedHashMap<String, Interaction> last = new java.util.LinkedHashMap<>();
        Consumer<Interaction> keep = i -> last.put(i.id(), i);
        for (Object o : timeline) {
            if (o instanceof CallEvent) {
                tracker.on((CallEvent) o).forEach(keep);
            } else {
                ((Report) o).apply.accept(tracker);
                last.replaceAll((id, i) -> tracker.find(id).orElse(i));
            }
        }
        last.replaceAll((id, i) -> tracker.find(id).orElse(i));
        return new ArrayList<>(last.values());
    }

    private static List<String> shape(Interaction i) {
        return i.segments().stream().map(s -> s.kind().wireName() + (s.agentId().isEmpty() ? "" : " " + s.agentId())
                + (s.queue().isEmpty() ? "" : " @" + s.queue()) + " " + s.outcome()).toList();
    }

    private Optional<CallEvent> firstEvent(Class<? extends CallEvent> type, String channelPrefix) {
        return timeline.stream().filter(type::isInstance).map(CallEvent.class::cast)
                .filter(e -> e.leg().channelName().startsWith(channelPrefix)).findFirst();
    }

    private int indexOf(Object o) {
        return timeline.indexOf(o);
    }

    @Test
    @DisplayName("ami-05: IVR then queue, two members rung, one answers: caller ID by NewCallerid, one talk, the loser offered only")
    void inboundCallThroughIvrAndQueue() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret")
                .script(AmiTrace.load("ami-05-inbound-call-ivr-queue-agent.txt"));
             AmiHarness h = harness(peer)) {
            AmiHarness.await(h.telephony.originate(originate("Local/100@ivr-in",
                    new OriginateRequest.DialplanTarget("human", "ivr-caller", 1), "\"Alice Caller\" <5551234>",
                    Map.of())));
            h.untilCall("the caller's ;1 half hung up", e -> e instanceof CallEvent.CallHungUp
                    && e.leg().uniqueId().equals("1795417535.2"));
        }
        // the IVR (agi-01: the main-menu session on the ;2 half) and app_queue's doings, placed where the trace has them
        String ivrChannel = "1795417535.3";
        CallEvent answered = firstEvent(CallEvent.CallAnswered.class, "Local/100@ivr-in-00000001;2").orElseThrow();
        List<CallEvent> digits = timeline.stream().filter(e -> e instanceof CallEvent.DtmfReceived)
                .map(CallEvent.class::cast).toList();
        CallEvent agent2Starts = firstEvent(CallEvent.CallStarted.class, "Local/agent2@agents").orElseThrow();
        CallEvent agent1Starts = firstEvent(CallEvent.CallStarted.class, "Local/agent1@agents").orElseThrow();
        CallEvent agent1Answers = firstEvent(CallEvent.CallAnswered.class, "Local/agent1@agents-00000003;1")
                .orElseThrow();
        CallEvent agent2Gone = firstEvent(CallEvent.CallHungUp.class, "Local/agent2@agents-00000002;1").orElseThrow();
        Instant t = answered.at();
        insertAfter(answered, "IVR starts", tr -> {
            tr.onIvrStarted(ivrChannel, "main-menu", "5551234", "Alice Caller", t);
            tr.onIvrStep(ivrChannel, new IvrStep("welcome", "", t));
            tr.onIvrStep(ivrChannel, new IvrStep("menu", "", t));
        });
        insertAfter(digits.get(0), "menu choice", tr -> {
            tr.onIvrInput(ivrChannel, "menu", "2", t);
            tr.onIvrStep(ivrChannel, new IvrStep("account", "", t));
        });
        insertAfter(digits.get(digits.size() - 1), "account number", tr -> {
            tr.onIvrInput(ivrChannel, "account", "1234", t);
            tr.onIvrEnded(ivrChannel, "main-menu", Segment.ENQUEUED, t);
            tr.onQueueEntered(ivrChannel, "support", t);
        });
        insertBefore(agent2Starts, "agent2 rung", tr -> tr.onOfferedToAgent(ivrChannel, "agent2", "support", t));
        insertBefore(agent1Starts, "agent1 rung", tr -> tr.onOfferedToAgent(ivrChannel, "agent1", "support", t));
        insertAfter(agent1Answers, "agent1 answered", tr -> tr.onOfferEnded(ivrChannel, "agent1", Segment.ANSWERED,
                "", agent1Answers.leg().uniqueId(), t));
        insertAfter(agent2Gone, "agent2 cancelled", tr -> tr.onOfferEnded(ivrChannel, "agent2", Segment.CANCELLED,
                "answered elsewhere", "", t));

        List<Interaction> records = records("ivr-in");
        assertEquals(1, records.size(), "one record for the caller's call, none for the agents' legs");
        Interaction call = records.get(0);
        assertEquals("5551234", call.callerNumber(), "the caller ID came by NewCallerid after the channel");
        assertEquals("Alice Caller", call.callerName());
        assertEquals("100", call.dialedNumber());
        assertEquals(List.of("ivr enqueued", "queue @support answered", "offer agent2 @support cancelled",
                "offer agent1 @support answered", "talk agent1 @support agent-hung-up"), shape(call));
        assertEquals(List.of("welcome:", "menu:2", "account:1234"),
                call.ivrPath().stream().map(s -> s.node() + ":" + s.input()).toList());
        assertEquals(List.of("agent1"), call.handledBy());
        assertEquals(Optional.of("agent1"), call.agentId());
        Segment talk = call.segments().get(4);
        CallEvent callerBridged = firstEvent(CallEvent.LegsBridged.class, "Local/100@ivr-in-00000001;2").orElseThrow();
        assertEquals(Optional.of(callerBridged.at()), call.agentAnsweredAt(), "the talk began at the bridge");
        assertEquals(talk.startedAt(), call.agentAnsweredAt().get());
        assertTrue(call.answeredAt().get().isBefore(talk.startedAt()), "the IVR answered long before the agent");
        assertEquals(Optional.empty(), call.abandonedWhere());
        assertEquals("Normal Clearing", call.endCause());
    }

    @Test
    @DisplayName("ami-16: the agent's leg runs Bridge() on answer: queue answered, offer answered, one talk")
    void agentBridgedByTheBridgeApplication() throws Exception {
        agentOffer("ami-16-originate-agent-bridge-app.txt", "Local/agent1@agents",
                new OriginateRequest.ApplicationTarget("Bridge", "Local/s@cc-hold-00000000;2"), Optional.empty());
        Interaction call = records("cc-hold").get(0);
        assertEquals(List.of("queue @support answered", "offer agent-1 @support answered",
                "talk agent-1 @support agent-hung-up"), shape(call));
        assertEquals("09121234567", call.callerNumber());
        assertEquals(List.of("agent-1"), call.handledBy());
    }

    @Test
    @DisplayName("ami-17: the agent's leg waits and the Bridge action joins it to the caller: one talk")
    void agentBridgedByTheBridgeAction() throws Exception {
        agentOffer("ami-17-ami-bridge-action.txt", "Local/agent3@agents",
                new OriginateRequest.DialplanTarget("agent-wait", "s", 1), Optional.of("bridge"));
        Interaction call = records("cc-hold").get(0);
        assertEquals(List.of("queue @support answered", "offer agent-1 @support answered"),
                shape(call).subList(0, 2));
        assertEquals("talk agent-1 @support", shape(call).get(2).substring(0, "talk agent-1 @support".length()));
        assertEquals(List.of("agent-1"), call.handledBy());
        assertTrue(call.isEnded());
    }

    @Test
    @DisplayName("ami-18: the agent's phone rings out, then the caller is hung up: no answer, abandoned in the queue")
    void agentRingsOut() throws Exception {
        agentOffer("ami-18-originate-agent-no-answer.txt", "Local/agent2@agents",
                new OriginateRequest.ApplicationTarget("Bridge", "Local/s@cc-hold-0000000c;2"), Optional.of("hangup"));
        Interaction call = records("cc-hold").get(0);
        assertEquals(List.of("queue @support abandoned", "offer agent-1 @support no-answer"), shape(call));
        assertEquals(Optional.of(Interaction.ABANDONED_IN_QUEUE), call.abandonedWhere());
        assertEquals(Optional.empty(), call.agentId());
        assertEquals(List.of(), call.handledBy());
    }

    @Test
    @DisplayName("ami-19: the caller leaves while the agent's phone rings; the agent answers after: no talk, abandoned ringing")
    void callerLeavesWhileTheAgentRings() throws Exception {
        agentOffer("ami-19-caller-hangs-up-while-agent-rings.txt", "Local/agent1@agents",
                new OriginateRequest.ApplicationTarget("Bridge", "Local/s@cc-hold-00000006;2"), Optional.empty());
        Interaction call = records("cc-hold").stream().filter(i -> !i.segments().isEmpty()).findFirst().orElseThrow();
        assertEquals(List.of("queue @support abandoned", "offer agent-1 @support caller-left"), shape(call));
        assertEquals(Optional.of(Interaction.ABANDONED_WHILE_RINGING), call.abandonedWhere());
        assertEquals(Optional.empty(), call.agentId(), "the agent answered after the caller had gone");
        assertEquals(Optional.empty(), call.agentAnsweredAt());
    }

    @Test
    @DisplayName("ami-20: caller ID set after Newchannel, then rewritten by the dialplan: the record follows Asterisk")
    void callerIdAfterNewchannel() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret")
                .script(AmiTrace.load("ami-20-caller-id-after-newchannel.txt"));
             AmiHarness h = harness(peer)) {
            for (String[] call : new String[][] {{"Local/5550100@cid-in", "\"Sara Ahmadi\" <09121234567>"},
                    {"Local/5550100@cid-in", "09121234567"}, {"Local/5550200@cid-in", "\"Sara Ahmadi\" <09121234567>"}}) {
                int hangups = h.calls(CallEvent.CallHungUp.class).size();
                AmiHarness.await(h.telephony.originate(originate(call[0],
                        new OriginateRequest.DialplanTarget("human", "silent", 1), call[1], Map.of())));
                AmiHarness.until("both halves hung up", () -> h.calls(CallEvent.CallHungUp.class).size() >= hangups + 2);
            }
        }
        List<Interaction> records = records("cid-in");
        assertEquals(3, records.size());
        assertEquals(List.of("09121234567 Sara Ahmadi", "09121234567 ", "+989121234567 S. Ahmadi"),
                records.stream().map(i -> i.callerNumber() + " " + i.callerName()).toList());
        assertTrue(records.stream().allMatch(i -> i.dialedNumber().startsWith("55502") || i.dialedNumber()
                .startsWith("55501")));
    }

    /**
     * Replays a trace of the external ACD's way of ringing an agent: the caller is originated into {@code cc-hold}
     * (the queue), then the agent's leg, whose result the ACD turns into its report; {@code then} is the action the
     * trace sends after: the {@code Bridge} action (ami-17) or the {@code Hangup} of the caller (ami-18).
     */
    private void agentOffer(String trace, String agentDial, OriginateRequest.Target agentTarget,
                            Optional<String> then) throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret").script(AmiTrace.load(trace));
             AmiHarness h = harness(peer)) {
            OriginateResult caller = AmiHarness.await(h.telephony.originate(originate("Local/s@cc-hold",
                    new OriginateRequest.DialplanTarget("human", "silent", 1), "\"Sara Ahmadi\" <09121234567>",
                    Map.of())));
            h.untilCall("the holding half is up", e -> e instanceof CallEvent.CallAnswered
                    && e.leg().channelName().endsWith(";2"));
            String callerHalf = h.calls(CallEvent.CallStarted.class).stream()
                    .filter(e -> e.leg().channelName().startsWith("Local/s@cc-hold") && e.leg().channelName().endsWith(";2"))
                    .findFirst().orElseThrow().leg().uniqueId();
            report("the IVR hands the caller to the queue", tr -> tr.onQueueEntered(callerHalf, "support", Instant.now()));
            report("the ACD rings agent-1", tr -> tr.onOfferedToAgent(callerHalf, "agent-1", "support", Instant.now()));
            // The ACD reacts to the originate's result in order with the call events: the OriginateResponse comes
            // after the agent leg's Newstate(Up) and before any BridgeEnter. The peer sends a trace's whole block at
            // once, so the result may be complete before this listener is attached; the report is therefore placed
            // where the response arrived (right after the answered leg's last event), not where the listener ran.
            OriginateResult agent = AmiHarness.await(h.telephony.originate(originate(agentDial, agentTarget,
                    "\"Sara Ahmadi\" <09121234567>", Map.of())).onSuccess(result -> {
                        if (result instanceof OriginateResult.Answered a) {
                            CallEvent answered = timeline.stream().filter(e -> e instanceof CallEvent.CallAnswered
                                    && ((CallEvent) e).leg().uniqueId().equals(a.uniqueId()))
                                    .map(CallEvent.class::cast).findFirst().orElseThrow();
                            boolean callerGoneBefore = timeline.subList(0, indexOf(answered)).stream()
                                    .anyMatch(e -> e instanceof CallEvent.CallHungUp
                                            && ((CallEvent) e).leg().uniqueId().equals(callerHalf));
                            if (!callerGoneBefore) {
                                insertAfter(answered, "the agent answered", tr -> tr.onOfferEnded(callerHalf,
                                        "agent-1", Segment.ANSWERED, "", a.uniqueId(), Instant.now()));
                            }
                        } else if (result instanceof OriginateResult.Failed f) {
                            report("the agent's phone rang out", tr -> tr.onOfferEnded(callerHalf, "agent-1",
                                    Segment.NO_ANSWER, f.reason().name(), "", Instant.now()));
                        }
                    }));
            if (then.equals(Optional.of("bridge"))) {
                String agentLeg = ((OriginateResult.Answered) agent).channel();
                AmiHarness.await(h.telephony.bridge("pbx", "Local/s@cc-hold-00000000;2", agentLeg));
            } else if (then.equals(Optional.of("hangup"))) {
                AmiHarness.await(h.telephony.hangup("pbx", "Local/s@cc-hold-0000000c;2", 16));
            }
            h.untilCall("the caller hung up", e -> e instanceof CallEvent.CallHungUp
                    && e.leg().uniqueId().equals(callerHalf));
            Thread.sleep(200);
            assertTrue(caller instanceof OriginateResult.Answered, caller.toString());
        }
    }

    private void insertAfter(Object anchor, String what, Consumer<InteractionTracker> apply) {
        timeline.add(indexOf(anchor) + 1, new Report(what, apply));
    }

    private void insertBefore(Object anchor, String what, Consumer<InteractionTracker> apply) {
        timeline.add(indexOf(anchor), new Report(what, apply));
    }
}
