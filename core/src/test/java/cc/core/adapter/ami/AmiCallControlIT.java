package cc.core.adapter.ami;

import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.TelephonyException;
import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The call-control commands of the telephony port against the real Asterisk 22 answers of traces ami-21 to ami-24,
 * replayed over TCP: the action each command sends (as the recording's), how each answer is read (a recording's id,
 * the errors by kind) and the call events that follow.
 */
class AmiCallControlIT {

    private static OriginateRequest originate(String dial, OriginateRequest.Target target) {
        return new OriginateRequest("pbx", dial, target, "\"Sara Ahmadi\" <09121234567>", Duration.ofSeconds(15),
                Map.of());
    }

    private static AmiHarness harness(TraceAmiPeer peer) throws Exception {
        AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx", peer, "cc-secret")), AmiOptions.defaults());
        AmiHarness.await(h.telephony.start());
        h.untilLink("resynced", e -> e instanceof LinkEvent.LinkResynced);
        return h;
    }

    private static TelephonyException refusal(io.vertx.core.Future<?> command) {
        try {
            AmiHarness.await(command);
        } catch (TelephonyException e) {
            return e;
        } catch (Exception e) {
            fail("failed otherwise: " + e);
        }
        throw new AssertionError("the command succeeded");
    }

    /** The last action of that name the peer received, header by header. */
    private static String header(TraceAmiPeer peer, String action, String name) {
        List<List<String>> sent = peer.actions(action);
        return AmiTrace.header(sent.get(sent.size() - 1), name);
    }

    @Test
    @DisplayName("ami-21: recording started with an id, paused and resumed, stopped by its id; errors by kind")
    void recording() throws Exception {
        AmiTrace trace = AmiTrace.load("ami-21-call-recording-mixmonitor.txt");
        TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
        boolean first = true;
        for (AmiTrace.Exchange e : trace.exchanges()) {
            // the recording started without i() is the trace's own first case; ours always names the recording
            if (first && e.action().equalsIgnoreCase("MixMonitor")) {
                first = false;
                continue;
            }
            if (!e.action().equalsIgnoreCase("Login") && !e.action().equalsIgnoreCase("Logoff")) {
                peer.answer(e);
            }
        }
        try (peer; AmiHarness h = harness(peer)) {
            AmiHarness.await(h.telephony.originate(originate("Local/s@cc-hold",
                    new OriginateRequest.DialplanTarget("human-talks", "s", 1))));
            AmiHarness.await(h.telephony.originate(originate("Local/s@agent-talks",
                    new OriginateRequest.ApplicationTarget("Bridge", "Local/s@cc-hold-000001de;2"))));
            String caller = "Local/s@cc-hold-000001de;2";

            String id = AmiHarness.await(h.telephony.startRecording("pbx", caller,
                    "/var/spool/asterisk/monitor/cc/call-42-part2.wav"));
            assertEquals("0x7fea34126140", id, "the recording's id as Asterisk gave it");
            assertEquals(caller, header(peer, "MixMonitor", "Channel"));
            assertEquals("/var/spool/asterisk/monitor/cc/call-42-part2.wav", header(peer, "MixMonitor", "File"));
            assertEquals("bi(CC_REC_ID)", header(peer, "MixMonitor", "Options"), "bridged audio only, named");

            AmiHarness.await(h.telephony.muteRecording("pbx", caller, true));
            assertEquals("both", header(peer, "MixMonitorMute", "Direction"));
            assertEquals("1", header(peer, "MixMonitorMute", "State"));
            AmiHarness.await(h.telephony.muteRecording("pbx", caller, false));
            assertEquals("0", header(peer, "MixMonitorMute", "State"));

            AmiHarness.await(h.telephony.stopRecording("pbx", caller, ""));
            assertEquals(null, header(peer, "StopMixMonitor", "MixMonitorID"), "no id: whatever records the channel");
            AmiHarness.await(h.telephony.stopRecording("pbx", caller, id));
            assertEquals(id, header(peer, "StopMixMonitor", "MixMonitorID"));
            TelephonyException none = refusal(h.telephony.stopRecording("pbx", caller, ""));
            assertEquals(TelephonyException.Kind.REFUSED, none.kind());
            assertTrue(none.getMessage().contains("Could not stop monitoring channel"), none.getMessage());

            String nosuch = "Local/nosuch@cc-hold-00000000;2";
            assertEquals(TelephonyException.Kind.NO_SUCH_CHANNEL,
                    refusal(h.telephony.startRecording("pbx", nosuch, "/var/spool/asterisk/monitor/cc/x.wav")).kind());
            assertEquals(TelephonyException.Kind.NO_SUCH_CHANNEL,
                    refusal(h.telephony.muteRecording("pbx", nosuch, true)).kind());
            assertTrue(h.calls(CallEvent.VariableSet.class).stream().anyMatch(v -> v.name().equals("CC_REC_ID")
                    && v.value().equals(id)), "the recording's id is on the channel too");
        }
    }

    @Test
    @DisplayName("ami-22: blind transfer of a caller not in a bridge refused, of an unknown leg no such channel; "
            + "of the agent's leg done: the agent's leg hangs up and the caller leaves the bridge")
    void blindTransfer() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret")
                .script(AmiTrace.load("ami-22-blind-transfer.txt"));
             AmiHarness h = harness(peer)) {
            AmiHarness.await(h.telephony.originate(originate("Local/s@cc-hold",
                    new OriginateRequest.DialplanTarget("human", "silent", 1))));
            TelephonyException notBridged = refusal(h.telephony.blindTransfer("pbx", "Local/s@cc-hold-000001e0;2",
                    "xfer", "202"));
            assertEquals(TelephonyException.Kind.REFUSED, notBridged.kind());
            assertTrue(notBridged.getMessage().contains("Transfer invalid"), notBridged.getMessage());
            assertEquals("xfer", header(peer, "BlindTransfer", "Context"));
            assertEquals("202", header(peer, "BlindTransfer", "Exten"));
            assertEquals(TelephonyException.Kind.NO_SUCH_CHANNEL, refusal(h.telephony.blindTransfer("pbx",
                    "Local/nosuch@phones-00000000;1", "xfer", "202")).kind());

            OriginateResult agent = AmiHarness.await(h.telephony.originate(originate("Local/20@agent-timed",
                    new OriginateRequest.ApplicationTarget("Bridge", "Local/s@cc-hold-000001e0;2"))));
            String agentLeg = ((OriginateResult.Answered) agent).channel();
            h.untilCall("caller and agent bridged", e -> e instanceof CallEvent.LegsBridged
                    && e.leg().channelName().equals(agentLeg));
            AmiHarness.await(h.telephony.blindTransfer("pbx", agentLeg, "xfer", "202"));
            assertEquals(agentLeg, header(peer, "BlindTransfer", "Channel"));
            h.untilCall("the agent's leg hung up", e -> e instanceof CallEvent.CallHungUp
                    && e.leg().channelName().equals(agentLeg));
            assertTrue(h.calls(CallEvent.LegUnbridged.class).stream()
                    .anyMatch(e -> e.leg().channelName().equals("Local/s@cc-hold-000001e0;2")),
                    "the caller left the agent's bridge");
        }
    }

    @Test
    @DisplayName("ami-23: consultative transfer without the feature code refused; started and cancelled as queued")
    void attendedTransfer() throws Exception {
        AmiTrace trace = AmiTrace.load("ami-23-attended-transfer.txt");
        TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
        // only the transfer actions: each answer is what matters here, not the calls around them
        trace.exchanges().stream().filter(e -> Set.of("atxfer", "cancelatxfer").contains(e.action().toLowerCase()))
                .forEach(peer::answer);
        try (peer; AmiHarness h = harness(peer)) {
            TelephonyException noFeature = refusal(h.telephony.attendedTransfer("pbx",
                    "Local/10@agent-timed-000001cf;1", "phones", "202"));
            assertEquals(TelephonyException.Kind.REFUSED, noFeature.kind());
            assertTrue(noFeature.getMessage().contains("No attended transfer feature code found"),
                    noFeature.getMessage());
            assertEquals("phones", header(peer, "Atxfer", "Context"));
            assertEquals("202", header(peer, "Atxfer", "Exten"));
            for (int i = 0; i < 4; i++) {
                AmiHarness.await(h.telephony.attendedTransfer("pbx", "Local/10@agent-timed-000001d9;1", "phones",
                        "202"));
            }
            AmiHarness.await(h.telephony.cancelAttendedTransfer("pbx", "Local/10@agent-timed-000001d9;1"));
            assertEquals("Local/10@agent-timed-000001d9;1", header(peer, "CancelAtxfer", "Channel"));
        }
    }

    @Test
    @DisplayName("ami-24: caller and agent moved into a conference at once; a participant taken out, the rest stay")
    void conference() throws Exception {
        AmiTrace trace = AmiTrace.load("ami-24-conference-confbridge.txt");
        TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
        trace.exchanges().stream().filter(e -> Set.of("redirect", "confbridgekick").contains(e.action().toLowerCase()))
                .forEach(peer::answer);
        try (peer; AmiHarness h = harness(peer)) {
            AmiHarness.await(h.telephony.redirectBoth("pbx", "Local/s@cc-hold-000001e3;2",
                    "Local/12@agent-timed-000001e4;1", "conf", "room-1"));
            List<String> sent = peer.actions("Redirect").get(0);
            assertEquals("Local/12@agent-timed-000001e4;1", AmiTrace.header(sent, "ExtraChannel"));
            assertEquals("conf", AmiTrace.header(sent, "ExtraContext"));
            assertEquals("room-1", AmiTrace.header(sent, "ExtraExten"));
            assertEquals("1", AmiTrace.header(sent, "ExtraPriority"));
            AmiHarness.await(h.telephony.redirectBoth("pbx", "Local/s@cc-hold-000001e6;2",
                    "Local/18@agent-timed-000001e7;1", "conf", "room-1"));
            AmiHarness.await(h.telephony.leaveConference("pbx", "room-1", "Local/202@phones-000001e9;1"));
            assertEquals("room-1", header(peer, "ConfbridgeKick", "Conference"));
            assertEquals("Local/202@phones-000001e9;1", header(peer, "ConfbridgeKick", "Channel"));
        }
    }
}
