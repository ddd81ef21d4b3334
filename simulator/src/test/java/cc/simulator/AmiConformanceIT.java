package cc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Drives the simulator with the client side of the recorded AMI scenarios over real TCP and compares its replies
 * and events with what Asterisk 22 sent.
 */
class AmiConformanceIT {
    static final double SCALE = 0.5;
    private AsteriskSimulator sim;
    private FastAgiReplayServer agi;

    private double scale = SCALE;
    /** What the simulator sent on the last replayed connection. */
    private List<Trace.Message> lastReceived = List.of();

    private AsteriskSimulator start(int agiPort) {
        sim = AsteriskSimulator.start(SimulatorConfig.builder()
            .dialplan(LabDialplan.create(agiPort))
            .timings(Timings.defaults().withTimeScale(scale))
            .build());
        return sim;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (sim != null) {
            sim.close();
        }
        if (agi != null) {
            agi.close();
        }
    }

    private List<String> replayAndCompare(String traceName, Set<String> skipActionIds) throws Exception {
        return replayAndCompare(traceName, skipActionIds, new AmiReplay(sim.amiPort(), scale));
    }

    private List<String> replayAndCompare(String traceName, Set<String> skipActionIds, AmiReplay replay) throws Exception {
        return replayAndCompare(traceName, skipActionIds, replay, Set.of());
    }

    /**
     * @param floating events compared per channel on their own instead of in the channel's sequence, because their
     *     place among that channel's events varies in the recording
     */
    private List<String> replayAndCompare(String traceName, Set<String> skipActionIds, AmiReplay replay,
                                          Set<String> floating) throws Exception {
        Trace trace = Trace.load(traceName);
        List<AmiReplay.ConnectionResult> results = replay.run(trace, 1.0);
        List<String> diffs = new ArrayList<>();
        for (AmiReplay.ConnectionResult r : results) {
            assertEquals("Asterisk Call Manager/11.0.0", r.client().banner, "banner");
            Conformance c = new Conformance();
            List<Trace.Message> recorded = r.recorded().amiMessages();
            lastReceived = r.client().received;
            List<Trace.Message> simulated = new ArrayList<>(r.client().received);
            compareFloating(c, floating, recorded, simulated);
            recorded = withoutEvents(recorded, floating);
            simulated = withoutEvents(simulated, floating);
            c.compareResponses(recorded, simulated, skipActionIds);
            c.compareChannelEvents(recorded, simulated);
            c.compareCdrs(recorded, simulated);
            compareSessionEvents(c, recorded, simulated);
            compareBridgeEvents(c, recorded, simulated);
            for (String d : c.differences()) {
                diffs.add("[" + r.recorded().title() + "] " + d);
            }
            if (r.recorded().closedByAsterisk()) {
                assertTrue(r.client().closedByServer, r.recorded().title() + ": the simulator should have closed the socket");
            }
        }
        return diffs;
    }

    private static void compareSessionEvents(Conformance c, List<Trace.Message> recorded, List<Trace.Message> simulated) {
        Set<String> session = Set.of("FullyBooted", "SuccessfulAuth", "InvalidPassword", "InvalidAccountID", "RequestNotAllowed");
        List<String> r = new ArrayList<>();
        List<String> s = new ArrayList<>();
        for (Trace.Message m : recorded) {
            if (m.dir() == '<' && m.get("Event") != null && session.contains(m.get("Event"))) {
                r.add(m.get("Event") + m.keys());
            }
        }
        for (Trace.Message m : simulated) {
            if (m.get("Event") != null && session.contains(m.get("Event"))) {
                s.add(m.get("Event") + m.keys());
            }
        }
        if (!r.equals(s)) {
            c.differences().add("session events:\n    recorded  " + r + "\n    simulated " + s);
        }
    }

    private static List<Trace.Message> withoutEvents(List<Trace.Message> msgs, Set<String> events) {
        List<Trace.Message> out = new ArrayList<>();
        for (Trace.Message m : msgs) {
            if (m.get("Event") == null || !events.contains(m.get("Event"))) {
                out.add(m);
            }
        }
        return out;
    }

    /** Per channel (by creation order), the floating events in their own order: names, header names, channel count. */
    private static void compareFloating(Conformance c, Set<String> floating, List<Trace.Message> recorded,
                                        List<Trace.Message> simulated) {
        if (floating.isEmpty()) {
            return;
        }
        Map<String, List<String>> r = floatingByChannel(floating, recorded);
        Map<String, List<String>> s = floatingByChannel(floating, simulated);
        if (!r.equals(s)) {
            c.differences().add("floating events " + floating + " per channel:\n    recorded  " + r + "\n    simulated " + s);
        }
    }

    private static Map<String, List<String>> floatingByChannel(Set<String> floating, List<Trace.Message> msgs) {
        Map<String, String> names = Conformance.channelNames(msgs);
        Map<String, List<String>> out = new TreeMap<>();
        for (Trace.Message m : msgs) {
            if (m.dir() == '<' && m.get("Event") != null && floating.contains(m.get("Event"))) {
                out.computeIfAbsent(String.valueOf(names.get(m.get("Channel"))), k -> new ArrayList<>())
                    .add(m.get("Event") + "(" + m.get("BridgeNumChannels") + ")" + m.keys());
            }
        }
        return out;
    }

    /**
     * Events of a bridge or conference that name no channel (BridgeCreate/Destroy, ConfbridgeStart/End, list items
     * without a channel), in order, with header names and the bridge's kind and channel count.
     */
    private static void compareBridgeEvents(Conformance c, List<Trace.Message> recorded, List<Trace.Message> simulated) {
        Set<String> events = Set.of("BridgeCreate", "BridgeDestroy", "ConfbridgeStart", "ConfbridgeEnd",
            "ConfbridgeListRooms", "ConfbridgeListRoomsComplete", "ConfbridgeListComplete");
        List<String> r = new ArrayList<>();
        List<String> s = new ArrayList<>();
        for (Trace.Message m : recorded) {
            if (m.dir() == '<' && m.get("Event") != null && events.contains(m.get("Event"))) {
                r.add(bridgeSummary(m));
            }
        }
        for (Trace.Message m : simulated) {
            if (m.get("Event") != null && events.contains(m.get("Event"))) {
                s.add(bridgeSummary(m));
            }
        }
        if (!r.equals(s)) {
            c.differences().add("bridge and conference events:\n    recorded  " + r + "\n    simulated " + s);
        }
    }

    private static String bridgeSummary(Trace.Message m) {
        List<String> values = new ArrayList<>();
        for (String k : List.of("BridgeType", "BridgeTechnology", "BridgeCreator", "BridgeName", "BridgeNumChannels",
            "Conference", "Parties", "Marked", "Locked", "Muted", "ListItems")) {
            if (m.get(k) != null) {
                values.add(k + "=" + m.get(k));
            }
        }
        return m.get("Event") + values + m.keys();
    }

    private static void assertNoDifferences(List<String> diffs) {
        assertTrue(diffs.isEmpty(), "differences from the recording:\n" + String.join("\n", diffs));
    }

    @Test
    @DisplayName("ami-01: login shows FullyBooted and SuccessfulAuth, logoff says goodbye and closes")
    void loginLogoff() throws Exception {
        start(4573);
        assertNoDifferences(replayAndCompare("ami-01-login-logoff.txt", Set.of()));
    }

    @Test
    @DisplayName("ami-02: wrong secret and unknown user fail after the delay and close; MD5 challenge login works")
    void loginFailures() throws Exception {
        start(4573);
        assertNoDifferences(replayAndCompare("ami-02-login-failure.txt", Set.of()));
    }

    @Test
    @DisplayName("ami-03: ping, command, errors, case-insensitive actions, events switch, getvar/setvar")
    void pingCommandErrors() throws Exception {
        start(4573);
        assertNoDifferences(replayAndCompare("ami-03-ping-command-errors.txt", Set.of("command-3")));
    }

    @Test
    @DisplayName("ami-04: async originate into the IVR gives the recorded events, AGI exchange and OriginateResponse")
    void originateIntoIvr() throws Exception {
        agi = new FastAgiReplayServer(SCALE, Trace.load("agi-02-main-menu-originate-ivr.txt"));
        start(agi.port());
        List<String> diffs = replayAndCompare("ami-04-originate-async-ivr.txt", Set.of());
        agi.awaitSessions(1, 15_000);
        diffs.addAll(agi.differences);
        assertNoDifferences(diffs);
    }

    @Test
    @DisplayName("ami-06: redirect moves a waiting channel; unknown channel errors; unknown target hangs up")
    void redirect() throws Exception {
        start(4573);
        // recorded, Wait() started the very millisecond the redirect arrived; give it that millisecond back, with
        // room for a loaded machine (the channel waits 60 s, so a later redirect meets the same state)
        assertNoDifferences(replayAndCompare("ami-06-redirect.txt", Set.of(),
            new AmiReplay(sim.amiPort(), scale).delay("redirect-3", 1.0)));
    }

    @Test
    @DisplayName("ami-07: hangup by name with cause, unknown channel, and by regex with a list response")
    void hangupAction() throws Exception {
        start(4573);
        assertNoDifferences(replayAndCompare("ami-07-hangup-action.txt", Set.of()));
    }

    @Test
    @DisplayName("ami-08: originate failures report reasons 5, 8, 3, 0 and sync originate answers once")
    void originateFailures() throws Exception {
        start(4573);
        assertNoDifferences(replayAndCompare("ami-08-originate-failures.txt", Set.of()));
    }

    @Test
    @DisplayName("ami-16: an agent originated into Bridge() joins the caller holding in music on hold")
    void bridgeApp() throws Exception {
        start(4573);
        assertNoDifferences(replayAndCompare("ami-16-originate-agent-bridge-app.txt", Set.of()));
    }

    @Test
    @DisplayName("ami-17: the AMI Bridge action joins a waiting agent leg to the holding caller")
    void bridgeAction() throws Exception {
        start(4573);
        assertNoDifferences(replayAndCompare("ami-17-ami-bridge-action.txt", Set.of()));
    }

    @Test
    @DisplayName("ami-18: an agent who does not answer gives OriginateResponse reason 3 while the caller holds")
    void agentNoAnswer() throws Exception {
        start(4573);
        assertNoDifferences(replayAndCompare("ami-18-originate-agent-no-answer.txt", Set.of()));
    }

    @Test
    @DisplayName("ami-19: the caller leaves while the agent rings; Bridge() finds no caller and the agent leg ends")
    void callerLeavesWhileAgentRings() throws Exception {
        scale = 1.0;
        start(4573);
        // recorded, the caller left 5 ms before the agent answered; widen that margin so load cannot swap them
        List<String> diffs = replayAndCompare("ami-19-caller-hangs-up-while-agent-rings.txt", Set.of(),
            new AmiReplay(sim.amiPort(), scale).delay("3", 0.3));
        diffs.removeIf(d -> d.contains("originate:3"));
        assertNoDifferences(diffs);
    }

    @Test
    @DisplayName("ami-22: BlindTransfer moves the caller out of the agent's bridge into Dial() to agent B; the agent leg "
        + "hangs up; after B hangs up the caller goes on at its old after-bridge place; refusals answer as recorded")
    void blindTransfer() throws Exception {
        start(4573);
        List<String> diffs = replayAndCompare("ami-22-blind-transfer.txt", Set.of());
        diffs.addAll(compareEvents("ami-22-blind-transfer.txt", "BlindTransfer",
            Set.of("Result", "IsExternal", "Context", "Extension", "TransfererContext", "TransfererExten",
                "TransfererPriority", "TransfereeContext", "TransfereeExten", "TransfereePriority", "BridgeNumChannels")));
        assertNoDifferences(diffs);
    }

    /**
     * Events the per-channel comparison cannot place (they name their channels with a prefix, like BlindTransfer's
     * Transferer/Transferee): all of that name in order, header names and the given values.
     */
    private List<String> compareEvents(String traceName, String event, Set<String> values) throws Exception {
        List<Trace.Message> recorded = new ArrayList<>();
        for (Trace.Message m : Trace.load(traceName).connections.get(0).amiMessages()) {
            if (m.dir() == '<' && event.equals(m.get("Event"))) {
                recorded.add(m);
            }
        }
        List<Trace.Message> simulated = new ArrayList<>();
        for (Trace.Message m : lastReceived) {
            if (event.equals(m.get("Event"))) {
                simulated.add(m);
            }
        }
        List<String> diffs = new ArrayList<>();
        if (recorded.size() != simulated.size()) {
            diffs.add(event + " events: recorded " + recorded.size() + ", simulated " + simulated.size());
            return diffs;
        }
        for (int i = 0; i < recorded.size(); i++) {
            Trace.Message r = recorded.get(i);
            Trace.Message s = simulated.get(i);
            if (!r.keys().equals(s.keys())) {
                diffs.add(event + " #" + i + ": header names differ\n    recorded  " + r.keys() + "\n    simulated " + s.keys());
                continue;
            }
            for (String k : values) {
                if (r.get(k) != null && !r.get(k).equals(s.get(k))) {
                    diffs.add(event + " #" + i + ": " + k + " recorded '" + r.get(k) + "' simulated '" + s.get(k) + "'");
                }
            }
        }
        return diffs;
    }

    @Test
    @DisplayName("ami-20: an originated pair is born <unknown>; the CallerID comes by NewCallerid/NewConnectedLine, "
        + "and a dialplan Set(CALLERID(...)) changes only its own half")
    void callerIdAfterNewchannel() throws Exception {
        start(4573);
        assertNoDifferences(replayAndCompare("ami-20-caller-id-after-newchannel.txt", Set.of()));
    }

    @Test
    @DisplayName("ami-24: Redirect with ExtraChannel into ConfBridge: a Bridge() application leg hangs up, a bridged "
        + "dialplan leg moves; join after conf-onlyperson, list, mute, kick, end, and the errors")
    void conferenceConfBridge() throws Exception {
        start(4573);
        // app_confbridge publishes ConfbridgeJoin/ConfbridgeLeave on its own topic: the recording has them on both
        // sides of the channel's BridgeEnter/BridgeLeave (three orders for three leaves), so they are compared apart.
        // Recorded, agent A was originated 0.5 s after the caller's music started and redirected 0.5 s after its
        // Wait began; both wait for ever, so sending the two 0.5 s later meets the same states and a slow first
        // action on a loaded machine cannot swap them.
        assertNoDifferences(replayAndCompare("ami-24-conference-confbridge.txt", Set.of(),
            new AmiReplay(sim.amiPort(), scale).delay("3", 0.5).delay("4", 0.5), Set.of("ConfbridgeJoin", "ConfbridgeLeave")));
    }

    @Test
    @DisplayName("ami-21: MixMonitor, MixMonitorMute and StopMixMonitor answer bare successes and send the recorded events")
    void callRecording() throws Exception {
        // the agent is originated 1 s after the caller, whose Answer() takes 0.5 s: at half speed a loaded machine
        // let the agent's Bridge() take the caller mid-Answer; real time keeps the recorded margin
        scale = 1.0;
        start(4573);
        assertNoDifferences(replayAndCompare("ami-21-call-recording-mixmonitor.txt", Set.of()));
        // recorded: call-42.wav 6.00 s with 2.00-4.00 s digital silence, call-42-part2.wav 1.00 s without
        List<RecordingSnapshot> recs = sim.recordings();
        assertEquals(2, recs.size(), recs.toString());
        assertNear(6_000, recs.get(0).duration().toMillis(), "call-42.wav");
        assertEquals(1, recs.get(0).silentSpans().size(), recs.get(0).toString());
        assertNear(2_000, recs.get(0).silentSpans().get(0).from().toMillis(), "muted from");
        assertNear(4_000, recs.get(0).silentSpans().get(0).to().toMillis(), "muted to");
        assertNear(1_000, recs.get(1).duration().toMillis(), "call-42-part2.wav");
        assertTrue(recs.get(1).silentSpans().isEmpty(), recs.get(1).toString());
        assertTrue(recs.get(0).file().endsWith("var/spool/asterisk/monitor/cc/call-42.wav"), recs.get(0).toString());
        assertEquals(44 + 2 * (Math.round(recs.get(0).duration().toMillis() / 20.0) * 160),
            java.nio.file.Files.size(recs.get(0).file()));
    }

    /** Replayed at half speed on a shared machine: a few scheduler ticks either way. */
    private static void assertNear(long expectedMs, long actualMs, String what) {
        assertTrue(Math.abs(expectedMs - actualMs) <= 300, what + ": expected about " + expectedMs + " ms, was " + actualMs);
    }

    @Test
    @DisplayName("ami-25: a Redirect out of the bridge is a hold: a Bridge() leg hangs up, a Bridge-action leg goes on "
        + "in its dialplan and a second Bridge action rejoins it")
    void holdByRedirect() throws Exception {
        start(4573);
        assertNoDifferences(replayAndCompare("ami-25-hold-by-redirect.txt", Set.of()));
    }
}
