package cc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cc.simulator.dialplan.CalleeGosub;
import cc.simulator.dialplan.DefaultDialplan;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Dial's U() option the way Asterisk's app_dial runs it: the answered callee runs the subroutine (here the shipped
 * {@code cc-click-to-talk-confirm}, whose AGI reaches a real FastAGI socket), and GOSUB_RESULT decides: unset bridges
 * the two, ABORT hangs up both. The agent's leg is an Originate with {@code Application: Dial}, as the ACD places an
 * agent-first callback. (The recorded traces in /work/shared/asterisk-traces do not cover Dial U(); the behaviour
 * follows app_dial's documentation and source.)
 */
class DialCalleeGosubIT {
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

    /** The confirmation as the IVR does it: a 1 clears GOSUB_RESULT and says confirmed; anything else declines. */
    private void start() throws Exception {
        agi = new ScriptedAgiServer((env, s) -> {
            envByChannel.put(env.get("agi_channel"), env);
            String key = s.command("GET DATA press-1 4000 1");
            if (key != null && key.endsWith("result=1")) {
                s.command("SET VARIABLE CC_CALLBACK_CONFIRM confirmed");
                s.command("SET VARIABLE GOSUB_RESULT \"\"");
            } else {
                s.command("SET VARIABLE CC_CALLBACK_CONFIRM declined");
            }
        });
        sim = AsteriskSimulator.start(SimulatorConfig.builder()
            .agi("127.0.0.1", agi.port(), "main?lang=en")
            .timings(Timings.defaults().withTimeScale(0.2))
            .phones(Phones.builder()
                .number("1001", PhoneBehaviour.answersAfter(Distribution.fixed(100)))
                .number("3001", PhoneBehaviour.answersAfter(Distribution.fixed(200))
                    .withKeys(new DtmfStep(1_500, "1")))
                .number("3002", PhoneBehaviour.answersAfter(Distribution.fixed(200))
                    .withKeys(new DtmfStep(1_500, "2")))
                .build())
            .build());
    }

    private static String dial(String number) {
        return "PJSIP/" + number + "@trunk,20,U(" + DefaultDialplan.CLICK_TO_TALK_CONFIRM_CONTEXT
            + "^click-to-talk-agent-first?lang=en&request=r" + number + ")";
    }

    @Test
    @DisplayName("U() options parse like app_dial's: context, then the caret-separated arguments; no U() is none")
    void parse() {
        assertEquals(new CalleeGosub("ctx", List.of("a%3Fb", "2")), CalleeGosub.parse("tU(ctx^a%3Fb^2)g"));
        assertEquals(new CalleeGosub("ctx", List.of()), CalleeGosub.parse("U(ctx)"));
        assertNull(CalleeGosub.parse("tTg"));
        assertNull(CalleeGosub.parse(""));
    }

    @Test
    @DisplayName("the customer presses 1 in the subroutine: GOSUB_RESULT is cleared and the agent's leg and the "
        + "customer are bridged")
    void confirmedBridges() throws Exception {
        start();
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            ami.send("Action", "Originate", "ActionID", "agent", "Channel", "PJSIP/1001", "Application", "Dial",
                "Data", dial("3001"), "Async", "true", "Timeout", "15000");
            String agentLeg = ami.await(m -> "OriginateResponse".equals(m.get("Event")), 10_000).get("Channel");
            Trace.Message answered = ami.await(m -> "DialEnd".equals(m.get("Event"))
                && agentLeg.equals(m.get("Channel")), 10_000);
            assertEquals("ANSWER", answered.get("DialStatus"));
            String customer = answered.get("DestChannel");
            assertTrue(customer.startsWith("PJSIP/3001-"), customer);
            Trace.Message asked = ami.await(m -> "VarSet".equals(m.get("Event")) && customer.equals(m.get("Channel"))
                && "CC_CALLBACK_CONFIRM".equals(m.get("Variable")) && "asked".equals(m.get("Value")), 10_000);
            assertEquals(answered.get("DestLinkedid"), asked.get("Linkedid"), "the customer's leg is in the agent's call");
            ami.await(m -> "VarSet".equals(m.get("Event")) && customer.equals(m.get("Channel"))
                && "CC_CALLBACK_CONFIRM".equals(m.get("Variable")) && "confirmed".equals(m.get("Value")), 10_000);
            String bridge = ami.await(m -> "BridgeEnter".equals(m.get("Event"))
                && customer.equals(m.get("Channel")), 10_000).get("BridgeUniqueid");
            Trace.Message agentIn = ami.await(m -> "BridgeEnter".equals(m.get("Event"))
                && bridge.equals(m.get("BridgeUniqueid")) && agentLeg.equals(m.get("Channel")), 5_000);
            assertEquals("2", agentIn.get("BridgeNumChannels"), "agent and customer talk");
        }
        Map<String, String> env = envByChannel.values().iterator().next();
        assertEquals("click-to-talk-agent-first?lang=en&request=r3001", env.get("agi_network_script"),
            "ARG1 reached the FastAGI request");
        assertEquals(DefaultDialplan.CLICK_TO_TALK_CONFIRM_CONTEXT, env.get("agi_context"));
    }

    @Test
    @DisplayName("the customer presses 2: GOSUB_RESULT stays ABORT, Dial hangs up both and nothing is bridged")
    void declinedAbortsBoth() throws Exception {
        start();
        try (AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            ami.login();
            ami.send("Action", "Originate", "ActionID", "agent", "Channel", "PJSIP/1001", "Application", "Dial",
                "Data", dial("3002"), "Async", "true", "Timeout", "15000");
            String agentLeg = ami.await(m -> "OriginateResponse".equals(m.get("Event")), 10_000).get("Channel");
            String customer = ami.await(m -> "DialEnd".equals(m.get("Event"))
                && agentLeg.equals(m.get("Channel")), 10_000).get("DestChannel");
            ami.await(m -> "VarSet".equals(m.get("Event")) && customer.equals(m.get("Channel"))
                && "CC_CALLBACK_CONFIRM".equals(m.get("Variable")) && "declined".equals(m.get("Value")), 10_000);
            assertNotNull(ami.await(m -> "Hangup".equals(m.get("Event")) && customer.equals(m.get("Channel")), 10_000));
            assertNotNull(ami.await(m -> "Hangup".equals(m.get("Event")) && agentLeg.equals(m.get("Channel")), 10_000));
            assertFalse(ami.received.stream().anyMatch(m -> "BridgeEnter".equals(m.get("Event"))
                && (customer.equals(m.get("Channel")) || agentLeg.equals(m.get("Channel")))), "never bridged");
        }
    }
}
