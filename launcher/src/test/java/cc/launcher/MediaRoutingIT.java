package cc.launcher;

import cc.core.config.ConfigNode;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.AnswerMediaOffer;
import cc.core.contract.ChangeAgentState;
import cc.core.contract.EndMedia;
import cc.core.contract.EnqueueMedia;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaEnded;
import cc.core.contract.MediaOfferEnded;
import cc.core.contract.MediaOffered;
import cc.core.contract.MediaQueued;
import cc.core.contract.TransferMedia;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.InboundCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chats and emails through the whole server: the chat and email contract on the real event bus, routed by the ACD
 * beside the simulator's calls, recorded in PostgreSQL.
 */
class MediaRoutingIT {
    private static final String SECRET = "media-secret";
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static final List<Object> published = new CopyOnWriteArrayList<>();
    private static final Map<String, String> agentStates = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "day?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(500))
                .phones(Phones.builder().prefix("1001",
                        PhoneBehaviour.answersAfter(Distribution.fixed(500))).build())
                .build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("media.yaml", Rig.serverYaml(simulator, agiPort,
                "day-flows", "day", pg,
                "acd:",
                "  server: pbx1",
                "  agentsAvailableAtStart: false",
                "  mediaOfferTimeout: 30s",
                "  capacity: {voice: 1, chat: 3, email: 5}",
                "  queues: [{id: support}, {id: chats}, {id: sales}]",
                "  agents:",
                "    - {id: agent-1001, phone: PJSIP/1001, queues: [support]}",
                "    - {id: agent-1002, phone: PJSIP/1002, queues: [chats], capacity: {chat: 2}}",
                "    - {id: agent-1003, phone: PJSIP/1003, queues: [sales]}",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        var bus = server.vertx().eventBus();
        for (String address : List.of(MediaAddresses.OFFERED, MediaAddresses.OFFER_ENDED, MediaAddresses.ENDED)) {
            bus.consumer(address, m -> published.add(m.body()));
        }
        bus.<AgentStateChanged>consumer(Addresses.ACD_AGENT_STATE_CHANGED,
                m -> agentStates.put(m.body().agentId(), m.body().state()));
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    private static void available(String agentId) throws Exception {
        Rig.ask(server, Addresses.ACD_AGENT_CHANGE_STATE, new ChangeAgentState(agentId, "available", "", agentId));
        Rig.awaitTrue(agentId + " available", Duration.ofSeconds(10),
                () -> "available".equals(agentStates.get(agentId)));
    }

    private static EnqueueMedia chat(String id, String queue) {
        return new EnqueueMedia(id, InteractionChannel.CHAT, queue, 0, "en",
                Map.of(EnqueueMedia.TOPIC_KEY, "Refund for order 42", EnqueueMedia.ADDRESS_KEY, "sara@example.com"),
                Instant.now());
    }

    private static boolean offeredTo(String id, String agentId) {
        return published.stream().anyMatch(o -> o instanceof MediaOffered m && m.interactionId().equals(id)
                && m.agentId().equals(agentId));
    }

    @Test
    @DisplayName("a chat is enqueued, offered, accepted, transferred, accepted and ended; its record has every segment")
    void chatThroughTheContract() throws Exception {
        available("agent-1002");
        available("agent-1003");
        String id = "chat-it-1";
        MediaQueued queued = Rig.ask(server, MediaAddresses.ENQUEUE, chat(id, "chats"));
        assertEquals("offered", queued.outcome());
        Rig.awaitTrue("offered to agent-1002", Duration.ofSeconds(5), () -> offeredTo(id, "agent-1002"));

        assertEquals(409, Rig.refused(server, MediaAddresses.ANSWER,
                new AnswerMediaOffer("agent-1003", id, true, Instant.now())).failureCode(), "not agent-1003's offer");
        MediaOfferEnded answered = Rig.ask(server, MediaAddresses.ANSWER,
                new AnswerMediaOffer("agent-1002", id, true, Instant.now()));
        assertEquals("answered", answered.outcome());
        Rig.awaitTrue("offer ended published", Duration.ofSeconds(5), () -> published.stream().anyMatch(
                o -> o instanceof MediaOfferEnded e && e.interactionId().equals(id) && "answered".equals(e.outcome())));

        assertEquals(404, Rig.refused(server, MediaAddresses.TRANSFER,
                new TransferMedia(id, "agent-1002", "nowhere", Instant.now())).failureCode());
        MediaQueued moved = Rig.ask(server, MediaAddresses.TRANSFER,
                new TransferMedia(id, "agent-1002", "sales", Instant.now()));
        assertEquals("sales", moved.queue());
        Rig.awaitTrue("offered to agent-1003", Duration.ofSeconds(5), () -> offeredTo(id, "agent-1003"));
        Rig.ask(server, MediaAddresses.ANSWER, new AnswerMediaOffer("agent-1003", id, true, Instant.now()));

        MediaEnded ended = Rig.ask(server, MediaAddresses.END, new EndMedia(id, EndMedia.CLOSED, Instant.now()));
        assertEquals("agent-1003", ended.agentId().orElseThrow());
        assertEquals(404, Rig.refused(server, MediaAddresses.END, new EndMedia(id, EndMedia.CLOSED, Instant.now()))
                .failureCode(), "the ACD no longer holds it");

        Rig.awaitTrue("the record is stored ended with its segments", Duration.ofSeconds(10),
                () -> "closed".equals(column(id, "end_cause")) && segments(id).size() == 7);
        assertEquals("chat", column(id, "channel").toLowerCase());
        assertEquals("inbound", column(id, "direction").toLowerCase());
        assertEquals("sara@example.com", column(id, "caller_number"));
        assertEquals("agent-1003", column(id, "agent_id"));
        assertEquals("sales", column(id, "queue"));
        assertEquals(List.of("queue:chats:answered", "offer:chats:answered", "talk:chats:completed",
                "transfer:sales:completed", "queue:sales:answered", "offer:sales:answered", "talk:sales:completed"),
                segments(id));
    }

    @Test
    @DisplayName("a customer who leaves while waiting: the record ends abandoned in the queue")
    void customerLeftWaiting() throws Exception {
        String id = "chat-it-2";
        MediaQueued queued = Rig.ask(server, MediaAddresses.ENQUEUE, chat(id, "support"));
        assertTrue(List.of("waiting", "offered").contains(queued.outcome()));
        assertEquals(409, Rig.refused(server, MediaAddresses.ENQUEUE, chat(id, "support")).failureCode());
        assertEquals(404, Rig.refused(server, MediaAddresses.ENQUEUE, chat("chat-it-x", "nowhere")).failureCode());
        Rig.ask(server, MediaAddresses.END, new EndMedia(id, EndMedia.CUSTOMER_LEFT, Instant.now()));
        Rig.awaitTrue("the record ended", Duration.ofSeconds(10),
                () -> EndMedia.CUSTOMER_LEFT.equals(column(id, "end_cause")));
        assertTrue(segments(id).get(0).startsWith("queue:support:"), segments(id).toString());
    }

    @Test
    @DisplayName("capacity: an agent on a simulator call gets no chat; once the call ends the chat is offered")
    void agentOnACallGetsNoChat() throws Exception {
        available("agent-1001");
        simulator.placeInboundCall(InboundCall.of("09120000001", "Caller", "02100000").withTalkTimeMs(4_000));
        Rig.awaitTrue("agent-1001 on the call", Duration.ofSeconds(20),
                () -> "on-call".equals(agentStates.get("agent-1001")));
        String id = "chat-it-3";
        MediaQueued queued = Rig.ask(server, MediaAddresses.ENQUEUE, chat(id, "support"));
        assertEquals("waiting", queued.outcome(), "agent-1001 is on a call");
        assertEquals(1, queued.position());
        Thread.sleep(1_000);
        assertTrue(!offeredTo(id, "agent-1001"), "no chat while on the call");
        Rig.awaitTrue("the chat offered after the call", Duration.ofSeconds(20), () -> offeredTo(id, "agent-1001"));
        assertTrue(List.of("available", "wrap-up").contains(agentStates.get("agent-1001")));
        Rig.ask(server, MediaAddresses.END, new EndMedia(id, EndMedia.CUSTOMER_LEFT, Instant.now()));
    }

    private static String column(String id, String column) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select " + column + " from interactions where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** kind:queue:outcome of each segment, in order. */
    private static List<String> segments(String id) throws Exception {
        List<String> list = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement(
                     "select kind, queue, outcome from interaction_segments where interaction_id = ? order by seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
                }
            }
        }
        return list;
    }
}
