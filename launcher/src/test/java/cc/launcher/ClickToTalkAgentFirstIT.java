package cc.launcher;

import cc.core.config.ConfigNode;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.CallOffered;
import cc.core.contract.CallbackSettled;
import cc.core.contract.ClickToTalkAddresses;
import cc.core.contract.ClickToTalkRequest;
import cc.core.contract.ClickToTalkStatus;
import cc.core.contract.InteractionUpdated;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.ChannelSnapshot;
import cc.simulator.DtmfStep;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Click-to-talk "ring the agent first" through the whole server (real simulator over AMI and FastAGI, real
 * PostgreSQL): the queue {@code sales} is in {@code dialer.clickToTalk.ringAgentFirst}, {@code support} is not. A sales
 * request is handed to the ACD, a free agent's phone rings with the topic on the pop, the agent's answered leg dials
 * the customer with Dial's U() option running the shipped {@code cc-click-to-talk-confirm} subroutine and the shipped
 * {@code click-to-talk-agent-first} flow: a 1 bridges agent and customer; a 2, or a customer who hangs up, frees the
 * agent at once (no wrap-up, although sales has a long one) and the request ends declined, never bridged. A support
 * request still calls the customer first and keeps the place in line after the 1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClickToTalkAgentFirstIT {
    private static final String SECRET = "ctt-af-secret";
    private static final String SALES_PHONE = "3101";
    private static final String SUPPORT_PHONE = "3102";
    private static final String PRESSES_1 = "09120000601";
    private static final String PRESSES_2 = "09120000602";
    private static final String HANGS_UP = "09120000603";
    private static final String SUPPORT_CUSTOMER = "09120000604";
    private static final String TOPIC = "خرید اشتراک & price, #7";

    private static PostgresTestDatabase pg;
    private static ServerTables tables;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static final List<ClickToTalkStatus> statuses = new CopyOnWriteArrayList<>();
    private static final List<CallOffered> offers = new CopyOnWriteArrayList<>();
    private static final List<CallbackSettled> settled = new CopyOnWriteArrayList<>();
    private static final List<AgentStateChanged> agentStates = new CopyOnWriteArrayList<>();
    private static final List<Interaction> interactions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        tables = new ServerTables(pg);
        int agiPort = Rig.freePort();
        PhoneBehaviour customer = PhoneBehaviour.answersAfter(Distribution.fixed(300));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "main?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(500))
                .phones(Phones.builder()
                        .number(SALES_PHONE, PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200),
                                Distribution.fixed(8_000)))
                        .number(SUPPORT_PHONE, PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200),
                                Distribution.fixed(3_000)))
                        // the keys come 1.5 s after the answer: while the confirmation prompt waits for them
                        .number(PRESSES_1, customer.withKeys(new DtmfStep(1_500, "1")))
                        .number(PRESSES_2, customer.withKeys(new DtmfStep(1_500, "2")))
                        .number(HANGS_UP, PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300),
                                Distribution.fixed(700)))
                        .number(SUPPORT_CUSTOMER, customer.withKeys(new DtmfStep(1_500, "1")))
                        .build())
                .build());
        String config = Rig.serverYaml(simulator, agiPort, "../../../../config/ivr", "main", pg,
                "acd:",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  queues:",
                // a wrap-up long enough that an agent sent to it could not take the next request of this test
                "    - {id: sales, wrapUp: 60s}",
                "    - {id: support, wrapUp: 500ms}",
                "  agents:",
                "    - {id: af-sales-1, phone: PJSIP/" + SALES_PHONE + ", queues: [sales]}",
                "    - {id: af-support-1, phone: PJSIP/" + SUPPORT_PHONE + ", queues: [support]}",
                "dialer:",
                "  trunk: 'PJSIP/{number}'",
                "  ringTimeout: 15s",
                "  timeZone: UTC",
                "  daysOff: []",
                "  demo: false",
                "  clickToTalk: {retries: 0, dialsPerMinute: 10, ringAgentFirst: [sales]}",
                "");
        server = Server.start(ServerConfig.read(ConfigNode.parse("ctt-af.yaml", config,
                Map.of("AMI_SECRET", SECRET)::get))).await();
        var bus = server.vertx().eventBus();
        bus.<ClickToTalkStatus>consumer(ClickToTalkAddresses.STATUS, m -> statuses.add(m.body()));
        bus.<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> offers.add(m.body()));
        bus.<CallbackSettled>consumer(AcdAddresses.CALLBACK_SETTLED, m -> settled.add(m.body()));
        bus.<AgentStateChanged>consumer(Addresses.ACD_AGENT_STATE_CHANGED, m -> agentStates.add(m.body()));
        bus.<InteractionUpdated>consumer(Addresses.INTERACTION_UPDATED, m -> interactions.add(m.body().interaction()));
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    private static ClickToTalkRequest request(String id, String number, String queue, Instant requestedAt) {
        return new ClickToTalkRequest(id, number, "fa", queue, TOPIC, Optional.empty(), requestedAt, requestedAt);
    }

    private static List<String> states(String id) {
        return statuses.stream().filter(s -> s.requestId().equals(id)).map(ClickToTalkStatus::state).toList();
    }

    private static List<String> withoutWaiting(List<String> states) {
        return states.stream().filter(s -> !s.equals(ClickToTalkStatus.WAITING)).toList();
    }

    private static List<String> audit(String id) throws Exception {
        return tables.rows("select event, detail from dialer_audit where campaign_id = 'click-to-talk' "
                + "and contact_id = ? order by id", id);
    }

    private static List<String> salesAgentStatesSince(int from) {
        return agentStates.subList(from, agentStates.size()).stream()
                .filter(s -> s.agentId().equals("af-sales-1")).map(AgentStateChanged::state).toList();
    }

    private static String offerOf(String requestId) {
        return offers.stream().filter(o -> requestId.equals(o.data().get("clickToTalk"))).findFirst()
                .map(CallOffered::callerUniqueId)
                .orElseThrow(() -> new AssertionError("no agent was rung for " + requestId + ": " + offers));
    }

    private static boolean bridgedWithSalesAgent(String customerNumber) {
        List<ChannelSnapshot> channels = simulator.channels();
        return channels.stream().filter(c -> c.name().startsWith("PJSIP/" + customerNumber + "-")
                && !c.bridgeId().isEmpty()).anyMatch(c -> channels.stream().anyMatch(a ->
                a.name().startsWith("PJSIP/" + SALES_PHONE + "-") && c.bridgeId().equals(a.bridgeId())));
    }

    @Test
    @Order(1)
    @DisplayName("sales rings the agent first: the agent's phone rings with the topic, then dials the customer, who "
            + "presses 1 and is bridged to the agent; the request keeps its place from the request time")
    void confirmedIsBridged() throws Exception {
        Instant requestedAt = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        assertEquals(ClickToTalkStatus.SCHEDULED, Rig.<ClickToTalkStatus>ask(server, ClickToTalkAddresses.REQUEST,
                request("af-yes", PRESSES_1, "sales", requestedAt)).state());
        Rig.awaitTrue("the customer is bridged to the sales agent", Duration.ofSeconds(30),
                () -> bridgedWithSalesAgent(PRESSES_1));
        Rig.awaitTrue("the request is connected", Duration.ofSeconds(10),
                () -> states("af-yes").contains(ClickToTalkStatus.CONNECTED));
        // waiting shows only when no agent is free at the hand-over (here one is, and may be rung before the reply)
        assertEquals(List.of("scheduled", "dialling", "ringing-agent", "calling-customer", "connected"),
                withoutWaiting(states("af-yes")), "the agent is rung before the customer's phone");

        String callId = offerOf("af-yes");
        assertEquals("click-to-talk-af-yes", callId);
        CallOffered offer = offers.stream().filter(o -> o.callerUniqueId().equals(callId)).findFirst().orElseThrow();
        assertEquals("af-sales-1", offer.agentId());
        assertEquals(TOPIC, offer.data().get("topic"), "the pop shows the customer's topic");
        assertEquals("true", offer.data().get("callback"));
        assertEquals(requestedAt.toString(), offer.data().get("keptPlaceSince"));
        assertFalse(offer.data().containsKey("callbackDial"), "the dial string stays off the pop");
        assertTrue(settled.stream().anyMatch(s -> s.callId().equals(callId)
                && s.outcome().equals(CallbackSettled.CONNECTED) && s.customerChannel().startsWith("PJSIP/" + PRESSES_1)));

        Rig.awaitTrue("the interaction record: the agent's leg dialled the customer, who confirmed with 1 and talked"
                + " to the agent", Duration.ofSeconds(10), () -> interactions.stream().anyMatch(i ->
                i.handledBy().contains("af-sales-1")
                        && i.ivrPath().stream().anyMatch(s -> s.node().equals("confirm") && s.input().equals("1"))
                        && i.ivrPath().stream().map(IvrStep::node).toList().contains("confirmed")));
        List<String> rows = audit("af-yes");
        assertTrue(rows.get(0).startsWith("DIALLED to the ACD, ring the agent first"), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("CONNECTED")), rows.toString());
        // the agent's phone hangs up after its talk time: the conversation ends into the queue's wrap-up as usual
        Rig.awaitTrue("the sales agent wraps up after talking", Duration.ofSeconds(15),
                () -> agentStates.stream().anyMatch(s -> s.agentId().equals("af-sales-1")
                        && s.state().equals("wrap-up")));
        // the agent ends the wrap-up early (the console's button), ready for the next request
        AgentStateChanged ready = Rig.ask(server, AcdAddresses.AGENT_END_WRAP_UP,
                new cc.core.contract.EndWrapUp("af-sales-1"));
        assertEquals("available", ready.state());
    }

    @Test
    @Order(2)
    @DisplayName("a customer who presses 2 on the agent's call is never bridged: the agent is available again at once"
            + " (no wrap-up) and the request ends declined, not retried")
    void pressed2FreesTheAgent() throws Exception {
        declined("af-no", PRESSES_2, "2");
    }

    @Test
    @Order(3)
    @DisplayName("a customer who hangs up during the prompt declines too: the agent is freed, nothing bridged")
    void hangUpFreesTheAgent() throws Exception {
        declined("af-gone", HANGS_UP, null);
    }

    private void declined(String id, String number, String key) throws Exception {
        Rig.awaitTrue("the sales agent is available", Duration.ofSeconds(10), () -> agentStates.stream()
                .filter(s -> s.agentId().equals("af-sales-1")).reduce((a, b) -> b)
                .map(s -> s.state().equals("available")).orElse(true));
        int mark = agentStates.size();
        assertEquals(ClickToTalkStatus.SCHEDULED, Rig.<ClickToTalkStatus>ask(server, ClickToTalkAddresses.REQUEST,
                request(id, number, "sales", Instant.now())).state());
        Rig.awaitTrue("the request ends declined", Duration.ofSeconds(30),
                () -> states(id).contains(ClickToTalkStatus.DECLINED));
        assertEquals(List.of("scheduled", "dialling", "ringing-agent", "calling-customer", "declined"),
                withoutWaiting(states(id)));
        Rig.awaitTrue("the agent is available again", Duration.ofSeconds(5),
                () -> salesAgentStatesSince(mark).contains("available"));
        List<String> agent = salesAgentStatesSince(mark);
        assertEquals("available", agent.get(agent.size() - 1), agent.toString());
        assertFalse(agent.contains("wrap-up"), "freed at once, not sent to wrap-up: " + agent);
        assertFalse(bridgedWithSalesAgent(number), "the customer was bridged to the agent");
        assertTrue(settled.stream().anyMatch(s -> s.callId().equals("click-to-talk-" + id)
                && s.outcome().equals(CallbackSettled.DECLINED)), settled.toString());
        Rig.awaitTrue("the interaction record shows the agent's call and the customer's refusal",
                Duration.ofSeconds(10), () -> interactions.stream().anyMatch(i -> i.handledBy().isEmpty()
                        && i.dialedNumber().equals("+98" + number.substring(1))
                        && i.ivrPath().stream().map(IvrStep::node).toList().contains("confirm")
                        && (key == null || i.ivrPath().stream().anyMatch(s -> s.node().equals("confirm")
                        && s.input().equals(key)))));
        List<String> rows = audit(id);
        assertTrue(rows.get(rows.size() - 1).startsWith("UNCONFIRMED"), rows.toString());
        Thread.sleep(1_000);
        assertEquals(1, offers.stream().filter(o -> id.equals(o.data().get("clickToTalk"))).count(),
                "a declined request is never placed again");
    }

    @Test
    @Order(4)
    @DisplayName("a queue not in ringAgentFirst behaves as before: the customer is called first, presses 1 and waits"
            + " in line for the agent")
    void otherQueueUnchanged() throws Exception {
        assertEquals(ClickToTalkStatus.SCHEDULED, Rig.<ClickToTalkStatus>ask(server, ClickToTalkAddresses.REQUEST,
                request("af-support", SUPPORT_CUSTOMER, "support", Instant.now())).state());
        Rig.awaitTrue("the support customer reaches the agent", Duration.ofSeconds(30),
                () -> states("af-support").contains(ClickToTalkStatus.CONNECTED));
        assertEquals(List.of("scheduled", "dialling", "confirming", "waiting", "connected"), states("af-support"));
        CallOffered offer = offers.stream().filter(o -> "af-support".equals(o.data().get("clickToTalk")))
                .findFirst().orElseThrow();
        assertEquals("af-support-1", offer.agentId());
        assertFalse(offer.callerUniqueId().startsWith("click-to-talk-"), "a live caller, not a callback");
    }
}
