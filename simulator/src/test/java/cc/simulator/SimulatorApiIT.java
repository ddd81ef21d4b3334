package cc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cc.simulator.dialplan.Dialplan;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The simulator's control API over real sockets: inbound callers, simulated phones, failures, traffic, stats. */
class SimulatorApiIT {
    private AsteriskSimulator sim;
    private ScriptedAgiServer agi;
    private final Map<String, Map<String, String>> envByChannel = new ConcurrentHashMap<>();

    @AfterEach
    void tearDown() throws Exception {
        if (sim != null) {
            sim.close();
        }
        if (agi != null) {
            agi.close();
        }
    }

    private void start(ScriptedAgiServer.Script script) throws Exception {
        start(script, Timings.defaults().withTimeScale(0.2));
    }

    private void start(ScriptedAgiServer.Script script, Timings timings) throws Exception {
        agi = new ScriptedAgiServer((env, s) -> {
            envByChannel.put(env.get("agi_channel"), env);
            script.run(env, s);
        });
        sim = AsteriskSimulator.start(SimulatorConfig.builder()
            .agi("127.0.0.1", agi.port(), "main?lang=en")
            .timings(timings)
            .phones(Phones.builder()
                .number("2001", PhoneBehaviour.busy())
                .number("2002", PhoneBehaviour.congestion())
                .number("2003", PhoneBehaviour.neverAnswers())
                .number("2004", PhoneBehaviour.rejects())
                .prefix("10", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200), Distribution.fixed(60_000)))
                .build())
            .build());
    }

    @Test
    @DisplayName("a caller dials in, the IVR collects digits over FastAGI, the call holds, an agent is bridged, the caller hangs up")
    void inboundCallThroughDefaultDialplan() throws Exception {
        start((env, s) -> {
            String digits = s.command("GET DATA beep 3000 4");
            s.command("SET VARIABLE IVR_DIGITS \"" + digits + "\"");
            s.command("SET VARIABLE CC_NEXT hold");
        });
        SimulatedCall call = sim.placeInboundCall(InboundCall.of("09121234567", "Sara Ahmadi", "5550100")
            // keys pressed 1 s after Answer() is done, so the AGI session is sure to be in GET DATA even on a loaded machine
            .withDtmf(new DtmfStep(1_500, "12#")).withTalkTimeMs(1_000));
        assertTrue(call.channel().startsWith("Local/5550100@cc-inbound-") && call.channel().endsWith(";2"), call.channel());
        ChannelSnapshot held = awaitChannel(call.channel(), "MusicOnHold");
        assertEquals("cc-hold", held.context());

        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            ami.send("Action", "Originate", "ActionID", "agent", "Channel", "PJSIP/1001", "Application", "Bridge",
                "Data", call.channel(), "Async", "true", "Timeout", "15000");
            Trace.Message resp = ami.await(m -> "OriginateResponse".equals(m.get("Event")), 10_000);
            assertEquals("Success", resp.get("Response"));
            assertEquals("4", resp.get("Reason"));
            assertTrue(resp.get("Channel").startsWith("PJSIP/1001-"), resp.get("Channel"));
            ami.await(m -> "BridgeEnter".equals(m.get("Event")) && call.channel().equals(m.get("Channel")), 5_000);
            CallOutcome outcome = call.awaitEnd(Duration.ofSeconds(10));
            assertTrue(outcome.answered());
            assertTrue(outcome.reachedAgent());
            assertFalse(outcome.abandoned());
            assertEquals("SUCCESS", outcome.agiStatus());
            assertTrue(outcome.agiTranscript().contains("< 200 result=12"), outcome.agiTranscript().toString());
            ami.await(m -> "Hangup".equals(m.get("Event")) && m.get("Channel").startsWith("PJSIP/1001-"), 5_000);
            ami.await(m -> "DeviceStateChange".equals(m.get("Event")) && "PJSIP/1001".equals(m.get("Device"))
                && "NOT_INUSE".equals(m.get("State")), 5_000);
        }
        Map<String, String> env = envByChannel.get(call.channel());
        assertEquals("09121234567", env.get("agi_callerid"));
        assertEquals("Sara Ahmadi", env.get("agi_calleridname"));
        assertEquals("5550100", env.get("agi_extension"));
        assertEquals("unknown", env.get("agi_dnid"));
        assertEquals("cc-inbound", env.get("agi_context"));
        assertEquals("Local", env.get("agi_type"));
        SimulatorStats stats = sim.stats();
        assertEquals(1, stats.callsStarted());
        assertEquals(1, stats.callsAnswered());
        assertEquals(1, stats.callsCompleted());
        assertEquals(1, stats.agiSessions());
        assertEquals(1L, stats.originatesByOutcome().get("answered"));
        assertEquals(1L, stats.actionsByName().get("originate"));
    }

    @Test
    @DisplayName("a three-way call: caller and agent A moved into cc-conference with one Redirect, agent B rung into "
        + "ConfBridge, listed, muted, B kicked, and the conference ends when the last one leaves")
    void threeWayConference() throws Exception {
        start((env, s) -> s.command("SET VARIABLE CC_NEXT hold"));
        SimulatedCall call = sim.placeInboundCall(InboundCall.of("09121234567", "Sara Ahmadi", "5550100")
            .withPatienceMs(120_000).withTalkTimeMs(120_000));
        awaitChannel(call.channel(), "MusicOnHold");
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            ami.send("Action", "Originate", "ActionID", "agent-a", "Channel", "PJSIP/1001", "Context", "cc-agent-wait",
                "Exten", "s", "Priority", "1", "Async", "true", "Timeout", "15000");
            String agentA = ami.await(m -> "OriginateResponse".equals(m.get("Event")) && "agent-a".equals(m.get("ActionID")),
                10_000).get("Channel");
            ami.send("Action", "Bridge", "ActionID", "bridge", "Channel1", call.channel(), "Channel2", agentA);
            ami.await(m -> "BridgeEnter".equals(m.get("Event")) && agentA.equals(m.get("Channel")), 5_000);

            ami.send("Action", "Redirect", "ActionID", "conf", "Channel", call.channel(), "ExtraChannel", agentA,
                "Context", "cc-conference", "Exten", "call-42", "Priority", "1",
                "ExtraContext", "cc-conference", "ExtraExten", "call-42", "ExtraPriority", "1");
            assertEquals("Dual Redirect successful", ami.await(m -> "conf".equals(m.get("ActionID")), 5_000).get("Message"));
            ami.send("Action", "Originate", "ActionID", "agent-b", "Channel", "PJSIP/1002", "Application", "ConfBridge",
                "Data", "call-42", "Async", "true", "Timeout", "15000");
            String agentB = ami.await(m -> "OriginateResponse".equals(m.get("Event")) && "agent-b".equals(m.get("ActionID")),
                10_000).get("Channel");
            for (String ch : List.of(call.channel(), agentA, agentB)) {
                Trace.Message join = ami.await(m -> "ConfbridgeJoin".equals(m.get("Event")) && ch.equals(m.get("Channel")), 5_000);
                assertEquals("call-42", join.get("Conference"));
                assertEquals("softmix", join.get("BridgeTechnology"));
            }

            ami.send("Action", "ConfbridgeListRooms", "ActionID", "rooms");
            Trace.Message room = ami.await(m -> "ConfbridgeListRooms".equals(m.get("Event")), 5_000);
            assertEquals("call-42", room.get("Conference"));
            assertEquals("3", room.get("Parties"));
            ami.send("Action", "ConfbridgeMute", "ActionID", "mute", "Conference", "call-42", "Channel", call.channel());
            assertEquals("User muted", ami.await(m -> "mute".equals(m.get("ActionID")), 5_000).get("Message"));
            ami.send("Action", "ConfbridgeList", "ActionID", "list", "Conference", "call-42");
            ami.await(m -> "ConfbridgeListComplete".equals(m.get("Event")) && "list".equals(m.get("ActionID")), 5_000);
            List<Trace.Message> users = ami.received.stream()
                .filter(m -> "ConfbridgeList".equals(m.get("Event")) && "list".equals(m.get("ActionID"))).toList();
            // in arrival order: the ExtraChannel reaches the conference first (ami-24)
            assertEquals(List.of(agentA, call.channel(), agentB), users.stream().map(m -> m.get("Channel")).toList());
            assertEquals("Yes", users.get(1).get("Muted"));

            ami.send("Action", "ConfbridgeKick", "ActionID", "kick", "Conference", "call-42", "Channel", agentB);
            assertEquals("User kicked", ami.await(m -> "kick".equals(m.get("ActionID")), 5_000).get("Message"));
            ami.await(m -> "ConfbridgeLeave".equals(m.get("Event")) && agentB.equals(m.get("Channel")), 5_000);
            ami.await(m -> "Hangup".equals(m.get("Event")) && agentB.equals(m.get("Channel")), 5_000);

            call.hangup();
            ami.await(m -> "ConfbridgeLeave".equals(m.get("Event")) && call.channel().equals(m.get("Channel")), 5_000);
            assertTrue(call.awaitEnd(Duration.ofSeconds(10)).reachedAgent());
            ami.send("Action", "Hangup", "ActionID", "end", "Channel", agentA);
            ami.await(m -> "ConfbridgeEnd".equals(m.get("Event")) && "call-42".equals(m.get("Conference")), 5_000);
            ami.await(m -> "BridgeDestroy".equals(m.get("Event")) && "ConfBridge".equals(m.get("BridgeCreator")), 5_000);
            ami.send("Action", "ConfbridgeList", "ActionID", "none", "Conference", "call-42");
            assertEquals("No active conferences.", ami.await(m -> "none".equals(m.get("ActionID")), 5_000).get("Message"));
        }
    }

    @Test
    @DisplayName("a waiting caller redirected to cc-announce and bridged to an agent mid-announcement is yanked out of "
        + "the AGI as by Asterisk: the script sees the hang-up, and after the bridge the caller hangs up, not back to hold")
    void bridgeDuringAnnouncement() throws Exception {
        List<String> announcementSaw = new java.util.concurrent.CopyOnWriteArrayList<>();
        start((env, s) -> {
            if (env.get("agi_network_script").startsWith("queue-position?")) {
                announcementSaw.add(env.get("agi_network_script"));
                announcementSaw.add(s.command("STREAM FILE long-prompt \"\""));
                announcementSaw.add(s.readLine());
                announcementSaw.add(s.command("STREAM FILE long-prompt \"\""));
            } else {
                s.command("SET VARIABLE CC_NEXT hold");
            }
        }, Timings.defaults().withTimeScale(0.2).withPrompt("long-prompt", 60_000));
        SimulatedCall call = sim.placeInboundCall(InboundCall.of("0912000", "Waiting", "5550100"));
        awaitChannel(call.channel(), "MusicOnHold");
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            ami.send("Action", "Setvar", "ActionID", "v", "Channel", call.channel(), "Variable", "CC_ANNOUNCE",
                "Value", "position=2&wait=60&lang=fa");
            ami.send("Action", "Redirect", "ActionID", "r", "Channel", call.channel(), "Context", "cc-announce",
                "Exten", "s", "Priority", "1");
            assertEquals("cc-announce", awaitChannel(call.channel(), "AGI").context());
            ami.send("Action", "Originate", "ActionID", "agent", "Channel", "PJSIP/1001", "Application", "Bridge",
                "Data", call.channel(), "Async", "true", "Timeout", "15000");
            ami.await(m -> "BridgeEnter".equals(m.get("Event")) && call.channel().equals(m.get("Channel")), 10_000);
            // the agent talks 12 s (60 s x 0.2), then hangs up; the caller must not wait on hold after that
            CallOutcome outcome = call.awaitEnd(Duration.ofSeconds(20));
            assertTrue(outcome.reachedAgent());
            assertFalse(outcome.abandoned());
            assertEquals(16, outcome.hangupCause(), "Hangup() after the AGI, not a caller giving up on hold");
            assertEquals("", outcome.agiStatus(), "AGISTATUS stays on the dead copy the AGI was left on");
            assertTrue(outcome.agiTranscript().contains("= agi://127.0.0.1:" + agi.port()
                + "/queue-position?position=2&wait=60&lang=fa"), outcome.agiTranscript().toString());
        }
        assertEquals("queue-position?position=2&wait=60&lang=fa", announcementSaw.get(0));
        assertTrue(announcementSaw.get(1).startsWith("200 result=-1 endpos="), announcementSaw.toString());
        assertEquals("HANGUP", announcementSaw.get(2), announcementSaw.toString());
        assertTrue(announcementSaw.get(3).startsWith("511 "), "channel commands are refused after: " + announcementSaw);
    }

    @Test
    @DisplayName("a caller is an originated Local pair born <unknown>: the number reaches AMI only by NewCallerid, "
        + "on ;1 then ;2, before LocalBridge (ami-20)")
    void callerIdArrivesByNewCallerid() throws Exception {
        start((env, s) -> s.command("ANSWER"));
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            SimulatedCall call = sim.placeInboundCall(InboundCall.of("09121234567", "", "5550100"));
            call.awaitEnd(Duration.ofSeconds(10));
            String one = call.channel().substring(0, call.channel().length() - 1) + "1";
            List<String> seen = ami.received.stream()
                .filter(m -> m.get("Event") != null && (one.equals(m.get("Channel")) || call.channel().equals(m.get("Channel"))
                    || one.equals(m.get("LocalOneChannel"))))
                .limit(7)
                .map(m -> m.get("Event") + " " + (m.get("Channel") == null ? "" : m.get("Channel").substring(m.get("Channel").length() - 2))
                    + " " + (m.get("CallerIDNum") == null ? m.get("LocalTwoCallerIDNum") : m.get("CallerIDNum"))
                    + "/" + (m.get("CallerIDName") == null ? m.get("LocalTwoCallerIDName") : m.get("CallerIDName")))
                .toList();
            assertEquals(List.of("Newchannel ;1 <unknown>/<unknown>", "Newchannel ;2 <unknown>/<unknown>",
                "Newexten ;1 <unknown>/<unknown>", "NewCallerid ;1 09121234567/<unknown>",
                "NewConnectedLine ;1 09121234567/<unknown>", "NewCallerid ;2 09121234567/<unknown>",
                "NewConnectedLine ;2 09121234567/<unknown>"), seen);
            assertEquals("09121234567", envByChannel.get(call.channel()).get("agi_callerid"));
            Trace.Message cdr = ami.await(m -> "Cdr".equals(m.get("Event")) && call.channel().equals(m.get("Channel")), 5_000);
            assertEquals("\"\" <09121234567>", cdr.get("CallerID"));
        }
    }

    @Test
    @DisplayName("through the normalising trunk the dialplan rewrites the caller's number on ;2 only: one NewCallerid "
        + "after the Set, ;1 keeps the old number, the IVR and the Cdr see the new one")
    void normalisingTrunkRewritesCallerId() throws Exception {
        start((env, s) -> s.command("ANSWER"));
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            SimulatedCall call = sim.placeInboundCall(
                InboundCall.of("09121234567", "Sara Ahmadi", "5550100").viaNormalisingTrunk());
            call.awaitEnd(Duration.ofSeconds(10));
            String two = call.channel();
            String one = two.substring(0, two.length() - 1) + "1";
            assertTrue(two.startsWith("Local/5550100@sim-normalising-trunk-"), two);
            List<Trace.Message> ofTwo = ami.received.stream().filter(m -> two.equals(m.get("Channel"))).toList();
            int set = -1;
            for (int i = 0; i < ofTwo.size(); i++) {
                // the trunk's Set(CALLERID(num)=...), not cc-inbound's later Set(AGISTATUS=)
                if ("Set".equals(ofTwo.get(i).get("Application"))
                        && String.valueOf(ofTwo.get(i).get("AppData")).startsWith("CALLERID(num)")) {
                    set = i;
                }
            }
            assertTrue(set > 0, "a Newexten for Set on ;2");
            assertEquals("09121234567", ofTwo.get(set).get("CallerIDNum"), "the Set's Newexten still shows the old number");
            Trace.Message rewritten = ofTwo.get(set + 1);
            assertEquals("NewCallerid", rewritten.get("Event"));
            assertEquals("+989121234567", rewritten.get("CallerIDNum"));
            assertEquals("Sara Ahmadi", rewritten.get("CallerIDName"));
            assertEquals("09121234567", rewritten.get("ConnectedLineNum"));
            assertEquals(1, ofTwo.stream().filter(m -> "NewCallerid".equals(m.get("Event"))
                && "+989121234567".equals(m.get("CallerIDNum"))).count());
            assertEquals("Goto", ofTwo.get(set + 2).get("Application"));
            assertEquals("cc-inbound", ofTwo.get(set + 3).get("Context"), "then on into the inbound flow");
            assertTrue(ami.received.stream().filter(m -> one.equals(m.get("Channel")) && m.get("CallerIDNum") != null)
                .noneMatch(m -> m.get("CallerIDNum").equals("+989121234567")), ";1 keeps the old number");
            assertTrue(ami.received.stream().noneMatch(m -> "NewConnectedLine".equals(m.get("Event"))
                && "+989121234567".equals(m.get("ConnectedLineNum"))), "no NewConnectedLine for the rewrite");
            assertEquals("+989121234567", envByChannel.get(two).get("agi_callerid"));
            Trace.Message cdr = ami.await(m -> "Cdr".equals(m.get("Event")) && two.equals(m.get("Channel")), 5_000);
            assertEquals("+989121234567", cdr.get("Source"));
            assertEquals("\"Sara Ahmadi\" <+989121234567>", cdr.get("CallerID"));
        }
    }

    @Test
    @DisplayName("a blind transfer of the agent leg sends the holding caller through cc-outbound's Dial() to a second "
        + "phone: the first agent leg hangs up and the caller talks to the second phone")
    void blindTransferToSecondPhone() throws Exception {
        start((env, s) -> s.command("SET VARIABLE CC_NEXT hold"));
        SimulatedCall call = sim.placeInboundCall(InboundCall.of("09121234567", "Sara Ahmadi", "5550100"));
        awaitChannel(call.channel(), "MusicOnHold");
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            ami.send("Action", "Originate", "ActionID", "agent", "Channel", "PJSIP/1001", "Application", "Bridge",
                "Data", call.channel(), "Async", "true", "Timeout", "15000");
            String agentLeg = ami.await(m -> "OriginateResponse".equals(m.get("Event")), 10_000).get("Channel");
            ami.await(m -> "BridgeEnter".equals(m.get("Event")) && call.channel().equals(m.get("Channel")), 5_000);

            ami.send("Action", "BlindTransfer", "ActionID", "xfer", "Channel", agentLeg, "Context", "cc-outbound",
                "Exten", "1002");
            Trace.Message resp = ami.await(m -> "xfer".equals(m.get("ActionID")) && m.get("Response") != null, 5_000);
            assertEquals("Success", resp.get("Response"));
            assertEquals("Transfer succeeded", resp.get("Message"));
            Trace.Message event = ami.await(m -> "BlindTransfer".equals(m.get("Event")), 5_000);
            assertEquals("Success", event.get("Result"));
            assertEquals(agentLeg, event.get("TransfererChannel"));
            assertEquals(call.channel(), event.get("TransfereeChannel"));
            assertEquals("cc-outbound", event.get("Context"));
            assertEquals("1002", event.get("Extension"));
            Trace.Message agentGone = ami.await(m -> "Hangup".equals(m.get("Event")) && agentLeg.equals(m.get("Channel")), 5_000);
            assertEquals("16", agentGone.get("Cause"));

            Trace.Message dialEnd = ami.await(m -> "DialEnd".equals(m.get("Event")) && call.channel().equals(m.get("Channel")), 10_000);
            assertEquals("ANSWER", dialEnd.get("DialStatus"));
            String secondPhone = dialEnd.get("DestChannel");
            assertTrue(secondPhone.startsWith("PJSIP/1002-"), secondPhone);
            ChannelSnapshot caller = awaitChannel(call.channel(), "Dial");
            ChannelSnapshot phone = sim.channels().stream().filter(c -> c.name().equals(secondPhone)).findFirst().orElseThrow();
            assertFalse(caller.bridgeId().isEmpty(), "the caller is bridged");
            assertEquals(caller.bridgeId(), phone.bridgeId(), "the caller talks to the second phone");
            assertEquals("cc-outbound", caller.context());

            call.hangup();
            ami.await(m -> "Hangup".equals(m.get("Event")) && secondPhone.equals(m.get("Channel")), 5_000);
            assertTrue(call.awaitEnd(Duration.ofSeconds(10)).answered());
        }
        assertEquals(1L, sim.stats().actionsByName().get("blindtransfer"));
    }

    @Test
    @DisplayName("Dial() to a phone: timeout gives NOANSWER, busy BUSY, an answered call bridges and, when the phone "
        + "hangs up, the dialplan goes on after Dial with DIALSTATUS=ANSWER")
    void dialOutcomes() throws Exception {
        sim = AsteriskSimulator.start(SimulatorConfig.builder()
            .dialplan(Dialplan.builder()
                .exten("dial-test", "_X.", "Dial(PJSIP/${EXTEN}@trunk,2)", "UserEvent(DialDone,Status: ${DIALSTATUS})",
                    "Hangup()")
                .build())
            .timings(Timings.defaults().withTimeScale(0.2))
            .phones(Phones.builder()
                .number("2001", PhoneBehaviour.busy())
                .number("2003", PhoneBehaviour.neverAnswers())
                .number("3001", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300), Distribution.fixed(1_000)))
                .build())
            .build());
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            for (String[] c : new String[][] {{"2003", "NOANSWER"}, {"2001", "BUSY"}, {"3001", "ANSWER"}}) {
                ami.send("Action", "Originate", "ActionID", "o" + c[0], "Channel", "Local/" + c[0] + "@dial-test",
                    "Application", "Wait", "Data", "30", "Async", "true");
                Trace.Message end = ami.await(m -> "DialEnd".equals(m.get("Event")) && m.get("Channel") != null
                    && m.get("DestChannel").startsWith("PJSIP/" + c[0] + "-"), 10_000);
                assertEquals(c[1], end.get("DialStatus"), c[0]);
                Trace.Message done = ami.await(m -> "DialDone".equals(m.get("UserEvent"))
                    && m.get("Channel").startsWith("Local/" + c[0] + "@dial-test-"), 10_000);
                assertEquals(c[1], done.get("Status"), c[0]);
            }
            String bridge = ami.await(m -> "BridgeEnter".equals(m.get("Event"))
                && m.get("Channel").startsWith("PJSIP/3001-"), 5_000).get("BridgeUniqueid");
            Trace.Message caller = ami.await(m -> "BridgeEnter".equals(m.get("Event"))
                && bridge.equals(m.get("BridgeUniqueid")) && m.get("Channel").startsWith("Local/3001@dial-test-"), 5_000);
            assertEquals("2", caller.get("BridgeNumChannels"), "the phone and its caller in one bridge");
        }
    }

    @Test
    @DisplayName("a caller whose patience runs out on hold hangs up and counts as abandoned")
    void patienceRunsOut() throws Exception {
        start((env, s) -> s.command("SET VARIABLE CC_NEXT hold"));
        SimulatedCall call = sim.placeInboundCall(InboundCall.of("0912000", "Impatient", "5550100").withPatienceMs(2_000));
        CallOutcome outcome = call.awaitEnd(Duration.ofSeconds(10));
        assertTrue(outcome.abandoned());
        assertFalse(outcome.reachedAgent());
        assertEquals(1, sim.stats().callsAbandoned());
        assertTrue(sim.channels().isEmpty(), "no channel left: " + sim.channels());
    }

    @Test
    @DisplayName("a test can hang the caller up; the AGI script then gets HANGUP and the call ends with cause 16")
    void testHangsUpTheCaller() throws Exception {
        start((env, s) -> {
            String r = s.command("WAIT FOR DIGIT 20000");
            s.command("VERBOSE \"" + r + "\" 1");
        });
        SimulatedCall call = sim.placeInboundCall(InboundCall.of("0912000", "Caller", "5550100"));
        awaitChannel(call.channel(), "AGI");
        Thread.sleep(300);
        call.hangup();
        CallOutcome outcome = call.awaitEnd(Duration.ofSeconds(10));
        assertEquals(16, outcome.hangupCause());
        assertEquals("HANGUP", outcome.agiStatus());
        assertTrue(outcome.agiTranscript().contains("< 200 result=-1"), outcome.agiTranscript().toString());
    }

    @Test
    @DisplayName("phones that are busy, congested, never answer or reject give OriginateResponse reasons 5, 8, 3, 0")
    void phoneBehaviours() throws Exception {
        start((env, s) -> { });
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            for (String n : List.of("2001", "2002", "2003", "2004")) {
                ami.send("Action", "Originate", "ActionID", "o" + n, "Channel", "PJSIP/" + n, "Context", "cc-agent-wait",
                    "Exten", "s", "Priority", "1", "Async", "true", "Timeout", "3000");
            }
            Map<String, String> expected = Map.of("2001", "5", "2002", "8", "2003", "3", "2004", "0");
            for (Map.Entry<String, String> e : expected.entrySet()) {
                Trace.Message r = ami.await(m -> "OriginateResponse".equals(m.get("Event"))
                    && ("o" + e.getKey()).equals(m.get("ActionID")), 10_000);
                assertEquals("Failure", r.get("Response"));
                assertEquals(e.getValue(), r.get("Reason"), "reason for " + e.getKey());
                assertEquals("PJSIP/" + e.getKey(), r.get("Channel"));
                assertEquals("<unknown>", r.get("Uniqueid"));
            }
            ami.send("Action", "Originate", "ActionID", "given-id", "Channel", "PJSIP/1002", "Application", "Wait",
                "Data", "1", "Async", "true", "ChannelId", "cc-call-42");
            Trace.Message given = ami.await(m -> "OriginateResponse".equals(m.get("Event"))
                && "given-id".equals(m.get("ActionID")), 10_000);
            assertEquals("cc-call-42", given.get("Uniqueid"));
            ami.send("Action", "Originate", "ActionID", "sync", "Channel", "PJSIP/2001", "Application", "Wait", "Data", "1");
            Trace.Message sync = ami.await(m -> "sync".equals(m.get("ActionID")) && m.get("Response") != null, 5_000);
            assertEquals("Error", sync.get("Response"));
            assertEquals("Originate failed", sync.get("Message"));
        }
        assertEquals(2L, sim.stats().originatesByOutcome().get("failed.reason-5"));
    }

    @Test
    @DisplayName("AMD() on an answered dialer call reports what the called person is: machine, human")
    void answeringMachineDetection() throws Exception {
        sim = AsteriskSimulator.start(SimulatorConfig.builder()
            .dialplan(cc.simulator.dialplan.Dialplan.builder()
                .exten("dialer", "amd", "AMD()", "UserEvent(AMDResult,AMDStatus: ${AMDSTATUS},AMDCause: ${AMDCAUSE})", "Hangup()")
                .build())
            .phones(Phones.builder()
                .number("3001", PhoneBehaviour.answersAfter(Distribution.fixed(100)).withAmd("MACHINE"))
                .number("3002", PhoneBehaviour.answersAfter(Distribution.fixed(100)))
                .build())
            .timings(Timings.defaults().withTimeScale(0.2))
            .build());
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            for (String n : List.of("3001", "3002")) {
                ami.send("Action", "Originate", "ActionID", "amd" + n, "Channel", "PJSIP/" + n, "Context", "dialer",
                    "Exten", "amd", "Priority", "1", "Async", "true");
            }
            Trace.Message machine = ami.await(m -> "UserEvent".equals(m.get("Event"))
                && m.get("Channel").startsWith("PJSIP/3001-"), 10_000);
            assertEquals("MACHINE", machine.get("AMDStatus"));
            assertEquals("MAXWORDS-3-2", machine.get("AMDCause"));
            Trace.Message human = ami.await(m -> "UserEvent".equals(m.get("Event"))
                && m.get("Channel").startsWith("PJSIP/3002-"), 10_000);
            assertEquals("HUMAN", human.get("AMDStatus"));
            assertEquals("HUMAN-800-800", human.get("AMDCause"));
            assertEquals("AMDResult", human.get("UserEvent"));
        }
    }

    @Test
    @DisplayName("CoreShowChannels and Status list live channels with the recorded headers even with events off")
    void listActions() throws Exception {
        start((env, s) -> s.command("SET VARIABLE CC_NEXT hold"));
        SimulatedCall call = sim.placeInboundCall(InboundCall.of("5554444", "Dave Waiting", "5550100"));
        awaitChannel(call.channel(), "MusicOnHold");
        Trace recorded = Trace.load("ami-09-list-actions.txt");
        List<Trace.Message> rec = recorded.connections.get(0).amiMessages();
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.send("Action", "Login", "ActionID", "l", "Username", "cc", "Secret", "cc-secret", "Events", "off");
            ami.await(m -> "l".equals(m.get("ActionID")), 5_000);
            ami.send("Action", "CoreShowChannels", "ActionID", "csc");
            ami.await(m -> "CoreShowChannelsComplete".equals(m.get("Event")), 5_000);
            ami.send("Action", "Status", "ActionID", "st-one", "Channel", call.channel(), "Variables", "QUEUENAME,CALLERID(num)");
            ami.await(m -> "StatusComplete".equals(m.get("Event")), 5_000);
            ami.send("Action", "Status", "ActionID", "st-none", "Channel", "Local/nonexistent-00000000;1");
            Trace.Message none = ami.await(m -> "st-none".equals(m.get("ActionID")), 5_000);
            assertEquals("No such channel", none.get("Message"));
            for (String ev : List.of("CoreShowChannel", "CoreShowChannelsComplete", "StatusComplete")) {
                assertEquals(first(rec, ev).keys(), first(ami.received, ev).keys(), ev + " headers");
            }
            Trace.Message st = first(ami.received, "Status");
            assertEquals(first(rec, "Status", "st-one").keys(), st.keys());
            assertEquals("Call", st.get("Privilege"));
            assertTrue(ami.received.stream().anyMatch(m -> "5554444".equals(m.get("CallerIDNum"))));
            assertEquals(List.of("QUEUENAME=(null)", "CALLERID(num)=5554444"), values(st, "Variable"));
        }
        call.hangup();
        call.awaitEnd(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("dropAmiConnections cuts every client without a Goodbye; sendRawAmi reaches logged-in clients")
    void namedFailures() throws Exception {
        start((env, s) -> { });
        try (AmiTestClient a = new AmiTestClient(sim.amiPort()); AmiTestClient b = new AmiTestClient(sim.amiPort())) {
            a.login();
            b.login();
            assertEquals(2, sim.stats().amiSessions());
            sim.sendRawAmi("Event: NoSuchEvent\r\nFoo: bar\r\n\r\n");
            a.await(m -> "NoSuchEvent".equals(m.get("Event")), 5_000);
            sim.dropAmiConnections();
            a.awaitClosed(5_000);
            b.awaitClosed(5_000);
            assertFalse(a.received.stream().anyMatch(m -> "Goodbye".equals(m.get("Response"))));
        }
        assertEquals(0, sim.stats().amiSessions());
        try (AmiTestClient c = new AmiTestClient(sim.amiPort())) {
            c.login();
            assertEquals(1, sim.stats().amiSessions());
        }
    }

    @Test
    @DisplayName("Poisson traffic places about the asked number of calls and every call ends")
    void traffic() throws Exception {
        start((env, s) -> s.command("ANSWER"));
        TrafficGenerator gen = sim.startTraffic(TrafficProfile.of(100, "5550100"));
        Thread.sleep(1_000);
        gen.stop();
        long placed = gen.placed();
        assertTrue(placed > 50 && placed < 160, "placed " + placed + " calls in 1 s at 100/s");
        long deadline = System.currentTimeMillis() + 15_000;
        while (sim.stats().all().getOrDefault("calls.completed", 0L) < placed && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        SimulatorStats stats = sim.stats();
        assertEquals(placed, stats.callsStarted());
        assertEquals(placed, stats.callsCompleted());
        assertEquals(placed, stats.agiSessions());
        assertTrue(sim.channels().isEmpty());
    }

    private static Trace.Message first(List<Trace.Message> msgs, String event) {
        return first(msgs, event, null);
    }

    private static Trace.Message first(List<Trace.Message> msgs, String event, String actionId) {
        for (Trace.Message m : msgs) {
            if (event.equals(m.get("Event")) && (actionId == null || actionId.equals(m.get("ActionID")))) {
                return m;
            }
        }
        throw new AssertionError("no " + event + " in " + msgs.size() + " messages");
    }

    private static List<String> values(Trace.Message m, String key) {
        return m.headers().stream().filter(h -> h[0].equals(key)).map(h -> h[1]).toList();
    }

    private ChannelSnapshot awaitChannel(String name, String application) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (ChannelSnapshot c : sim.channels()) {
                if (c.name().equals(name) && c.application().equals(application)) {
                    return c;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(name + " never ran " + application + ": " + sim.channels());
    }

    @Test
    @DisplayName("a MixMonitor over AMI writes its file under the recordings directory: 8 kHz 16-bit mono WAV as long as "
        + "the recording, digital silence where it was muted in both directions")
    void recordingWritesTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        sim = AsteriskSimulator.start(SimulatorConfig.builder()
            .dialplan(LabDialplan.create(4573))
            .timings(Timings.defaults().withTimeScale(0.2))
            .recordingsDir(dir)
            .build());
        String issuedId;
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            ami.send("Action", "Originate", "ActionID", "caller", "Channel", "Local/s@cc-hold", "Context", "human",
                "Exten", "silent", "Priority", "1", "CallerID", "\"Sara\" <0912>", "Async", "true");
            Trace.Message moh = ami.await(m -> "MusicOnHoldStart".equals(m.get("Event")), 5_000);
            String caller = moh.get("Channel");
            ami.send("Action", "Originate", "ActionID", "agent", "Channel", "Local/60@agent-timed", "Application", "Bridge",
                "Data", caller, "Async", "true");
            ami.await(m -> "BridgeEnter".equals(m.get("Event")) && caller.equals(m.get("Channel")), 5_000);

            ami.send("Action", "MixMonitor", "ActionID", "rec", "Channel", caller,
                "File", "/var/spool/asterisk/monitor/cc/call-7.wav", "Options", "bi(REC_ID)");
            Trace.Message started = ami.await(m -> "rec".equals(m.get("ActionID")) && m.get("Response") != null, 5_000);
            assertEquals("Success", started.get("Response"));
            issuedId = started.get("MixMonitorID");
            ami.await(m -> "MixMonitorStart".equals(m.get("Event")), 5_000);
            Thread.sleep(200);
            ami.send("Action", "MixMonitorMute", "ActionID", "mute", "Channel", caller, "Direction", "both", "State", "1");
            ami.await(m -> "MixMonitorMute".equals(m.get("Event")) && "1".equals(m.get("State")), 5_000);
            Thread.sleep(200);
            ami.send("Action", "MixMonitorMute", "ActionID", "unmute", "Channel", caller, "Direction", "both", "State", "0");
            ami.await(m -> "MixMonitorMute".equals(m.get("Event")) && "0".equals(m.get("State")), 5_000);
            Thread.sleep(200);
            ami.send("Action", "StopMixMonitor", "ActionID", "stop", "Channel", caller,
                "MixMonitorID", started.get("MixMonitorID"));
            ami.await(m -> "MixMonitorStop".equals(m.get("Event")), 5_000);
            // a path that climbs out of the directory is answered as Asterisk would, but not written
            ami.send("Action", "MixMonitor", "ActionID", "escape", "Channel", caller, "File", "/../../escaped.wav");
            ami.await(m -> "escape".equals(m.get("ActionID")) && m.get("Response") != null, 5_000);
            ami.send("Action", "Hangup", "ActionID", "bye", "Channel", caller);
            ami.await(m -> "Hangup".equals(m.get("Event")) && caller.equals(m.get("Channel")), 5_000);
        }

        List<RecordingSnapshot> recs = sim.recordings();
        assertEquals(2, recs.size(), recs.toString());
        RecordingSnapshot rec = recs.get(0);
        assertFalse(rec.running());
        java.nio.file.Path file = dir.resolve("var/spool/asterisk/monitor/cc/call-7.wav");
        assertEquals(file, rec.file());
        assertEquals(issuedId, rec.mixMonitorId());
        long ms = rec.duration().toMillis();
        // 3 simulated seconds at time scale 0.2; generous bounds for a loaded machine
        assertTrue(ms >= 2_900 && ms <= 4_500, "duration " + ms);
        byte[] wav = java.nio.file.Files.readAllBytes(file);
        int samples = (int) Math.round(ms / 20.0) * 160;
        assertEquals(44 + samples * 2, wav.length, "length follows the duration in whole 20 ms frames");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, b.getShort(22), "mono");
        assertEquals(8000, b.getInt(24), "8 kHz");
        assertEquals(16, b.getShort(34), "16-bit");
        assertEquals(1, rec.silentSpans().size(), rec.silentSpans().toString());
        RecordingSnapshot.Span muted = rec.silentSpans().get(0);
        long from = muted.from().toMillis();
        long to = muted.to().toMillis();
        assertTrue(to - from >= 900 && to - from <= 1_800, "muted " + from + ".." + to);
        assertTrue(isSilent(b, from, to), "digital silence while muted");
        assertFalse(isSilent(b, 0, from), "sound before the mute");
        assertFalse(isSilent(b, to, ms), "sound after the mute");

        RecordingSnapshot escaped = recs.get(1);
        assertEquals(null, escaped.file());
        assertFalse(escaped.running(), "the hangup ends the recording");
        assertFalse(java.nio.file.Files.exists(dir.resolve("../escaped.wav").normalize()));
    }

    private static boolean isSilent(java.nio.ByteBuffer b, long fromMs, long toMs) {
        for (long i = fromMs * 8; i < toMs * 8 && 44 + i * 2 < b.capacity(); i++) {
            if (b.getShort((int) (44 + i * 2)) != 0) {
                return false;
            }
        }
        return true;
    }
}
