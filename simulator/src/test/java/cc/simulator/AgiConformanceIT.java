package cc.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Plays the FastAGI server side of the recorded AGI sessions against the simulator: the simulator must send the
 * same agi_ environment, the same replies (including 510/511/520 and the unsolicited HANGUP lines) and close the
 * same way. Where the AMI side was recorded too (ami-13, ami-14, ami-15), its events are compared as well.
 */
class AgiConformanceIT {
    static final double SCALE = 0.5;
    private AsteriskSimulator sim;
    private FastAgiReplayServer agi;

    @AfterEach
    void tearDown() throws Exception {
        if (sim != null) {
            sim.close();
        }
        if (agi != null) {
            agi.close();
        }
    }

    private void start(String... agiTraces) throws Exception {
        List<Trace> traces = new ArrayList<>();
        for (String t : agiTraces) {
            traces.add(Trace.load(t));
        }
        agi = new FastAgiReplayServer(SCALE, traces.toArray(new Trace[0]));
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        sim = AsteriskSimulator.start(SimulatorConfig.builder()
            .dialplan(LabDialplan.create(agi.port(), deadPort))
            .timings(Timings.defaults().withTimeScale(SCALE))
            .build());
    }

    private void originate(String... headers) throws Exception {
        try (AmiTestClient c = new AmiTestClient(sim.amiPort())) {
            c.login();
            List<String> h = new ArrayList<>(List.of("Action", "Originate", "ActionID", "o1"));
            h.addAll(List.of(headers));
            c.send(h.toArray(new String[0]));
            c.await(m -> "o1".equals(m.get("ActionID")) && m.get("Response") != null, 5_000);
        }
    }

    private String agiUrl(String script) {
        return "agi://127.0.0.1:" + agi.port() + "/" + script;
    }

    private void assertAgiMatches(int sessions, long timeoutMs) throws InterruptedException {
        agi.awaitSessions(sessions, timeoutMs);
        assertTrue(agi.differences.isEmpty(), "FastAGI differences from the recording:\n" + String.join("\n", agi.differences));
    }

    private List<String> replayAmi(String trace) throws Exception {
        List<AmiReplay.ConnectionResult> results = new AmiReplay(sim.amiPort(), SCALE)
            .replace("127.0.0.1:4573", "127.0.0.1:" + agi.port()).run(Trace.load(trace), 1.5);
        List<String> diffs = new ArrayList<>();
        for (AmiReplay.ConnectionResult r : results) {
            Conformance c = new Conformance();
            c.compareResponses(r.recorded().amiMessages(), r.client().received, Set.of());
            c.compareChannelEvents(r.recorded().amiMessages(), r.client().received);
            diffs.addAll(c.differences());
        }
        return diffs;
    }

    @Test
    @DisplayName("agi-01: the main menu session of an inbound call: env, DTMF-interrupted prompt, collected digits")
    void mainMenu() throws Exception {
        start("agi-01-main-menu-inbound-call.txt");
        originate("Channel", "Local/100@ivr-in", "Context", "human", "Exten", "ivr-caller", "Priority", "1",
            "CallerID", "\"Alice Caller\" <5551234>", "Timeout", "30000", "Async", "true");
        assertAgiMatches(1, 20_000);
    }

    @Test
    @DisplayName("agi-03 / ami-13: every common command answers as Asterisk does, with AGIExecStart/End events")
    void commandTour() throws Exception {
        start("agi-03-command-tour.txt");
        List<String> amiDiffs = replayAmi("ami-13-agi-command-tour-events.txt");
        // recorded, the puppet on ;1 quit 1 ms before the tour ended, so ;1 ended on its own (cause 0); the replay
        // lets the tour finish first, so ;1 is hung up by its other half (cause 16)
        amiDiffs.removeIf(d -> d.startsWith("chan0;1 event #20 Hangup: Cause"));
        assertAgiMatches(2, 30_000);
        assertTrue(amiDiffs.isEmpty(), "AMI differences:\n" + String.join("\n", amiDiffs));
    }

    @Test
    @DisplayName("agi-04: quoted and escaped arguments as asterisk-java sends them")
    void quotedCommands() throws Exception {
        start("agi-04-quoted-commands-asterisk-java-style.txt");
        originate("Channel", "Local/210@ivr-in", "CallerID", "\"AGI Tester\" <5559999>", "Timeout", "30000",
            "Async", "true", "Application", "AGI", "Data", agiUrl("human"));
        assertAgiMatches(2, 30_000);
    }

    @Test
    @DisplayName("agi-05: the script path keeps its query string and dialplan arguments arrive as agi_arg_N")
    void scriptPathAndArguments() throws Exception {
        start("agi-05-script-path-and-arguments.txt");
        originate("Channel", "Local/300@ivr-in", "Context", "human", "Exten", "silent", "Priority", "1",
            "CallerID", "\"AGI Tester\" <5559999>", "Async", "true");
        assertAgiMatches(1, 10_000);
    }

    @Test
    @DisplayName("agi-06 / ami-14: the caller hangs up during STREAM FILE: -1 reply, HANGUP, then 511 and 200")
    void hangupDuringStream() throws Exception {
        start("agi-06-caller-hangup-during-stream.txt");
        List<String> amiDiffs = replayAmi("ami-14-agi-caller-hangup-events.txt");
        assertAgiMatches(2, 20_000);
        assertTrue(amiDiffs.isEmpty(), "AMI differences:\n" + String.join("\n", amiDiffs));
    }

    @Test
    @DisplayName("agi-07: the caller hangs up while the script is idle: an unsolicited HANGUP line")
    void hangupWhileIdle() throws Exception {
        start("agi-07-caller-hangup-while-idle.txt");
        originate("Channel", "Local/410@ivr-in", "CallerID", "\"AGI Tester\" <5559999>", "Timeout", "30000",
            "Async", "true", "Application", "AGI", "Data", agiUrl("human"));
        assertAgiMatches(2, 20_000);
    }

    @Test
    @DisplayName("ami-15: an AGI server that cannot be reached sets AGISTATUS=FAILURE and the dialplan goes on")
    void serverUnreachable() throws Exception {
        start();
        List<String> diffs = replayAmi("ami-15-agi-server-unreachable.txt");
        assertTrue(diffs.isEmpty(), "AMI differences:\n" + String.join("\n", diffs));
    }
}
