package cc.core.adapter.ami;

import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.TelephonyException;
import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The link drops, logins are refused for a while, then it comes back and the adapter resyncs its channels. */
class AmiReconnectIT {

    private static List<String> newchannel(String uniqueId, String linkedId, String channel) {
        return List.of("Event: Newchannel", "Privilege: call,all", "Channel: " + channel, "ChannelState: 4",
                "ChannelStateDesc: Ring", "CallerIDNum: 5551234", "CallerIDName: Alice", "Context: ivr-in",
                "Exten: 100", "Priority: 1", "Uniqueid: " + uniqueId, "Linkedid: " + linkedId, "");
    }

    @Test
    @DisplayName("a dropped link goes down, retries with backoff, comes back and ends only the legs Asterisk no longer has")
    void reconnectAndResync() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
             AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx", peer, "cc-secret")), AmiOptions.defaults())) {
            AmiHarness.await(h.telephony.start());
            h.untilLink("first resync", e -> e instanceof LinkEvent.LinkResynced);

            List<String> frames = new ArrayList<>();
            frames.addAll(newchannel("1.0", "1.0", "Local/100@ivr-in-00000001;1"));
            frames.addAll(newchannel("1.1", "1.0", "Local/100@ivr-in-00000001;2"));
            frames.addAll(List.of("Event: LocalBridge", "Privilege: call,all", "LocalOneUniqueid: 1.0",
                    "LocalTwoUniqueid: 1.1", "LocalOptimization: Yes", ""));
            frames.addAll(newchannel("2.0", "2.0", "PJSIP/1001-00000002"));
            peer.inject(frames);
            AmiHarness.until("three legs started", () -> h.calls.size() == 3);

            // an originate waiting for its OriginateResponse when the link drops
            peer.answer(new AmiTrace.Exchange("main", "Originate", "queued", List.of(), List.of(
                    "Response: Success", "ActionID: queued", "Message: Originate successfully queued", "")));
            Future<OriginateResult> pending = h.telephony.originate(new OriginateRequest("pbx", "Local/busy@customers",
                    new OriginateRequest.DialplanTarget("dialer", "amd-only", 1), "", Duration.ofSeconds(15), Map.of()));
            AmiHarness.until("originate sent", () -> peer.actions("Originate").size() == 1);

            peer.refuseLogins(true);
            peer.channelList(List.of(
                    TraceAmiPeer.coreShowChannel("Local/100@ivr-in-00000001;1", "1.0", "1.0", "5551234", "Alice", "human", "silent"),
                    TraceAmiPeer.coreShowChannel("Local/100@ivr-in-00000001;2", "1.1", "1.0", "5551234", "Alice", "ivr-in", "100"),
                    TraceAmiPeer.coreShowChannel("PJSIP/1002-00000004", "4.0", "4.0", "1002", "Bob", "from-phones", "200")));
            peer.dropAll();

            h.untilLink("link down", e -> e instanceof LinkEvent.LinkDown);
            TelephonyException lost = assertThrows(TelephonyException.class, () -> AmiHarness.await(pending));
            assertEquals(TelephonyException.Kind.NOT_CONNECTED, lost.kind());
            AmiHarness.until("two refused reconnects", () -> peer.refusedLogins() >= 2);
            assertFalse(h.telephony.isUp("pbx"));
            TelephonyException down = assertThrows(TelephonyException.class,
                    () -> AmiHarness.await(h.telephony.hangup("pbx", "PJSIP/1001-00000002", 16)));
            assertEquals(TelephonyException.Kind.NOT_CONNECTED, down.kind());
            assertTrue(h.calls.stream().noneMatch(e -> e instanceof CallEvent.CallHungUp),
                    "calls in progress are kept while the link is down");

            peer.refuseLogins(false);
            AmiHarness.until("second resync", () -> h.links.stream().filter(e -> e instanceof LinkEvent.LinkResynced).count() == 2);

            assertTrue(h.telephony.isUp("pbx"));
            assertEquals(List.of(
                    "CallHungUp 2.0 PJSIP/1001-00000002 call=2.0 cause=0 link-lost",
                    "CallStarted 4.0 PJSIP/1002-00000004 call=4.0 from='1002' 'Bob' to=200@from-phones"),
                    EventLines.of(h.calls.subList(3, h.calls.size())));
            List<String> linkKinds = new ArrayList<>();
            h.links.forEach(e -> linkKinds.add(e.getClass().getSimpleName()));
            assertEquals(List.of("LinkUp", "LinkResynced", "LinkDown", "LinkUp", "LinkResynced"), linkKinds);
            LinkEvent.LinkResynced resynced = (LinkEvent.LinkResynced) h.links.get(4);
            assertEquals(3, resynced.liveLegs());
            assertEquals(1, resynced.endedWhileDown());
            assertEquals(1, resynced.startedWhileDown());

            // the call that survived is still tracked: its hangup arrives on the same leg
            peer.inject(List.of("Event: Hangup", "Privilege: call,all", "Channel: Local/100@ivr-in-00000001;2",
                    "Uniqueid: 1.1", "Linkedid: 1.0", "Cause: 16", "Cause-txt: Normal Clearing", ""));
            h.untilCall("the surviving leg hung up", e -> e instanceof CallEvent.CallHungUp && e.leg().uniqueId().equals("1.1"));
            CallEvent last = h.calls.get(h.calls.size() - 1);
            assertEquals(h.calls.get(1).leg(), last.leg());
        }
    }

    @Test
    @DisplayName("a server that stops answering Ping is treated as lost and reconnected")
    void pingTimeout() throws Exception {
        AmiOptions options = AmiOptions.defaults().withPing(Duration.ofMillis(100), Duration.ofMillis(300));
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
             AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx", peer, "cc-secret")), options)) {
            AmiHarness.await(h.telephony.start());
            AmiHarness.until("pings answered", () -> peer.actions("Ping").size() >= 2);

            peer.muteOpenConnections();

            h.untilLink("link down", e -> e instanceof LinkEvent.LinkDown);
            assertEquals("ping timeout", ((LinkEvent.LinkDown) h.links.stream()
                    .filter(e -> e instanceof LinkEvent.LinkDown).findFirst().orElseThrow()).reason());
            AmiHarness.until("logged in again", () -> h.links.stream().filter(e -> e instanceof LinkEvent.LinkUp).count() == 2);
            assertTrue(h.telephony.isUp("pbx"));
            assertEquals(2, peer.logins());
        }
    }
}
