package cc.launcher;

import cc.core.config.ConfigNode;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.CallOffered;
import cc.core.contract.CallQueued;
import cc.core.contract.CallbackRequest;
import cc.core.contract.ConsoleAddresses;
import cc.core.contract.ScheduleCallback;
import cc.core.contract.CallOverflowed;
import cc.core.contract.QueuePositionAnnounced;
import cc.core.contract.QueueStatsUpdated;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.CallOutcome;
import cc.simulator.DtmfStep;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ACD inside the whole server, over real sockets: callers run an IVR flow over FastAGI that hands them to a
 * queue, the ACD rings simulated agent phones through AMI originates, and interaction records land in PostgreSQL.
 * Each test uses queues and agents of its own, so the tests do not disturb each other.
 */
class AcdEndToEndIT {
    private static final String SECRET = "acd-e2e-secret";
    /**
     * The caller keys the queue while the menu waits for a key (3 s after its 300 ms prompt). Not earlier: on a
     * loaded machine the menu may start a second after the answer, and a key pressed before it is lost, as on a real
     * Asterisk, sending the caller to the fallback queue.
     */
    private static final long KEY_AT_MS = 1_500;
    /**
     * The announcement's last Persian fragment lasts 30 s here, so an agent can be bridged in while it plays. The
     * announcing queue's agent talks 12 s on every call (the first caller is hung up sooner by the test).
     */
    private static final String LONG_PROMPT = "fa/queue/is";
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static final List<AgentStateChanged> agentStates = new CopyOnWriteArrayList<>();
    private static final List<CallOffered> offers = new CopyOnWriteArrayList<>();
    private static final List<CallOverflowed> overflows = new CopyOnWriteArrayList<>();
    private static final AtomicReference<QueueStatsUpdated> lastStats = new AtomicReference<>();
    /** The last figures that carried every agent (the others carry only the agents whose figures changed). */
    private static final AtomicReference<QueueStatsUpdated> lastFullStats = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        PhoneBehaviour answers = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300), Distribution.fixed(1_500));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(300).withPrompt(LONG_PROMPT, 30_000))
                .phones(Phones.builder()
                        .number("2001", answers)
                        .number("2101", PhoneBehaviour.neverAnswers())
                        .number("2102", answers)
                        .number("2401", answers)
                        .number("2501", PhoneBehaviour.answersAfter(Distribution.fixed(20_000)))
                        .number("2601", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300),
                                Distribution.fixed(2_000)))
                        .number("2701", answers)
                        .number("2801", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300),
                                Distribution.fixed(12_000)))
                        .build())
                .build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("acd-e2e.yaml", Rig.serverYaml(simulator, agiPort, "acd-flows", "acd", pg,
                "acd:",
                "  ringTimeout: 1500ms",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  queues:",
                "    - {id: sales, wrapUp: 0s}",
                "    - {id: rna}",
                "    - {id: lonely, skills: 'klingon:9'}",
                "    - {id: short, waitLimit: 1s, overflow: 'queue:overflowed', skills: 'klingon:9'}",
                "    - {id: overflowed}",
                "    - {id: slowring}",
                "    - {id: cbq}",
                "    - {id: promised}",
                "    - {id: announced, wrapUp: 0s, announceEvery: 5s, expectedHandleTime: 100s}",
                "  agents:",
                "    - {id: seller, phone: PJSIP/2001, queues: [sales]}",
                "    - {id: sleeper, phone: PJSIP/2101, queues: [rna]}",
                "    - {id: backup, phone: PJSIP/2102, queues: [rna]}",
                "    - {id: lonely-agent, phone: PJSIP/2999, queues: [lonely], skills: 'klingon:1'}",
                "    - {id: catcher, phone: PJSIP/2401, queues: [overflowed]}",
                "    - {id: slow, phone: PJSIP/2501, queues: [slowring]}",
                "    - {id: cb-agent, phone: PJSIP/2601, queues: [cbq]}",
                "    - {id: promiser, phone: PJSIP/2701, queues: [promised]}",
                "    - {id: announcer, phone: PJSIP/2801, queues: [announced]}",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        var bus = server.vertx().eventBus();
        bus.<AgentStateChanged>consumer(Addresses.ACD_AGENT_STATE_CHANGED, m -> agentStates.add(m.body()));
        bus.<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> offers.add(m.body()));
        bus.<CallOverflowed>consumer(AcdAddresses.CALL_OVERFLOWED, m -> overflows.add(m.body()));
        bus.<QueueStatsUpdated>consumer(Addresses.ACD_QUEUE_STATS_UPDATED, m -> {
            lastStats.set(m.body());
            if (m.body().agents().size() == 9) {
                lastFullStats.set(m.body());
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    @DisplayName("a caller the IVR queues reaches the queue's agent, and the record names the queue and the agent")
    void callReachesAgent() throws Exception {
        String caller = "09130000001";
        CallOutcome outcome = simulator.placeInboundCall(InboundCall.of(caller, "Sales Caller", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "1")).withPatienceMs(20_000)).awaitEnd(Duration.ofSeconds(30));
        assertTrue(outcome.reachedAgent(), "the caller was bridged to the agent's phone: " + outcome);
        assertFalse(outcome.abandoned());
        Rig.awaitTrue("the record names queue sales and agent seller", Duration.ofSeconds(10),
                () -> "sales/seller".equals(queueAndAgent(caller)));
    }

    @Test
    @DisplayName("a call the IVR queues to an agent tells other systems, in order: started, answered by the IVR,"
            + " answered by the agent, ended")
    void callEventsInOrder() throws Exception {
        String caller = "09130000091";
        assertTrue(simulator.placeInboundCall(InboundCall.of(caller, "Outbox Caller", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "1")).withPatienceMs(20_000)).awaitEnd(Duration.ofSeconds(30))
                .reachedAgent());
        Rig.awaitTrue("the call's ended event is in the outbox", Duration.ofSeconds(10),
                () -> outboxOf(caller).stream().anyMatch(e -> e.startsWith("interaction.ended")));

        assertEquals(List.of("interaction.started", "interaction.answered by ivr", "interaction.answered by seller",
                "interaction.ended"), outboxOf(caller));
    }

    /** The outbox events of the caller's interaction in the order the relay reads them, answers naming who. */
    private static List<String> outboxOf(String callerNumber) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select o.event_type, o.payload from outbox_events o"
                     + " join interactions i on i.id = o.entity_id where i.caller_number = ? order by o.seq")) {
            ps.setString(1, callerNumber);
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject(rs.getString(2));
                    String by = body.getString("answeredBy");
                    out.add(rs.getString(1) + (by == null ? ""
                            : " by " + ("agent".equals(by) ? body.getString("answeredByAgent") : by)));
                }
            }
            return out;
        }
    }

    @Test
    @DisplayName("when the agent frees up, a higher-priority caller who came later is offered before an earlier one")
    void priorityBeatsArrival() throws Exception {
        SimulatedCall busy = simulator.placeInboundCall(InboundCall.of("09130000011", "First", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "1")).withPatienceMs(20_000));
        Thread.sleep(100);
        SimulatedCall plain = simulator.placeInboundCall(InboundCall.of("09130000012", "Plain", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "1")).withPatienceMs(20_000));
        Thread.sleep(400);
        SimulatedCall vip = simulator.placeInboundCall(InboundCall.of("09130000013", "Vip", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "6")).withPatienceMs(20_000));
        for (SimulatedCall c : List.of(busy, plain, vip)) {
            assertTrue(c.awaitEnd(Duration.ofSeconds(30)).reachedAgent(), "every caller reached the agent");
        }
        List<String> order = offers.stream().map(CallOffered::callerUniqueId)
                .filter(id -> List.of(busy.uniqueid(), plain.uniqueid(), vip.uniqueid()).contains(id)).toList();
        assertEquals(List.of(busy.uniqueid(), vip.uniqueid(), plain.uniqueid()), order,
                "the agent got the first caller, then the priority caller, then the earlier plain one");
    }

    @Test
    @DisplayName("a waiting caller who asks to be called back and hangs up keeps the place ahead of later callers")
    void callbackKeepsPlace() throws Exception {
        SimulatedCall busy = simulator.placeInboundCall(InboundCall.of("09130000021", "Busy", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "7")).withPatienceMs(20_000));
        Rig.awaitTrue("the agent is on the first call", Duration.ofSeconds(10),
                () -> offers.stream().anyMatch(o -> o.callerUniqueId().equals(busy.uniqueid())));
        SimulatedCall early = simulator.placeInboundCall(InboundCall.of("09130000022", "Early", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "7")).withPatienceMs(20_000));
        Rig.awaitTrue("the early caller waits", Duration.ofSeconds(5), () -> figures("cbq").waiting() == 1);
        server.vertx().eventBus().request(AcdAddresses.CALL_REQUEST_CALLBACK,
                new CallbackRequest(early.uniqueid(), "09130000022")).toCompletionStage().toCompletableFuture()
                .get(5, java.util.concurrent.TimeUnit.SECONDS);
        early.hangup();
        SimulatedCall late = simulator.placeInboundCall(InboundCall.of("09130000023", "Late", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "7")).withPatienceMs(20_000));
        assertTrue(late.awaitEnd(Duration.ofSeconds(30)).reachedAgent(), "the later caller is answered after");
        List<CallOffered> order = offers.stream().filter(o -> o.agentId().equals("cb-agent")).toList();
        assertEquals(List.of(busy.uniqueid(), early.uniqueid(), late.uniqueid()),
                order.stream().map(CallOffered::callerUniqueId).toList(), "offer order: " + order);
        assertEquals("true", order.get(1).data().get("callback"), "the second offer places the callback");
    }

    @Test
    @DisplayName("a call back an agent promised in the console is placed at its time by the queue's agent")
    void promisedCallbackIsPlaced() throws Exception {
        Instant due = Instant.now().plusSeconds(2);
        CallQueued queued = server.vertx().eventBus().<CallQueued>request(ConsoleAddresses.CALLBACK_SCHEDULE,
                new ScheduleCallback("09130000031", due, 0, "promised", "promiser", "", "fee question", "promiser"))
                .toCompletionStage().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS).body();
        assertEquals("promised", queued.queue());
        assertEquals("callback", queued.outcome());
        Rig.awaitTrue("the callback is offered to the queue's agent", Duration.ofSeconds(15),
                () -> offers.stream().anyMatch(o -> o.agentId().equals("promiser")
                        && "true".equals(o.data().get("callback"))));
        CallOffered offer = offers.stream().filter(o -> o.agentId().equals("promiser")).findFirst().orElseThrow();
        assertTrue(!offer.at().isBefore(due.minusMillis(200)), "not placed before its time: " + offer.at());
    }

    @Test
    @DisplayName("an agent whose phone is not answered is paused ring-no-answer and the caller rings the next agent")
    void ringNoAnswerGoesToNextAgent() throws Exception {
        CallOutcome outcome = simulator.placeInboundCall(InboundCall.of("09130000002", "Patient", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "2")).withPatienceMs(20_000)).awaitEnd(Duration.ofSeconds(30));
        assertTrue(outcome.reachedAgent(), "the caller reached the backup agent: " + outcome);
        assertTrue(agentStates.stream().anyMatch(s -> s.agentId().equals("sleeper") && s.state().equals("paused")
                && s.reason().equals("ring-no-answer")), "the sleeper was paused ring-no-answer: " + agentStates);
        assertTrue(agentStates.stream().anyMatch(s -> s.agentId().equals("backup") && s.state().equals("on-call")),
                "the backup agent took the call");
        ServerTables tables = new ServerTables(pg);
        Rig.awaitTrue("the record shows both rings and the talk", Duration.ofSeconds(10), () -> tables
                .segments("09130000002").equals(List.of("ivr enqueued", "queue @rna answered",
                        "offer sleeper @rna no-answer", "offer backup @rna answered", "talk backup @rna agent-hung-up")));
        assertEquals("backup", tables.summary("09130000002", "handled_by"), "only the backup agent talked");
        assertEquals("backup", tables.summary("09130000002", "agent_id"));
        assertNotNull(tables.summary("09130000002", "agent_answered_at"));
        assertNull(tables.summary("09130000002", "abandoned_where"));
    }

    @Test
    @DisplayName("a caller nobody can take hangs up after its patience and is counted abandoned on the wallboard")
    void abandonIsCounted() throws Exception {
        CallOutcome outcome = simulator.placeInboundCall(InboundCall.of("09130000003", "Gives Up", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "3")).withPatienceMs(3_000)).awaitEnd(Duration.ofSeconds(30));
        assertTrue(outcome.abandoned(), "the caller gave up: " + outcome);
        assertTrue(offers.stream().noneMatch(o -> o.agentId().equals("lonely-agent")),
                "the agent without the skill level the queue needs was never offered the caller");
        assertFalse(outcome.reachedAgent());
        Rig.awaitTrue("the wallboard counts one abandon in queue lonely", Duration.ofSeconds(5),
                () -> figures("lonely").abandoned() == 1 && figures("lonely").waiting() == 0);
    }

    @Test
    @DisplayName("a caller past the queue's wait limit overflows to the next queue and is answered there")
    void overflowAfterWaitLimit() throws Exception {
        SimulatedCall call = simulator.placeInboundCall(InboundCall.of("09130000004", "Overflow", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "4")).withPatienceMs(20_000));
        CallOutcome outcome = call.awaitEnd(Duration.ofSeconds(30));
        assertTrue(outcome.reachedAgent(), "answered in the overflow queue: " + outcome);
        assertTrue(overflows.stream().anyMatch(o -> o.fromQueue().equals("short") && o.target().equals("queue")
                && o.reason().equals("wait-limit")), "overflow published: " + overflows);
        Rig.awaitTrue("the record names the overflow queue and its agent", Duration.ofSeconds(10),
                () -> "overflowed/catcher".equals(queueAndAgent("09130000004")));
        List<String> segments = new ServerTables(pg).segments("09130000004");
        assertEquals(List.of("ivr enqueued", "queue @short overflow", "queue @overflowed answered"),
                segments.subList(0, 3), segments.toString());
    }

    @Test
    @DisplayName("the caller hanging up while the agent's phone rings cancels the agent's leg and frees the agent")
    void callerHangupCancelsAgentLeg() throws Exception {
        SimulatedCall call = simulator.placeInboundCall(InboundCall.of("09130000005", "Hangs Up", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "5")).withPatienceMs(0));
        Rig.awaitTrue("the agent's phone rings", Duration.ofSeconds(10), () -> simulator.channels().stream()
                .anyMatch(c -> c.name().startsWith("PJSIP/2501-")));
        call.hangup();
        Rig.awaitTrue("the agent's leg is hung up", Duration.ofSeconds(5), () -> simulator.channels().stream()
                .noneMatch(c -> c.name().startsWith("PJSIP/2501-")));
        Rig.awaitTrue("the agent is available again", Duration.ofSeconds(5), () -> {
            List<AgentStateChanged> slow = agentStates.stream().filter(s -> s.agentId().equals("slow")).toList();
            return !slow.isEmpty() && slow.get(slow.size() - 1).state().equals("available")
                    && slow.stream().anyMatch(s -> s.state().equals("ringing"));
        });
        ServerTables tables = new ServerTables(pg);
        Rig.awaitTrue("the record: abandoned while the agent's phone rang", Duration.ofSeconds(10), () -> tables
                .segments("09130000005").equals(List.of("ivr enqueued", "queue @slowring abandoned",
                        "offer slow @slowring caller-left")));
        assertEquals("ringing", tables.summary("09130000005", "abandoned_where"));
        assertNull(tables.summary("09130000005", "agent_id"), "the agent who was only rung is not the call's agent");
        assertEquals("", tables.summary("09130000005", "handled_by"), "no agent talked");
        assertNull(tables.summary("09130000005", "agent_answered_at"));
        assertNotNull(tables.summary("09130000005", "answered_at"), "the IVR answered");
    }

    @Test
    @DisplayName("wallboard figures arrive at least once a second with every queue, and with every agent every 10 s")
    void wallboardFigures() throws Exception {
        lastStats.set(null);
        Rig.awaitTrue("figures arrive", Duration.ofMillis(1_500), () -> lastStats.get() != null);
        QueueStatsUpdated first = lastStats.get();
        Rig.awaitTrue("newer figures within a second", Duration.ofMillis(1_500),
                () -> lastStats.get().at().isAfter(first.at()));
        QueueStatsUpdated s = lastStats.get();
        assertEquals(List.of("sales", "rna", "lonely", "short", "overflowed", "slowring", "cbq", "promised",
                "announced"), s.queues().stream().map(QueueStatsUpdated.QueueFigures::queue).toList());
        // between the publications of every agent only the changed ones go out (1,500 agents five times a second
        // were most of the traffic between nodes); every agent at least every 10 s, for pages and nodes that start
        lastFullStats.set(null);
        Rig.awaitTrue("figures with every agent within 10 s", Duration.ofSeconds(11),
                () -> lastFullStats.get() != null);
        assertEquals(9, lastFullStats.get().agents().size());
    }

    @Test
    @DisplayName("a Persian caller waiting behind another hears the place and the wait in Persian through the IVR; "
            + "the agent bridged in mid-announcement wins, and the record keeps the IVR path, queue and agent")
    void waitingCallerHearsPositionAndBridgeWins() throws Exception {
        List<QueuePositionAnnounced> announced = new CopyOnWriteArrayList<>();
        server.vertx().eventBus().<QueuePositionAnnounced>consumer(AcdAddresses.CALL_POSITION_ANNOUNCED,
                m -> announced.add(m.body()));
        SimulatedCall first = simulator.placeInboundCall(InboundCall.of("09130000041", "Ahead", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "9")).withPatienceMs(120_000));
        Rig.awaitTrue("the agent talks to the first caller", Duration.ofSeconds(10), () -> simulator.channels()
                .stream().anyMatch(c -> c.name().equals(first.channel()) && !c.bridgeId().isEmpty()));
        String persianNumber = "09130000042";
        SimulatedCall waiting = simulator.placeInboundCall(InboundCall.of(persianNumber, "Sara", "02100000")
                .withDtmf(new DtmfStep(KEY_AT_MS, "8")).withPatienceMs(120_000));
        try {
            Rig.awaitTrue("the waiting caller is redirected to the announcement", Duration.ofSeconds(15),
                    () -> simulator.channels().stream().anyMatch(c -> c.name().equals(waiting.channel())
                            && c.context().equals("cc-announce") && c.application().equals("AGI")));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; announced " + announced + "; channels "
                    + simulator.channels(), e);
        }
        Thread.sleep(2_500); // the short fragments (300 ms each) are over: the 30 s one plays now
        first.hangup();
        Rig.awaitTrue("the agent is bridged to the waiting caller", Duration.ofSeconds(10), () -> simulator
                .channels().stream().anyMatch(c -> c.name().equals(waiting.channel()) && !c.bridgeId().isEmpty()));
        first.awaitEnd(Duration.ofSeconds(10));
        // the agent hangs up after 12 s; a caller sent back to cc-hold would wait out its 120 s patience instead
        CallOutcome outcome = waiting.awaitEnd(Duration.ofSeconds(30));
        assertTrue(outcome.reachedAgent(), "the waiting caller reached the agent: " + outcome);
        assertFalse(outcome.abandoned(), "the caller's leg ended with the agent's, by the dialplan: " + outcome);
        assertEquals("", outcome.variables().get("AGISTATUS"),
                "the announcement's AGI status stayed on the channel Asterisk left behind: " + outcome.variables());

        List<String> agi = outcome.agiTranscript();
        int start = agi.indexOf(agi.stream().filter(l -> l.contains("/queue-position?")).findFirst()
                .orElseThrow(() -> new AssertionError("no announcement session: " + agi)));
        QueuePositionAnnounced said = announced.stream().filter(a -> a.callId().equals(waiting.uniqueid()))
                .filter(a -> agi.get(start).endsWith("position=" + a.position() + "&wait="
                        + a.estimatedWaitSeconds() + "&lang=fa")).findFirst()
                .orElseThrow(() -> new AssertionError(agi.get(start) + " matches no announcement " + announced));
        assertEquals(1, said.position(), "one caller ahead was being served, so this caller is next");
        assertTrue(said.estimatedWaitSeconds() >= 0, "the queue is staffed, so there is an estimate: " + said);
        List<String> heard = agi.subList(start, agi.size()).stream().filter(l -> l.startsWith("> STREAM FILE"))
                .map(AcdEndToEndIT::fileOf).toList();
        List<String> expected = new java.util.ArrayList<>(List.of("fa/queue/you-are-caller", "fa/num/1",
                "fa/queue/in-line", "fa/queue/expected-wait"));
        long minutes = Math.max(1, Math.round(said.estimatedWaitSeconds() / 60.0));
        expected.add("fa/num/" + minutes);
        expected.addAll(List.of("fa/queue/minute", LONG_PROMPT));
        assertEquals(expected, heard, "the announcement in Persian: " + agi.subList(start, agi.size()));
        String lastReply = agi.get(agi.lastIndexOf("> STREAM FILE \"" + LONG_PROMPT + "\" \"\"") + 1);
        assertTrue(lastReply.startsWith("< 200 result=-1 endpos="), "the bridge took the caller out of the long "
                + "prompt, answered as Asterisk answers a STREAM FILE whose channel left (agi-06): " + agi);

        Rig.awaitTrue("the record names queue announced and agent announcer", Duration.ofSeconds(10),
                () -> "announced/announcer".equals(queueAndAgent(persianNumber)));
        Rig.awaitTrue("the record is ended", Duration.ofSeconds(10), () -> endedAt(persianNumber) != null);
        assertEquals(List.of("answer", "choose", "persian", "to-announced"), path(persianNumber),
                "the announcement added no IVR step");
    }

    /** The file of a {@code > STREAM FILE} transcript line, quoted or not. */
    private static String fileOf(String line) {
        String rest = line.substring("> STREAM FILE ".length());
        int end = rest.startsWith("\"") ? rest.indexOf('"', 1) : rest.indexOf(' ');
        return rest.startsWith("\"") ? rest.substring(1, end) : end < 0 ? rest : rest.substring(0, end);
    }

    private static Instant endedAt(String callerNumber) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select ended_at from interactions where caller_number = ?")) {
            ps.setString(1, callerNumber);
            try (ResultSet rs = ps.executeQuery()) {
                java.sql.Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return t == null ? null : t.toInstant();
            }
        }
    }

    private static List<String> path(String callerNumber) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select s.node from interaction_ivr_steps s join interactions i"
                     + " on i.id = s.interaction_id where i.caller_number = ? order by s.seq")) {
            ps.setString(1, callerNumber);
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static QueueStatsUpdated.QueueFigures figures(String queue) {
        QueueStatsUpdated s = lastStats.get();
        if (s == null) {
            return new QueueStatsUpdated.QueueFigures(queue, -1, 0, 0, -1, 0, 0, 0);
        }
        return s.queues().stream().filter(q -> q.queue().equals(queue)).findFirst().orElseThrow();
    }

    private static String queueAndAgent(String callerNumber) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement(
                     "select queue, agent_id from interactions where caller_number = ?")) {
            ps.setString(1, callerNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) + "/" + rs.getString(2) : null;
            }
        }
    }

}
