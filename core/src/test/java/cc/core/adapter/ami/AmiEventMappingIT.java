package cc.core.adapter.ami;

import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Asterisk 22 event streams of ami-04 and ami-05, replayed over TCP, normalised by the adapter. */
class AmiEventMappingIT {

    private static OriginateRequest originate(String dial, String context, String exten, String callerId,
                                              Map<String, String> variables) {
        return new OriginateRequest("pbx", dial, new OriginateRequest.DialplanTarget(context, exten, 1), callerId,
                Duration.ofSeconds(30), variables);
    }

    @Test
    @DisplayName("an originated IVR call (ami-04) becomes the Local pair's start, caller ID, answer, digits, chosen variables and hangup")
    void originatedIvrCall() throws Exception {
        AmiOptions options = AmiOptions.defaults().withVariables(VariableFilter.of(List.of("CAMPAIGN", "IVR_*", "ACCOUNT")));
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret").script(AmiTrace.load("ami-04-originate-async-ivr.txt"));
             AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx", peer, "cc-secret")), options)) {
            AmiHarness.await(h.telephony.start());
            h.untilLink("resynced", e -> e instanceof LinkEvent.LinkResynced);

            OriginateResult result = AmiHarness.await(h.telephony.originate(originate("Local/110@ivr-in", "human",
                    "ivr-caller", "\"Alice Caller\" <5551234>", Map.of("CAMPAIGN", "inbound-test"))));
            h.untilCall("the ;1 half hung up", e -> e instanceof CallEvent.CallHungUp
                    && e.leg().uniqueId().equals("1795417499.0"));

            assertEquals(new OriginateResult.Answered("Local/110@ivr-in-00000000;1", "1795417499.0"), result);
            List<String> sent = peer.actions("Originate").get(0);
            assertEquals("Local/110@ivr-in", AmiTrace.header(sent, "Channel"));
            assertEquals("true", AmiTrace.header(sent, "Async"));
            assertEquals("30000", AmiTrace.header(sent, "Timeout"));
            assertEquals("CAMPAIGN=inbound-test", AmiTrace.header(sent, "Variable"));
            assertEquals(List.of(
                    "CallStarted 1795417499.0 Local/110@ivr-in-00000000;1 call=1795417499.0 from='' '' to=110@ivr-in",
                    "CallStarted 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0 from='' '' to=110@ivr-in",
                    "VariableSet 1795417499.0 Local/110@ivr-in-00000000;1 call=1795417499.0 CAMPAIGN=inbound-test",
                    "CallerIdChanged 1795417499.0 Local/110@ivr-in-00000000;1 call=1795417499.0"
                            + " from='5551234' 'Alice Caller'",
                    "VariableSet 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0 CAMPAIGN=inbound-test",
                    "CallerIdChanged 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0"
                            + " from='5551234' 'Alice Caller'",
                    "CallAnswered 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0",
                    "CallAnswered 1795417499.0 Local/110@ivr-in-00000000;1 call=1795417499.0",
                    "DtmfReceived 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0 digit=2",
                    "DtmfReceived 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0 digit=1",
                    "DtmfReceived 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0 digit=2",
                    "DtmfReceived 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0 digit=3",
                    "DtmfReceived 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0 digit=4",
                    "VariableSet 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0 IVR_CHOICE=2",
                    "VariableSet 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0 ACCOUNT=1234",
                    "CallHungUp 1795417499.1 Local/110@ivr-in-00000000;2 call=1795417499.0 cause=16 Normal Clearing",
                    "CallHungUp 1795417499.0 Local/110@ivr-in-00000000;1 call=1795417499.0 cause=16 Normal Clearing"),
                    EventLines.of(h.calls));
            assertTrue(h.calls.stream().allMatch(e -> e.leg().server().equals("pbx")));
            assertEquals(1, new HashSet<>(h.threads).size(), "all events on one context: " + h.threads);
            assertTrue(h.threads.get(0).startsWith("vert.x-eventloop-thread-"), h.threads.get(0));

            Map<String, Long> unmapped = h.telephony.unmappedEvents();
            // by the names Asterisk gives them: such events are no longer built into the library's beans at all
            assertEquals(12L, unmapped.get("Newexten"), unmapped.toString());
            assertEquals(2L, unmapped.get("Cdr"), unmapped.toString());
            assertEquals(5L, unmapped.get("DTMFBegin"), unmapped.toString());
            assertFalse(unmapped.containsKey("VarSet"), "filtered VarSets are not unmapped: " + unmapped);
            assertFalse(unmapped.containsKey("NewChannel"), unmapped.toString());
            assertEquals(12.0, h.registry.get("cc.ami.events.unmapped").tag("event", "Newexten").counter().count());
        }
    }

    @Test
    @DisplayName("an inbound call through IVR and queue (ami-05) becomes caller pair, two ringing agents, one bridge and hangups")
    void inboundCallToAgent() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret")
                .script(AmiTrace.load("ami-05-inbound-call-ivr-queue-agent.txt"));
             AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx", peer, "cc-secret")), AmiOptions.defaults())) {
            AmiHarness.await(h.telephony.start());

            AmiHarness.await(h.telephony.originate(originate("Local/100@ivr-in", "human", "ivr-caller",
                    "\"Alice Caller\" <5551234>", Map.of())));
            h.untilCall("the caller's ;1 half hung up", e -> e instanceof CallEvent.CallHungUp
                    && e.leg().uniqueId().equals("1795417535.2"));

            String bridge = "bridge=94ce08b9-e3de-445d-9a32-290bad40d48b";
            String call = " call=1795417535.2";
            // the caller ID comes after each channel's creation, by NewCallerid (app_queue passes it to the members)
            String alice = " from='5551234' 'Alice Caller'";
            assertEquals(List.of(
                    "CallStarted 1795417535.2 Local/100@ivr-in-00000001;1" + call + " from='' '' to=100@ivr-in",
                    "CallStarted 1795417535.3 Local/100@ivr-in-00000001;2" + call + " from='' '' to=100@ivr-in",
                    "CallerIdChanged 1795417535.2 Local/100@ivr-in-00000001;1" + call + alice,
                    "CallerIdChanged 1795417535.3 Local/100@ivr-in-00000001;2" + call + alice,
                    "CallAnswered 1795417535.3 Local/100@ivr-in-00000001;2" + call,
                    "CallAnswered 1795417535.2 Local/100@ivr-in-00000001;1" + call,
                    "DtmfReceived 1795417535.3 Local/100@ivr-in-00000001;2" + call + " digit=2",
                    "DtmfReceived 1795417535.3 Local/100@ivr-in-00000001;2" + call + " digit=1",
                    "DtmfReceived 1795417535.3 Local/100@ivr-in-00000001;2" + call + " digit=2",
                    "DtmfReceived 1795417535.3 Local/100@ivr-in-00000001;2" + call + " digit=3",
                    "DtmfReceived 1795417535.3 Local/100@ivr-in-00000001;2" + call + " digit=4",
                    "CallStarted 1795417542.4 Local/agent2@agents-00000002;1" + call + " from='' '' to=agent2@agents",
                    "CallStarted 1795417542.5 Local/agent2@agents-00000002;2" + call + " from='' '' to=agent2@agents",
                    "CallerIdChanged 1795417542.4 Local/agent2@agents-00000002;1" + call + alice,
                    "CallerIdChanged 1795417542.5 Local/agent2@agents-00000002;2" + call + alice,
                    "CallStarted 1795417542.6 Local/agent1@agents-00000003;1" + call + " from='' '' to=agent1@agents",
                    "CallStarted 1795417542.7 Local/agent1@agents-00000003;2" + call + " from='' '' to=agent1@agents",
                    "CallerIdChanged 1795417542.6 Local/agent1@agents-00000003;1" + call + alice,
                    "CallerIdChanged 1795417542.7 Local/agent1@agents-00000003;2" + call + alice,
                    "CallRinging 1795417542.4 Local/agent2@agents-00000002;1" + call,
                    "CallRinging 1795417542.6 Local/agent1@agents-00000003;1" + call,
                    "CallAnswered 1795417542.6 Local/agent1@agents-00000003;1" + call,
                    "CallAnswered 1795417542.7 Local/agent1@agents-00000003;2" + call,
                    "CallHungUp 1795417542.4 Local/agent2@agents-00000002;1" + call + " cause=26 Answered elsewhere",
                    "CallHungUp 1795417542.5 Local/agent2@agents-00000002;2" + call + " cause=26 Answered elsewhere",
                    "LegsBridged 1795417542.6 Local/agent1@agents-00000003;1" + call + " " + bridge,
                    "LegsBridged 1795417535.3 Local/100@ivr-in-00000001;2" + call + " " + bridge,
                    "CallHungUp 1795417542.7 Local/agent1@agents-00000003;2" + call + " cause=16 Normal Clearing",
                    "LegUnbridged 1795417542.6 Local/agent1@agents-00000003;1" + call + " " + bridge,
                    "CallHungUp 1795417542.6 Local/agent1@agents-00000003;1" + call + " cause=16 Normal Clearing",
                    "LegUnbridged 1795417535.3 Local/100@ivr-in-00000001;2" + call + " " + bridge,
                    "CallHungUp 1795417535.3 Local/100@ivr-in-00000001;2" + call + " cause=16 Normal Clearing",
                    "CallHungUp 1795417535.2 Local/100@ivr-in-00000001;1" + call + " cause=16 Normal Clearing"),
                    EventLines.of(h.calls));
            Map<String, Long> unmapped = h.telephony.unmappedEvents();
            assertEquals(2L, unmapped.get("AgentCalled"), unmapped.toString());
            assertEquals(1L, unmapped.get("AgentConnect"), unmapped.toString());
            assertEquals(1L, unmapped.get("BridgeCreate"), unmapped.toString());
        }
    }
}
