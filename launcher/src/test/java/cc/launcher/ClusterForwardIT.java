package cc.launcher;

import cc.acd.app.AcdVerticle;
import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.config.ConfigNode;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.ClickToTalkAddresses;
import cc.core.contract.ClickToTalkQuery;
import cc.core.contract.ClickToTalkRequest;
import cc.core.contract.ClickToTalkStatus;
import cc.core.contract.AddDoNotCall;
import cc.core.contract.ContactListBuilt;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialPreviewRecord;
import cc.core.contract.DialerAddresses;
import cc.core.contract.DoNotCallAdded;
import cc.core.contract.ImportContactList;
import cc.core.contract.PreviewDialled;
import cc.core.contract.PreviewRecord;
import cc.core.contract.SaveCampaign;
import cc.core.contract.ScheduleCampaignCallback;
import cc.core.contract.SkipPreviewRecord;
import cc.core.contract.TakePreviewRecord;
import cc.core.testkit.PostgresTestDatabase;
import cc.dialer.app.DialerVerticle;
import cc.simulator.AsteriskSimulator;
import cc.simulator.DtmfStep;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.dialplan.DefaultDialplan;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two server nodes on loopback joined by the clustered event bus, one real Redis, one real PostgreSQL, one simulator
 * (whose FastAGI goes to n1): n1 holds the routing and dialer leases, n2 is a standby. What an agent or a visitor does
 * on n2 is carried out by n1 and answered as if local: preview records taken, skipped and dialled; a click-to-talk
 * request; a callback booked on a campaign's record; a number added to the do-not-call list; a call held. A visitor on
 * n2 and an agent on n1 chat over real WebSockets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterForwardIT {
    private static final String SECRET = "cluster-forward-secret";
    private static final String PASSWORD = "a long enough pass phrase";
    private static final String P1 = "09120000701";
    private static final String P2 = "09120000702";
    private static final String CALL_ME = "09120000711";
    private static final String CALL_BACK = "09120000721";
    private static final String DNC_0 = "09120000730";
    private static final String DNC_1 = "09120000731";
    private static final String DNC_2 = "09120000732";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static PostgresTestDatabase pg;
    private static ServerTables tables;
    private static AsteriskSimulator simulator;
    private static Server n1;
    private static Server n2;
    private static final List<ClickToTalkStatus> statuses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        tables = new ServerTables(pg);
        int agiPort = Rig.freePort();
        PhoneBehaviour agent = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200), Distribution.fixed(20_000));
        PhoneBehaviour customer = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(400), Distribution.fixed(2_500));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "control?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(500))
                .phones(Phones.builder()
                        .prefix("30", PhoneBehaviour.answersAfter(Distribution.fixed(200)))
                        .number("3101", agent)
                        .number("3201", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200),
                                Distribution.fixed(3_000)))
                        .number(P1, customer).number(P2, customer)
                        // the key comes 1.5 s after the answer: while the confirmation prompt waits for it
                        .number(CALL_ME, PhoneBehaviour.answersAfter(Distribution.fixed(300))
                                .withKeys(new DtmfStep(1_500, "1")))
                        .build())
                .build());
        String prefix = "cc_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
        String cluster = "cc-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<Integer> ports = List.of(Rig.freePort(), Rig.freePort());
        n1 = startNode("n1", agiPort, 0, ports, prefix, cluster);
        Rig.awaitTrue("n1 holds the routing and dialer leases", Duration.ofSeconds(5),
                () -> holder(n1, AcdVerticle.LEASE).equals(Optional.of("n1"))
                        && holder(n1, DialerVerticle.LEASE).equals(Optional.of("n1")));
        n2 = startNode("n2", 0, 1, ports, prefix, cluster);
        Rig.awaitTrue("two members", Duration.ofSeconds(15), () -> n1.cluster().orElseThrow().members().size() == 2);
        n1.vertx().eventBus().<ClickToTalkStatus>consumer(ClickToTalkAddresses.STATUS, m -> statuses.add(m.body()));
        for (String[] u : new String[][] {{"ali", "a1"}, {"amir", "amir"}}) {
            n1.console().users().save(new UserAccount(new Principal(u[0], u[0], Role.AGENT, u[1], "en", ""),
                    new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(n2, n1, simulator, pg);
    }

    @Test
    @DisplayName("preview records taken, skipped and dialled through the standby are reserved and dialled by the "
            + "dialling node, its refusals answered as they are there")
    void previewThroughTheStandby() throws Exception {
        ContactListBuilt built = Rig.ask(n1, DialerAddresses.LIST_IMPORT, new ImportContactList("pv", "pv",
                "phone,name\n" + P1 + ",Parisa One\n" + P2 + ",Parviz Two\n", "mina"));
        assertEquals(2, built.accepted(), built.problems().toString());
        CampaignDefinition pv = new CampaignDefinition("pv", "Preview", List.of("pv"), "PREVIEW", TODAY.minusDays(1),
                TODAY.plusDays(1), LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), Set.of(), Set.of(),
                Map.of("NO_ANSWER", Duration.ofHours(1)), 3, "USD", new BigDecimal("0.05"), new BigDecimal("0.02"),
                new BigDecimal("25"), "US-TSR", 5, "preview", "HANGUP");
        Rig.ask(n1, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(pv, "mina"));
        Rig.ask(n1, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign("pv", "START", "mina"));

        java.util.concurrent.atomic.AtomicReference<PreviewRecord> taken = new java.util.concurrent.atomic.AtomicReference<>();
        Rig.awaitTrue("n1 runs the campaign and gives a record through n2", Duration.ofSeconds(10), () -> {
            try {
                taken.set(Rig.ask(n2, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord("pv-agent")));
                return true;
            } catch (java.util.concurrent.ExecutionException notYet) {
                return false;
            }
        });
        PreviewRecord first = taken.get();
        assertEquals(first, Rig.ask(n2, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord("pv-agent")),
                "asked again through the standby: the record the agent holds on the dialling node");
        assertEquals(409, Rig.refused(n2, DialerAddresses.PREVIEW_DIAL,
                new DialPreviewRecord("pv", first.contactId(), "someone-else")).failureCode(),
                "the dialling node's refusal, as it is there");
        Rig.ask(n2, DialerAddresses.PREVIEW_SKIP, new SkipPreviewRecord("pv", first.contactId(), "pv-agent",
                "asked through n2"));
        PreviewRecord second = Rig.ask(n2, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord("pv-agent"));
        assertNotEquals(first.contactId(), second.contactId());

        PreviewDialled dialled = Rig.ask(n2, DialerAddresses.PREVIEW_DIAL,
                new DialPreviewRecord("pv", second.contactId(), "pv-agent"));
        assertTrue(dialled.attemptId() > 0, dialled.toString());
        Rig.awaitTrue("the record dialled through n2 is connected by n1", Duration.ofSeconds(15),
                () -> "CONNECTED".equals(tables.outcome("pv", second.phone())));
        assertTrue(tables.audit("pv", first.phone()).get(0).startsWith("SKIPPED skipped by agent pv-agent: asked "
                + "through n2"), tables.audit("pv", first.phone()).toString());
    }

    @Test
    @DisplayName("a callback booked through the standby on a running campaign's record is held by the dialling node:"
            + " not offered there before its time, offered there at it; its refusal comes back as it is there")
    void callbackThroughTheStandby() throws Exception {
        startPreview("cbk", "cb", CALL_BACK);
        PreviewRecord skipped = takeOnTheDiallingNode("cb-agent");
        assertEquals("+98" + CALL_BACK.substring(1), skipped.phone());
        Rig.ask(n1, DialerAddresses.PREVIEW_SKIP, new SkipPreviewRecord("cbk", skipped.contactId(), "cb-agent",
                "call me later"));
        assertEquals(404, Rig.refused(n1, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord("cb-agent"))
                .failureCode(), "skipped: the campaign has nothing more to offer");

        Instant at = Instant.now().plusSeconds(3);
        ScheduleCampaignCallback booked = Rig.ask(n2, DialerAddresses.CAMPAIGN_CALLBACK,
                new ScheduleCampaignCallback("cbk", skipped.contactId(), at, "cb-agent"));
        assertEquals(at, booked.at(), "n1's reply, relayed by n2");
        assertEquals(404, Rig.refused(n1, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord("cb-agent"))
                .failureCode(), "not offered by the dialling node before its time");
        Rig.awaitTrue("the dialling node offers the callback once due", Duration.ofSeconds(10), () -> {
            try {
                PreviewRecord r = Rig.ask(n1, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord("cb-agent"));
                assertTrue(!Instant.now().isBefore(at), "offered at " + Instant.now() + ", booked for " + at);
                assertEquals(skipped.contactId(), r.contactId());
                return true;
            } catch (java.util.concurrent.ExecutionException notYet) {
                return false;
            }
        });
        assertEquals(404, Rig.refused(n2, DialerAddresses.CAMPAIGN_CALLBACK,
                new ScheduleCampaignCallback("cbk", "no-such-contact", at, "cb-agent")).failureCode(),
                "the dialling node's refusal, as it is there");
    }

    @Test
    @DisplayName("a number added to the do-not-call list through the standby is refused by the dialling node at once:"
            + " its running campaign skips the number and offers the next")
    void doNotCallThroughTheStandby() throws Exception {
        startPreview("dnc", "dnc", DNC_0, DNC_1, DNC_2);
        PreviewRecord first = takeOnTheDiallingNode("dnc-agent");
        assertEquals("+98" + DNC_0.substring(1), first.phone(), "the list's first record");
        Rig.ask(n1, DialerAddresses.PREVIEW_SKIP, new SkipPreviewRecord("dnc", first.contactId(), "dnc-agent",
                "wrong person"));

        DoNotCallAdded added = Rig.ask(n2, DialerAddresses.DNC_ADD, new AddDoNotCall(DNC_1, "asked not to be called",
                "dnc-agent"));
        assertEquals("+98" + DNC_1.substring(1), added.number(), "n1's reply, relayed by n2");
        // at once: the dialling node reads the list's table only every 2 s, so only the forwarded request can do it
        PreviewRecord next = Rig.ask(n1, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord("dnc-agent"));
        assertEquals("+98" + DNC_2.substring(1), next.phone(), "the number on the do-not-call list is passed over");
        Rig.awaitTrue("the passed-over number is audited", Duration.ofSeconds(5),
                () -> !tables.audit("dnc", "+98" + DNC_1.substring(1)).isEmpty());
        assertEquals(List.of("SKIPPED do-not-call: +98" + DNC_1.substring(1) + " is on the do-not-call list; never"
                + " dialled while it stays there"), tables.audit("dnc", "+98" + DNC_1.substring(1)));
        assertEquals(400, Rig.refused(n2, DialerAddresses.DNC_ADD, new AddDoNotCall("call me", "", "dnc-agent"))
                .failureCode(), "the dialling node's refusal, as it is there");
    }

    /** A preview campaign for the queue's agents over a list of these numbers in this order, started on n1. */
    private static void startPreview(String id, String queue, String... phones) throws Exception {
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < phones.length; i++) {
            csv.append(phones[i]).append(",Customer ").append(i).append('\n');
        }
        ContactListBuilt built = Rig.ask(n1, DialerAddresses.LIST_IMPORT, new ImportContactList(id, id,
                csv.toString(), "mina"));
        assertEquals(phones.length, built.accepted(), built.problems().toString());
        Rig.ask(n1, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(new CampaignDefinition(id, id, List.of(id),
                "PREVIEW", TODAY.minusDays(1), TODAY.plusDays(1), LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59),
                Set.of(), Set.of(), Map.of(), 1, "USD", new BigDecimal("0.05"), new BigDecimal("0.02"),
                new BigDecimal("25"), "US-TSR", 5, queue, "HANGUP"), "mina"));
        Rig.ask(n1, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign(id, "START", "mina"));
    }

    /** The agent's first record, taken on the dialling node once its runner has loaded the campaign. */
    private static PreviewRecord takeOnTheDiallingNode(String agent) throws Exception {
        java.util.concurrent.atomic.AtomicReference<PreviewRecord> taken =
                new java.util.concurrent.atomic.AtomicReference<>();
        Rig.awaitTrue("n1 runs the campaign", Duration.ofSeconds(10), () -> {
            try {
                taken.set(Rig.ask(n1, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord(agent)));
                return true;
            } catch (java.util.concurrent.ExecutionException notYet) {
                return false;
            }
        });
        return taken.get();
    }

    @Test
    @DisplayName("a click-to-talk request made at the standby is taken by the dialling node: the customer's phone rings,"
            + " the customer confirms and reaches an agent; the standby answers the request's state")
    void clickToTalkThroughTheStandby() throws Exception {
        Instant now = Instant.now();
        ClickToTalkStatus reply = Rig.ask(n2, ClickToTalkAddresses.REQUEST, new ClickToTalkRequest("ctt-cluster",
                CALL_ME, "en", "support", "invoice", Optional.empty(), now, now));
        assertEquals(ClickToTalkStatus.SCHEDULED, reply.state());
        Rig.awaitTrue("the customer confirmed and reached an agent", Duration.ofSeconds(30),
                () -> states("ctt-cluster").contains(ClickToTalkStatus.CONNECTED));
        assertEquals(List.of("scheduled", "dialling", "confirming", "waiting", "connected"), states("ctt-cluster"));
        ClickToTalkStatus asked = Rig.ask(n2, ClickToTalkAddresses.QUERY, new ClickToTalkQuery("ctt-cluster"));
        assertEquals(ClickToTalkStatus.CONNECTED, asked.state());
        assertEquals(404, Rig.refused(n2, ClickToTalkAddresses.QUERY, new ClickToTalkQuery("nope")).failureCode());
    }

    @Test
    @DisplayName("a visitor on the standby and an agent on the routing node chat over real WebSockets: the offer, "
            + "the lines both ways, typing, the visitor leaving")
    void chatAcrossNodes() throws Exception {
        ConsoleClient amir = new ConsoleClient(base(n1));
        assertEquals(200, amir.signIn("amir", PASSWORD).statusCode());
        ConsoleClient.Live live = amir.live();

        ConsoleClient.Live visitor = new ConsoleClient.Live();
        WebSocket socket = visitorSocket(n2, visitor);
        socket.sendText(new JsonObject().put("type", "join").put("name", "Reza").put("topic", "refund")
                .put("language", "en").encode(), true).join();
        String chatId = visitor.next("chat-joined").getString("chatId");

        JsonObject offer = live.next("media-offer");
        assertEquals(chatId, offer.getString("interactionId"));
        assertEquals(200, amir.change("POST", "/api/media/" + chatId + "/accept", new JsonObject()).statusCode());
        assertEquals(chatId, live.next("chat-opened").getString("chatId"), "n2's desk opened the panel on n1");
        visitor.next("chat-assigned");

        socket.sendText(new JsonObject().put("type", "message").put("text", "salam").encode(), true).join();
        assertEquals("salam", live.next("chat-message").getString("text"), "the visitor's line crossed to n1");
        var said = amir.change("POST", "/api/chats/" + chatId + "/messages", new JsonObject().put("text", "hello Reza"));
        assertEquals(202, said.statusCode(), "n1 passed the agent's line to n2's desk: " + said.body());
        assertEquals(2L, new JsonObject(said.body()).getLong("seq"), "the line's number, from n2's desk");
        JsonObject line = visitor.next("chat-message");
        if ("visitor".equals(line.getString("from"))) {
            line = visitor.next("chat-message"); // the visitor's own line comes back with its sequence number first
        }
        assertEquals("hello Reza", line.getString("text"));
        assertEquals(202, amir.change("POST", "/api/chats/" + chatId + "/typing", new JsonObject().put("typing", true))
                .statusCode());
        assertEquals("agent", visitor.next("chat-typing").getString("from"));
        var notHis = new ConsoleClient(base(n1));
        assertEquals(200, notHis.signIn("ali", PASSWORD).statusCode());
        assertEquals(403, notHis.change("POST", "/api/chats/" + chatId + "/messages",
                new JsonObject().put("text", "not mine")).statusCode(), "n2's desk refuses another agent, as locally");

        socket.sendText(new JsonObject().put("type", "leave").encode(), true).join();
        assertEquals(chatId, live.next("chat-ended").getString("chatId"), "the end reached n1");
        Rig.awaitTrue("both lines stored", Duration.ofSeconds(10), () -> tables.one(Long.class,
                "select count(*) from chat_messages where interaction_id = ?", chatId) == 2);
    }

    /** A visitor's chat socket on a node, as the chat page opens it. */
    private static WebSocket visitorSocket(Server node, ConsoleClient.Live frames) {
        return ConsoleClient.chatVisitor(base(node), frames);
    }

    private static void send(WebSocket socket, JsonObject frame) {
        socket.sendText(frame.encode(), true).join();
    }

    /** The visitor's page comes back on {@code node} with its token, as it does after its socket dropped. */
    private static WebSocket resume(Server node, ConsoleClient.Live frames, String token, long lastSeq) {
        WebSocket socket = visitorSocket(node, frames);
        send(socket, new JsonObject().put("type", "resume").put("token", token).put("lastSeq", lastSeq));
        return socket;
    }

    @Test
    @Order(Integer.MAX_VALUE)  // n2 dies here: the last test of the class
    @DisplayName("a chat moves with its visitor between nodes and outlives its desk's node: the visitor comes back on "
            + "n1 (n2 lets the chat go), then on n2 (n1 lets it go); n2 dies; the agent's next line has n1 take the "
            + "chat over from the store; the visitor comes back on n1 to every line; one transcript; a second chat "
            + "nobody touches after n2 died is found by n1 and ends when the reconnect grace passes")
    void chatOutlivesItsNode() throws Exception {
        ConsoleClient amir = new ConsoleClient(base(n1));
        assertEquals(200, amir.signIn("amir", PASSWORD).statusCode());
        ConsoleClient.Live live = amir.live();
        ConsoleClient.Live onN2 = new ConsoleClient.Live();
        WebSocket first = visitorSocket(n2, onN2);
        send(first, new JsonObject().put("type", "join").put("name", "Reza").put("topic", "refund")
                .put("language", "en"));
        JsonObject joined = onN2.next("chat-joined");
        String chatId = joined.getString("chatId");
        String token = joined.getString("token");
        assertEquals(chatId, live.next("media-offer").getString("interactionId"));
        assertEquals(200, amir.change("POST", "/api/media/" + chatId + "/accept", new JsonObject()).statusCode());
        live.next("chat-opened");
        onN2.next("chat-assigned");
        send(first, new JsonObject().put("type", "message").put("text", "salam"));
        assertEquals("salam", live.next("chat-message").getString("text"));

        // the visitor's page reaches n1 now (its socket to n2 dropped): n2 lets the chat go, n1's desk has it
        ConsoleClient.Live onN1 = new ConsoleClient.Live();
        resume(n1, onN1, token, 1);
        JsonObject back = onN1.next("chat-resumed");
        assertEquals("held", back.getString("state"));
        assertTrue(back.getJsonArray("lines").isEmpty(), "nothing the page had not seen: " + back);
        assertEquals(chatId, onN2.next("chat-moved").getString("chatId"), "a page still on n2 would stop there");
        assertEquals(Integer.valueOf(1000), onN2.closedByServer.get(5, TimeUnit.SECONDS),
                "n2 closed the visitor's old socket as it let the chat go");
        var said = amir.change("POST", "/api/chats/" + chatId + "/messages", new JsonObject().put("text", "hello"));
        assertEquals(202, said.statusCode(), said.body());
        assertEquals(2L, new JsonObject(said.body()).getLong("seq"), "numbered on by n1's desk");
        assertEquals("hello", onN1.next("chat-message").getString("text"));

        // and back to n2: n1 lets it go (the lines it stored so far are all there)
        ConsoleClient.Live onN2Again = new ConsoleClient.Live();
        resume(n2, onN2Again, token, 2);
        assertEquals("held", onN2Again.next("chat-resumed").getString("state"));
        live.next("chat-opened");  // n2's desk told the agent's panel (and every node) where the chat is now
        JsonObject mine = new JsonObject(amir.get("/api/chats").body()).getJsonArray("chats").getJsonObject(0);
        assertEquals(chatId, mine.getString("id"), "amir's page on n1, reloaded, lists the chat n2's desk has");
        assertEquals(2, mine.getJsonArray("lines").size());
        said = amir.change("POST", "/api/chats/" + chatId + "/messages",
                new JsonObject().put("text", "anything else?"));
        assertEquals(202, said.statusCode(), "n1 passed the line to n2's desk: " + said.body());
        assertEquals("anything else?", onN2Again.next("chat-message").getString("text"));
        Rig.awaitTrue("n2 stored the line", Duration.ofSeconds(10), () -> tables.one(Long.class,
                "select count(*) from chat_messages where interaction_id = ?", chatId) == 3);

        // a second chat on n2's desk, held by amir too: after n2 dies nobody touches it (its visitor does not come back)
        ConsoleClient.Live onSara = new ConsoleClient.Live();
        WebSocket sara = visitorSocket(n2, onSara);
        send(sara, new JsonObject().put("type", "join").put("name", "Sara").put("topic", "delivery")
                .put("language", "en"));
        String orphanId = onSara.next("chat-joined").getString("chatId");
        assertEquals(orphanId, live.next("media-offer").getString("interactionId"));
        assertEquals(200, amir.change("POST", "/api/media/" + orphanId + "/accept", new JsonObject()).statusCode());
        onSara.next("chat-assigned");

        // n2 dies with the chats on its desk: the agent's next line finds no desk there, n1's takes the chat over
        Instant died = Instant.now();
        n2.close();
        n2 = null;
        said = amir.change("POST", "/api/chats/" + chatId + "/messages",
                new JsonObject().put("text", "are you there?"));
        assertEquals(202, said.statusCode(), "n1's desk took the chat over from the store: " + said.body());
        assertEquals(4L, new JsonObject(said.body()).getLong("seq"));
        ConsoleClient.Live onN1Again = new ConsoleClient.Live();
        WebSocket last = resume(n1, onN1Again, token, 3);
        JsonObject resumed = onN1Again.next("chat-resumed");
        assertEquals("held", resumed.getString("state"));
        assertEquals(List.of("are you there?"), resumed.getJsonArray("lines").stream()
                .map(l -> ((JsonObject) l).getString("text")).toList(), "the line written after n2 died");
        System.out.printf("chat %s carried on by n1 %d ms after n2 closed%n", chatId,
                Duration.between(died, Instant.now()).toMillis());
        send(last, new JsonObject().put("type", "message").put("text", "yes, thanks, bye"));
        JsonObject line = live.next("chat-message");
        while (!"visitor".equals(line.getString("from"))) {
            line = live.next("chat-message");  // the agent's own lines come back to the panel too
        }
        assertEquals("yes, thanks, bye", line.getString("text"));
        send(last, new JsonObject().put("type", "leave"));
        assertEquals(chatId, live.next("chat-ended").getString("chatId"));
        Rig.awaitTrue("one transcript, every line once, closed on n1", Duration.ofSeconds(10), () -> tables.one(
                Long.class, "select count(*) from chat_messages where interaction_id = ?", chatId) == 5
                && tables.one(Long.class, "select count(*) from chats where interaction_id = ? and ended_at is not"
                + " null and desk_node = 'n1' and end_reason = 'customer-left'", chatId) == 1);
        assertEquals(List.of("salam", "hello", "anything else?", "are you there?", "yes, thanks, bye"), tables.rows(
                "select body from chat_messages where interaction_id = ? order by seq", chatId));

        // the chat nobody touched: n1's desk finds n2 gone and takes it over with its visitor away; the reconnect
        // grace (5 s here) passes and it ends as the visitor's leaving, so amir's chat capacity is free again
        Rig.awaitTrue("the untouched chat of the dead node ends on n1", Duration.ofSeconds(30), () -> tables.one(
                Long.class, "select count(*) from chats where interaction_id = ? and ended_at is not null"
                        + " and desk_node = 'n1' and end_reason = 'customer-left'", orphanId) == 1);
        System.out.printf("untouched chat %s ended by n1 %d ms after n2 closed%n", orphanId,
                Duration.between(died, Instant.now()).toMillis());
        assertTrue(new JsonObject(amir.get("/api/chats").body()).getJsonArray("chats").isEmpty(),
                "amir's page, reloaded, holds no chat");
    }

    @Test
    @DisplayName("an agent whose browser is on the standby holds the call the routing node connected: the request is "
            + "carried out there and the held state is pushed to the agent's socket on the standby")
    void callControlAcrossNodes() throws Exception {
        ConsoleClient ali = new ConsoleClient(base(n2));
        assertEquals(200, ali.signIn("ali", PASSWORD).statusCode());
        ConsoleClient.Live live = ali.live();
        SimulatedCall call = simulator.placeInboundCall(InboundCall.of("09350000001", "Caller", "02100000")
                .withPatienceMs(60_000).withTalkTimeMs(600_000));
        try {
            JsonObject talking = next(live, "call-control", "talking");
            String interactionId = talking.getString("interactionId");
            assertEquals("a1", talking.getString("agentId"));
            var held = ali.change("POST", "/api/calls/" + interactionId + "/control",
                    new JsonObject().put("intent", "hold"));
            assertEquals(200, held.statusCode(), held.body());
            assertEquals("held", new JsonObject(held.body()).getJsonObject("state").getString("state"));
            assertEquals(interactionId, next(live, "call-control", "held").getString("interactionId"),
                    "the routing node's call control pushed the held state to the socket on n2");
            Rig.awaitTrue("the caller hears music", Duration.ofSeconds(5), () -> simulator.channels().stream()
                    .anyMatch(ch -> ch.name().equals(call.channel()) && "MusicOnHold".equals(ch.application())));
        } finally {
            call.hangup();
        }
    }

    /** The next live message of this type whose state is {@code state} (earlier states skipped). */
    private static JsonObject next(ConsoleClient.Live live, String type, String state) {
        while (true) {
            JsonObject m = live.next(type);
            if (state.equals(m.getString("state"))) {
                return m;
            }
        }
    }

    private static List<String> states(String reference) {
        return statuses.stream().filter(s -> s.requestId().equals(reference)).map(ClickToTalkStatus::state)
                .distinct().toList();
    }

    private static String base(Server s) {
        return "http://127.0.0.1:" + s.httpPort();
    }

    private static Optional<String> holder(Server node, String lease) throws Exception {
        return node.liveState().leaseHolder(lease).toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
    }

    private static Server startNode(String id, int agiPort, int index, List<Integer> ports, String prefix,
                                    String cluster) {
        String members = String.join(", ", ports.stream().map(p -> "'127.0.0.1:" + p + "'").toList());
        return Server.start(ServerConfig.read(ConfigNode.parse(id + ".yaml", String.join("\n",
                "node: {id: " + id + "}",
                "http: {port: 0}",
                "asterisk:",
                "  inboundContexts: [cc-inbound, " + DefaultDialplan.NORMALISING_TRUNK_CONTEXT + "]",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + simulator.amiPort() + ", username: cc,"
                        + " secret: '${AMI_SECRET}', reconnectInitialDelay: 200ms, reconnectMaxDelay: 1s}",
                "agi: {port: " + agiPort + "}",
                "ivr: {flows: src/test/resources/cluster-flows, defaultFlow: control}",
                "database: {url: '" + pg.config().url() + "', username: postgres, password: ''}",
                "livestate: {redis: 'redis://127.0.0.1:6379/0', keyPrefix: '" + prefix + "'}",
                "cluster: {enabled: true, name: " + cluster + ", host: 127.0.0.1, port: " + ports.get(index)
                        + ", members: [" + members + "]}",
                "acd:",
                "  leaseTtl: 2s",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  capacity: {voice: 1, chat: 2, email: 1}",
                "  queues:",
                "    - {id: desk, wrapUp: 0s}",
                "    - {id: preview, wrapUp: 500ms}",
                "    - {id: support, wrapUp: 500ms}",
                "    - {id: chat}",
                "    - {id: cb, wrapUp: 0s}",
                "    - {id: dnc, wrapUp: 0s}",
                "  agents:",
                "    - {id: a1, phone: PJSIP/3001, queues: [desk]}",
                "    - {id: pv-agent, phone: PJSIP/3101, queues: [preview]}",
                "    - {id: ctt-agent, phone: PJSIP/3201, queues: [support]}",
                "    - {id: amir, phone: PJSIP/4001, queues: [chat]}",
                "    - {id: cb-agent, phone: PJSIP/3301, queues: [cb]}",
                "    - {id: dnc-agent, phone: PJSIP/3401, queues: [dnc]}",
                "dialer:",
                "  trunk: 'PJSIP/{number}'",
                "  ringTimeout: 15s",
                "  timeZone: UTC",
                "  daysOff: []",
                "  previewHold: 2m",
                "  demo: false",
                "  numbers: {allow: [mobile]}",
                "  clickToTalk: {retries: 0, dialsPerMinute: 5}",
                // a short grace: a chat of a dead node that nobody touches ends this soon after it is taken over
                "chat: {defaultQueue: chat, reconnectGrace: 5s}",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
    }
}
