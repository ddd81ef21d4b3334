package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.config.ConfigNode;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web chat through the whole server with nothing stood in: a visitor's WebSocket on the public chat page, the real
 * ACD offering the chat to a signed-in agent's console, the agent accepting it, lines both ways, the visitor leaving,
 * and the chat's interaction record and transcript in PostgreSQL.
 */
class ChatEndToEndIT {
    private static final String SECRET = "chat-e2e-secret";
    private static final String PASSWORD = "chat-e2e-password";
    private static PostgresTestDatabase pg;
    private static ServerTables tables;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static final Map<String, String> agentStates = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        tables = new ServerTables(pg);
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder().amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "day?lang=en").build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("chat-e2e.yaml", Rig.serverYaml(simulator, agiPort,
                "day-flows", "day", pg,
                "acd:",
                "  server: pbx1",
                "  agentsAvailableAtStart: false",
                "  capacity: {voice: 1, chat: 2, email: 1}",
                "  queues: [{id: support}]",
                "  agents:",
                "    - {id: amir, phone: PJSIP/4001, queues: [support]}",
                "chat: {defaultQueue: support}",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        server.console().users().save(new UserAccount(new Principal("amir", "Amir", Role.AGENT, "amir", "en", ""),
                new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        server.vertx().eventBus().<AgentStateChanged>consumer(Addresses.ACD_AGENT_STATE_CHANGED,
                m -> agentStates.put(m.body().agentId(), m.body().state()));
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    @DisplayName("a visitor's chat is offered by the ACD to the available agent, accepted in the console, lines go both"
            + " ways, the visitor leaves; the record has its segments and the transcript both lines")
    void visitorAndAgentThroughTheAcd() throws Exception {
        String base = "http://127.0.0.1:" + server.httpPort();
        ConsoleClient amir = new ConsoleClient(base);
        assertEquals(200, amir.signIn("amir", PASSWORD).statusCode());
        ConsoleClient.Live live = amir.live();
        assertEquals(204, amir.change("POST", "/api/agent/state", new JsonObject().put("state", "available"))
                .statusCode());
        Rig.awaitTrue("amir available", Duration.ofSeconds(10), () -> "available".equals(agentStates.get("amir")));

        ConsoleClient.Live visitor = new ConsoleClient.Live();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", base)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.httpPort() + "/help/chat/ws"), visitor).join();
        socket.sendText(new JsonObject().put("type", "join").put("name", "Reza").put("topic", "refund for order 42")
                .put("language", "en").encode(), true).join();
        String chatId = visitor.next("chat-joined").getString("chatId");

        JsonObject offer = live.next("media-offer");
        assertEquals(chatId, offer.getString("interactionId"));
        assertEquals("CHAT", offer.getString("channel"));
        assertEquals(200, amir.change("POST", "/api/media/" + chatId + "/accept", new JsonObject()).statusCode());
        live.next("chat-opened");
        visitor.next("chat-assigned");

        socket.sendText(new JsonObject().put("type", "message").put("text", "salam").encode(), true).join();
        assertEquals("salam", live.next("chat-message").getString("text"));
        assertEquals(202, amir.change("POST", "/api/chats/" + chatId + "/messages",
                new JsonObject().put("text", "hello Reza")).statusCode());
        JsonObject line = visitor.next("chat-message");
        if ("visitor".equals(line.getString("from"))) {
            line = visitor.next("chat-message"); // the visitor's own line comes back with its sequence number first
        }
        assertEquals("agent", line.getString("from"));
        assertEquals("hello Reza", line.getString("text"));

        socket.sendText(new JsonObject().put("type", "leave").encode(), true).join();
        Rig.awaitTrue("the chat's record ended with the visitor leaving", Duration.ofSeconds(15),
                () -> "customer-left".equals(column(chatId, "end_cause")));
        assertEquals("chat", column(chatId, "channel").toLowerCase());
        assertEquals("amir", column(chatId, "agent_id"));
        List<String> kinds = segmentKinds(chatId);
        assertTrue(kinds.containsAll(List.of("queue", "offer", "talk")), kinds.toString());
        Rig.awaitTrue("both lines stored", Duration.ofSeconds(10), () -> lines(chatId) == 2);
    }

    private static String column(String id, String column) throws Exception {
        return tables.one(String.class, "select " + column + " from interactions where id = ?", id);
    }

    private static List<String> segmentKinds(String id) throws Exception {
        return tables.rows("select kind from interaction_segments where interaction_id = ? order by seq", id);
    }

    private static long lines(String id) throws Exception {
        return tables.one(Long.class, "select count(*) from chat_messages where interaction_id = ?", id);
    }
}
