package cc.core.domain.interaction;

import cc.core.domain.call.CallEvent;
import cc.core.domain.call.Leg;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractionTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T07:05:35Z");
    private final AtomicInteger ids = new AtomicInteger();
    private final InteractionTracker tracker =
            new InteractionTracker(Set.of("cc-inbound"), () -> "i-" + ids.incrementAndGet());

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    // The inbound trunk call, then an agent leg originated by the ACD, which Asterisk links to the caller's
    // call when both enter one bridge (the agent leg's Linkedid changes, as in trace ami-16).
    private final Leg caller = new Leg("pbx1", "1795417535.2", "PJSIP/trunk-00000001", "1795417535.2");
    private final Leg agentBefore = new Leg("pbx1", "1795417540.5", "PJSIP/1001-00000002", "1795417540.5");
    private final Leg agentBridged = new Leg("pbx1", "1795417540.5", "PJSIP/1001-00000002", "1795417535.2");

    private List<Interaction> replay(List<CallEvent> events) {
        List<Interaction> changes = new ArrayList<>();
        events.forEach(e -> changes.addAll(tracker.on(e)));
        return changes;
    }

    @Test
    @DisplayName("an inbound call becomes one interaction: offered, answered, IVR path, ended with the cause")
    void inboundCallLifecycle() {
        replay(List.of(
                new CallEvent.CallStarted(caller, at(0), "5551234", "Alice Caller", "02188", "cc-inbound"),
                new CallEvent.CallAnswered(caller, at(0.5))));
        tracker.onIvrStep(caller.uniqueId(), new IvrStep("welcome", "", at(0.6)));
        tracker.onIvrStep(caller.uniqueId(), new IvrStep("main-menu", "2", at(3)));
        List<Interaction> last = replay(List.of(
                new CallEvent.CallStarted(agentBefore, at(5), "", "", "1001", "from-internal"),
                new CallEvent.CallAnswered(agentBefore, at(6)),
                new CallEvent.LegsBridged(agentBridged, at(6), "b1"),
                new CallEvent.CallHungUp(agentBridged, at(10), 16, "Normal Clearing"),
                new CallEvent.CallHungUp(caller, at(10.1), 16, "Normal Clearing")));

        assertEquals(1, last.size(), "only the caller's hang-up changes the record");
        Interaction done = last.get(0);
        assertEquals("i-1", done.id());
        assertEquals(Direction.INBOUND, done.direction());
        assertEquals("5551234", done.callerNumber());
        assertEquals("02188", done.dialedNumber());
        assertEquals(at(0), done.offeredAt());
        assertEquals(Optional.of(at(0.5)), done.answeredAt());
        assertEquals(Optional.of(at(10.1)), done.endedAt());
        assertEquals("Normal Clearing", done.endCause());
        assertEquals(List.of("welcome", "main-menu"), done.ivrPath().stream().map(IvrStep::node).toList());
        assertTrue(tracker.open().isEmpty());
        assertEquals(0, tracker.liveLegs());
    }

    @Test
    @DisplayName("a dialer campaign call opens an outbound interaction with the customer's number, customer and campaign")
    void dialerCallIsOutbound() {
        Leg customer = new Leg("pbx1", "1795417734.58", "PJSIP/09120000001-00000003", "1795417734.58");
        List<Interaction> changes = replay(List.of(
                new CallEvent.CallStarted(customer, at(0), "02100000000", "Acme", "s", "customers"),
                new CallEvent.VariableSet(customer, at(0), "CC_NUMBER", "+989120000001"),
                new CallEvent.VariableSet(customer, at(0), "CC_CUSTOMER", "42"),
                new CallEvent.VariableSet(customer, at(0), "CC_CAMPAIGN", "autumn"),
                new CallEvent.CallAnswered(customer, at(4)),
                new CallEvent.CallHungUp(customer, at(30), 16, "Normal Clearing")));

        Interaction done = changes.get(changes.size() - 1);
        assertEquals(Direction.OUTBOUND, done.direction());
        assertEquals("+989120000001", done.dialedNumber());
        assertEquals(Optional.of(42L), done.customerId());
        assertEquals(Optional.of("autumn"), done.campaignId());
        assertEquals(Optional.of(at(4)), done.answeredAt());
        assertEquals(Optional.of(at(30)), done.endedAt());
        assertEquals(1, tracker.openedCount());
    }

    @Test
    @DisplayName("an agent phone ringing on its own opens no interaction")
    void agentLegAloneIsNoInteraction() {
        List<Interaction> changes = replay(List.of(
                new CallEvent.CallStarted(agentBefore, at(0), "", "", "1001", "from-internal"),
                new CallEvent.CallHungUp(agentBefore, at(20), 19, "No answer")));
        assertTrue(changes.isEmpty());
    }

    @Test
    @DisplayName("an IVR step for a channel nobody tracks is not attached to another call, and expires")
    void unknownChannelIgnored() {
        replay(List.of(new CallEvent.CallStarted(caller, at(0), "5551234", "", "02188", "cc-inbound")));
        assertTrue(tracker.onIvrStep("999.9", new IvrStep("x", "", at(1))).isEmpty());
        assertEquals(List.of(), tracker.open().get(0).ivrPath());
        tracker.on(new CallEvent.CallAnswered(caller, at(200)));
        assertEquals(1, tracker.expiredFacts());
    }

    @Test
    @DisplayName("an IVR step reported before the channel's events arrive is kept and lands on its call")
    void ivrStepBeforeChannelEvents() {
        tracker.onIvrStep(caller.uniqueId(), new IvrStep("welcome", "", at(0.6)));
        Interaction opened = tracker.on(
                new CallEvent.CallStarted(caller, at(0), "5551234", "", "02188", "cc-inbound")).get(0);
        assertEquals(List.of("welcome"), opened.ivrPath().stream().map(IvrStep::node).toList());
        assertEquals(0, tracker.expiredFacts());
    }

    @Test
    @DisplayName("both halves of a Local channel belong to the call; the IVR on the second half records on it")
    void localChannelHalves() {
        Leg half1 = new Leg("pbx1", "1795417535.2", "Local/100@cc-inbound-00000001;1", "1795417535.2");
        Leg half2 = new Leg("pbx1", "1795417535.3", "Local/100@cc-inbound-00000001;2", "1795417535.2");
        replay(List.of(
                new CallEvent.CallStarted(half1, at(0), "", "", "100", "cc-inbound"),
                new CallEvent.CallStarted(half2, at(0), "", "", "100", "cc-inbound"),
                new CallEvent.CallAnswered(half2, at(0.5))));
        tracker.onIvrStep(half2.uniqueId(), new IvrStep("welcome", "", at(1)));
        tracker.onSurvey(half2.uniqueId(), 5, at(2));
        Interaction i = tracker.interactionOf(half2.uniqueId()).orElseThrow();
        assertEquals(1, tracker.open().size());
        assertEquals(1, i.ivrPath().size());
        assertEquals(Optional.of(5), i.satisfaction());
        assertEquals(Optional.of(at(0.5)), i.answeredAt());
    }

    @Test
    @DisplayName("two servers with the same Linkedid keep separate interactions")
    void serversKeptApart() {
        Leg other = new Leg("pbx2", caller.uniqueId(), caller.channelName(), caller.callId());
        replay(List.of(
                new CallEvent.CallStarted(caller, at(0), "1", "", "02188", "cc-inbound"),
                new CallEvent.CallStarted(other, at(0), "2", "", "02188", "cc-inbound")));
        assertEquals(2, tracker.open().size());
        Interaction ended = tracker.on(new CallEvent.CallHungUp(other, at(1), 16, "Normal Clearing")).get(0);
        assertEquals("2", ended.callerNumber());
        assertEquals(1, tracker.open().size());
    }

    @Test
    @DisplayName("a caller recognised by caller ID is put on the customer's timeline; a later IVR identification wins")
    void customerIdentification() {
        Interaction opened = tracker.on(
                new CallEvent.CallStarted(caller, at(0), "5551234", "", "02188", "cc-inbound")).get(0);
        assertEquals(Optional.of(7L), tracker.onCustomerFound(opened.id(), 7).orElseThrow().customerId());
        assertTrue(tracker.onCustomerFound(opened.id(), 8).isEmpty(), "the first caller-ID match stands");
        assertEquals(Optional.of(9L),
                tracker.onCustomerIdentified(caller.uniqueId(), 9, at(3)).orElseThrow().customerId());
    }
}
