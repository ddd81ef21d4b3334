package cc.core.adapter.ami;

import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frames Asterisk should never send, and events the adapter does not map, arriving on a live link. */
class AmiIntakeIT {

    private static List<String> newchannel(String uniqueId) {
        return List.of("Event: Newchannel", "Privilege: call,all", "Channel: PJSIP/1001-0000000" + uniqueId.charAt(0),
                "ChannelState: 4", "ChannelStateDesc: Ring", "CallerIDNum: 1001", "CallerIDName: Desk One",
                "Context: from-phones", "Exten: 100", "Priority: 1", "Uniqueid: " + uniqueId, "Linkedid: " + uniqueId, "");
    }

    @Test
    @DisplayName("malformed frames are skipped and the link stays up; unmapped events are counted by name")
    void malformedAndUnmapped() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
             AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx", peer, "cc-secret")), AmiOptions.defaults())) {
            AmiHarness.await(h.telephony.start());
            h.untilLink("resynced", e -> e instanceof LinkEvent.LinkResynced);

            List<String> frames = new ArrayList<>();
            // a Newchannel without Uniqueid
            frames.addAll(List.of("Event: Newchannel", "Privilege: call,all", "Channel: PJSIP/9-1", "Context: x", ""));
            // header lines without a separator and a state that is not a number
            frames.addAll(List.of("Event: Newstate", "this line has no separator", ":", "ChannelState: ringing-ish",
                    "Uniqueid: 5.0", "Linkedid: 5.0", "Channel: PJSIP/5-1", ""));
            // an event name neither Asterisk 22 nor the codec knows, and stray text outside any frame
            frames.addAll(List.of("Event: NoSuchEventAnywhere", "Foo: bar", ""));
            frames.addAll(List.of("garbage between frames", ""));
            // events the adapter does not map
            frames.addAll(List.of("Event: QueueCallerJoin", "Privilege: agent,all", "Channel: PJSIP/1001-00000007",
                    "Uniqueid: 7.0", "Linkedid: 7.0", "Queue: support", "Position: 1", "Count: 1", ""));
            frames.addAll(List.of("Event: QueueCallerJoin", "Privilege: agent,all", "Channel: PJSIP/1001-00000007",
                    "Uniqueid: 7.0", "Linkedid: 7.0", "Queue: sales", "Position: 1", "Count: 1", ""));
            // and a well-formed call afterwards
            frames.addAll(newchannel("7.0"));
            frames.addAll(List.of("Event: Hangup", "Privilege: call,all", "Channel: PJSIP/1001-00000007",
                    "Uniqueid: 7.0", "Linkedid: 7.0", "Cause: 16", "Cause-txt: Normal Clearing", ""));
            peer.inject(frames);

            h.untilCall("the well-formed call hung up", e -> e instanceof CallEvent.CallHungUp);
            assertEquals(List.of(
                    "CallStarted 7.0 PJSIP/1001-00000007 call=7.0 from='1001' 'Desk One' to=100@from-phones",
                    "CallHungUp 7.0 PJSIP/1001-00000007 call=7.0 cause=16 Normal Clearing"), EventLines.of(h.calls));
            assertTrue(h.telephony.isUp("pbx"));
            assertTrue(h.links.stream().noneMatch(e -> e instanceof LinkEvent.LinkDown), h.links.toString());
            assertEquals(2L, h.telephony.unmappedEvents().get("QueueCallerJoin"), h.telephony.unmappedEvents().toString());
            assertEquals(2.0, h.registry.get("cc.ami.events.unmapped").tag("event", "QueueCallerJoin").counter().count());
        }
    }

    @Test
    @DisplayName("a bridge event without BridgeUniqueid (found by fuzzing) leaves the link up and the next call read")
    void bridgeEventWithoutBridgeId() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
             AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx", peer, "cc-secret")), AmiOptions.defaults())) {
            AmiHarness.await(h.telephony.start());
            h.untilLink("resynced", e -> e instanceof LinkEvent.LinkResynced);

            List<String> frames = new ArrayList<>(List.of("Event: BridgeEnter", "Privilege: call,all",
                    "Channel: PJSIP/1001-00000008", "Uniqueid: 8.0", "Linkedid: 8.0", ""));
            frames.addAll(newchannel("9.0"));
            peer.inject(frames);

            h.untilCall("the call after the bad frame", e -> e.leg().uniqueId().equals("9.0"));
            assertTrue(h.telephony.isUp("pbx"));
            assertTrue(h.links.stream().noneMatch(e -> e instanceof LinkEvent.LinkDown), h.links.toString());
        }
    }

    @Test
    @DisplayName("a burst of events reaches the server's context in order, many per hop")
    void burstIsBatched() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
             AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx", peer, "cc-secret")), AmiOptions.defaults())) {
            AmiHarness.await(h.telephony.start());
            h.untilLink("resynced", e -> e instanceof LinkEvent.LinkResynced);
            long hopsBefore = h.telephony.intakeHops("pbx");

            int calls = 2000;
            List<String> frames = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                frames.addAll(newchannel(i + ".1"));
            }
            peer.inject(frames);

            AmiHarness.until("all channels started", () -> h.calls.size() == calls);
            for (int i = 0; i < calls; i++) {
                assertEquals(i + ".1", h.calls.get(i).leg().uniqueId());
            }
            long hops = h.telephony.intakeHops("pbx") - hopsBefore;
            assertTrue(hops < calls, "expected fewer hops than events, got " + hops);
        }
    }
}
