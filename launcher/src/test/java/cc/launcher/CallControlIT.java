package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.config.ConfigNode;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.CallControlAddresses;
import cc.core.contract.CallControlChanged;
import cc.core.contract.CallControlReply;
import cc.core.contract.CallControlRequest;
import cc.core.contract.CallOffered;
import cc.core.contract.FindInteractionByChannel;
import cc.core.contract.InteractionFound;
import cc.core.contract.RecordingChanged;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.ChannelSnapshot;
import cc.simulator.InboundCall;
import cc.simulator.RecordingSnapshot;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Call control inside the whole server against the simulator over real AMI: an agent on a caller from the ACD holds
 * and resumes, transfers to a queue, an agent or a number, consults and completes or cancels, makes a conference and
 * leaves it, hangs up, and the call is recorded by its queue's policy, paused and resumed. Each intent goes over the
 * event-bus contract the console uses ({@link CallControlAddresses#REQUEST}); what Asterisk does is read from the
 * simulator's channels, what the server wrote from PostgreSQL.
 */
class CallControlIT {
    private static final String SECRET = "call-control-secret";
    private static final String PASSWORD = "call-control-it-password";
    /** Agents' phones answer at once and stay on the line (the tests end every call). */
    private static final PhoneBehaviour STAYS = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200),
            Distribution.fixed(600_000));
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static ServerTables tables;
    private static final List<CallOffered> offers = new CopyOnWriteArrayList<>();
    private static final List<CallControlChanged> changes = new CopyOnWriteArrayList<>();
    private static final List<RecordingChanged> recordings = new CopyOnWriteArrayList<>();
    private static final List<AgentStateChanged> agentStates = new CopyOnWriteArrayList<>();
    private final List<SimulatedCall> placed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        tables = new ServerTables(pg);
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "control?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(200))
                .phones(Phones.builder()
                        .number("3001", STAYS).number("3002", STAYS).number("3003", STAYS).number("3009", STAYS)
                        .number("09121110000", STAYS)
                        .number("3004", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(30_000),
                                Distribution.fixed(600_000)))
                        .build())
                .build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("call-control.yaml", Rig.serverYaml(simulator,
                agiPort, "control-flows", "control", pg,
                "acd:",
                "  ringTimeout: 3s",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  callbackDial: 'PJSIP/{number}'",
                "  queues:",
                "    - {id: desk, wrapUp: 0s, recording: always}",
                "    - {id: help, wrapUp: 0s, recording: never}",
                "    - {id: back, wrapUp: 0s}",
                "  agents:",
                "    - {id: a1, phone: PJSIP/3001, queues: [desk]}",
                "    - {id: a2, phone: PJSIP/3002, queues: [help]}",
                "    - {id: a3, phone: PJSIP/3003, queues: [back]}",
                "    - {id: sup, phone: PJSIP/3009, queues: [back]}",
                "    - {id: slow, phone: PJSIP/3004, queues: [back]}",
                // the simulated Asterisk host's recordings, where a deployment would mount them
                "recording: {retentionDays: 1, readDirectory: '"
                        + simulator.recordingsDir().resolve("var/spool/asterisk/monitor") + "'}",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        for (String agent : List.of("a1", "a2")) {
            server.console().users().save(new UserAccount(new Principal(agent, agent, Role.AGENT, agent, "en", ""),
                    new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        }
        var bus = server.vertx().eventBus();
        bus.<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> offers.add(m.body()));
        bus.<CallControlChanged>consumer(CallControlAddresses.CHANGED, m -> changes.add(m.body()));
        bus.<RecordingChanged>consumer(CallControlAddresses.RECORDING_CHANGED, m -> recordings.add(m.body()));
        bus.<AgentStateChanged>consumer(Addresses.ACD_AGENT_STATE_CHANGED, m -> agentStates.add(m.body()));
    }

    @AfterEach
    void endCalls() throws Exception {
        for (SimulatedCall c : placed) {
            if (!c.isEnded()) {
                c.hangup();
            }
        }
        Rig.awaitTrue("every test call and agent leg is gone", Duration.ofSeconds(15),
                () -> simulator.channels().stream().noneMatch(ch -> ch.name().startsWith("PJSIP/")));
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    @DisplayName("hold sends the caller to the music while the agent's line stays up; resume joins them again")
    void holdAndResume() throws Exception {
        Call call = connected("09350000001", "a1");
        CallControlReply held = ask(call, "a1", "hold", "", "");
        assertTrue(held.ok(), held.toString());
        assertEquals("held", held.state().state());
        Rig.awaitTrue("the caller hears music, out of any bridge", Duration.ofSeconds(5), () -> {
            ChannelSnapshot c = channel(call.channel).orElseThrow();
            return c.bridgeId().isEmpty() && "MusicOnHold".equals(c.application());
        });
        ChannelSnapshot agent = agentLeg("3001").orElseThrow();
        assertTrue(agent.bridgeId().isEmpty(), "the agent's line waits, up: " + agent);
        assertFalse(ask(call, "a1", "hold", "", "").ok(), "a held call cannot be held again");

        CallControlReply resumed = ask(call, "a1", "resume", "", "");
        assertTrue(resumed.ok(), resumed.toString());
        Rig.awaitTrue("caller and agent share a bridge again", Duration.ofSeconds(5),
                () -> bridgedTogether(call.channel, agentLeg("3001").map(ChannelSnapshot::name).orElse("")));
        Rig.awaitTrue("the record has talk, hold, talk", Duration.ofSeconds(5), () -> {
            List<String> kinds = tables.segments("09350000001").stream()
                    .filter(k -> k.startsWith("talk") || k.startsWith("hold")).toList();
            return kinds.size() == 3 && kinds.get(0).startsWith("talk a1") && kinds.get(1).equals("hold a1 resumed")
                    && kinds.get(2).startsWith("talk a1");
        });
    }

    @Test
    @DisplayName("an agent cannot control another agent's call, and unknown calls are refused")
    void onlyTheCallsAgent() throws Exception {
        Call call = connected("09350000002", "a1");
        CallControlReply other = ask(call, "a2", "hold", "", "");
        assertEquals("not-your-call", other.error());
        CallControlReply unknown = Rig.ask(server, CallControlAddresses.REQUEST, new CallControlRequest("nope", "a1",
                "a1", false, "hold", "", "", ""));
        assertEquals("no-such-call", unknown.error());
        assertTrue(bridgedTogether(call.channel, agentLeg("3001").orElseThrow().name()), "the call went on");
    }

    @Test
    @DisplayName("blind transfer to a queue: the next agent's pop says who transferred and the notes, and it is one record")
    void transferToQueue() throws Exception {
        Call call = connected("09350000003", "a1");
        CallControlReply r = ask(call, "a1", "transfer", "queue", "help", "wants a refund");
        assertTrue(r.ok(), r.toString());
        Rig.awaitTrue("a2 is offered the call with the transfer's notes", Duration.ofSeconds(10),
                () -> offers.stream().anyMatch(o -> o.agentId().equals("a2")
                        && o.callerUniqueId().equals(call.uniqueId)
                        && "a1".equals(o.data().get("transferredBy"))
                        && "wants a refund".equals(o.data().get("transferNotes"))));
        Rig.awaitTrue("the caller talks to a2 and a1's line is gone", Duration.ofSeconds(10),
                () -> agentLeg("3002").map(a -> bridgedTogether(call.channel, a.name())).orElse(false)
                        && agentLeg("3001").isEmpty());
        Rig.awaitTrue("the record names a2 as the agent who talked last", Duration.ofSeconds(5),
                () -> "a2".equals(tables.one(String.class, "select agent_id from interactions where id = ?",
                        call.interactionId)));
        assertEquals(1L, tables.one(Long.class, "select count(*) from interactions where caller_number = ?",
                "09350000003"), "a transfer keeps one interaction record");
        Rig.awaitTrue("the record tells the transfer between the two talks", Duration.ofSeconds(5), () -> {
            List<String> segs = tables.segments("09350000003");
            int t1 = indexOf(segs, "talk a1");
            int tr = indexOf(segs, "transfer a1 completed");
            int q = indexOf(segs, "queue @help");
            int t2 = indexOf(segs, "talk a2");
            return t1 >= 0 && t1 < tr && tr < q && q < t2;
        });
        assertEquals("queue:help", tables.one(String.class, "select detail from interaction_segments"
                + " where interaction_id = ? and kind = 'transfer'", call.interactionId));
    }

    @Test
    @DisplayName("blind transfer to an agent rings only that agent; to a busy one is refused and the call goes on")
    void transferToAgent() throws Exception {
        Call call = connected("09350000004", "a1");
        CallControlReply r = ask(call, "a1", "transfer", "agent", "a3", "");
        assertTrue(r.ok(), r.toString());
        Rig.awaitTrue("the caller talks to a3", Duration.ofSeconds(10),
                () -> agentLeg("3003").map(a -> bridgedTogether(call.channel, a.name())).orElse(false));
        CallControlReply busy = ask(call, "a3", "transfer", "agent", "a3x", "");
        assertFalse(busy.ok());
        Rig.awaitTrue("a3 is still with the caller", Duration.ofSeconds(5),
                () -> agentLeg("3003").map(a -> bridgedTogether(call.channel, a.name())).orElse(false));
    }

    @Test
    @DisplayName("transfer to a number: an international number is refused and audited, a mobile is dialled and audited")
    void transferToNumber() throws Exception {
        Call call = connected("09350000005", "a1");
        CallControlReply refused = ask(call, "a1", "transfer", "number", "0044207946000", "");
        assertEquals("number-refused", refused.error(), refused.toString());
        assertTrue(bridgedTogether(call.channel, agentLeg("3001").orElseThrow().name()), "refused: the call goes on");
        CallControlReply r = ask(call, "a1", "transfer", "number", "09121110000", "");
        assertTrue(r.ok(), r.toString());
        Rig.awaitTrue("the caller is connected to the number and the agent has left", Duration.ofSeconds(10),
                () -> agentLeg("09121110000").map(n -> bridgedTogether(call.channel, n.name())).orElse(false)
                        && agentLeg("3001").isEmpty());
        Rig.awaitTrue("both dials are in the audit log", Duration.ofSeconds(5), () -> tables.rows(
                "select outcome, target from call_control_audit where interaction_id = ? and intent = 'dial'"
                        + " order by id", call.interactionId)
                .equals(List.of("refused 0044207946000", "allowed 09121110000")));
    }

    @Test
    @DisplayName("consultation completed: the caller ends with the consulted agent; cancelled: back with the first")
    void consultation() throws Exception {
        Call call = connected("09350000006", "a1");
        assertTrue(ask(call, "a1", "consult", "agent", "a2", "").ok());
        Rig.awaitTrue("a1 talks to a2 while the caller hears music", Duration.ofSeconds(10), () -> {
            Optional<ChannelSnapshot> a1 = agentLeg("3001");
            Optional<ChannelSnapshot> a2 = agentLeg("3002");
            return a1.isPresent() && a2.isPresent() && bridgedTogether(a1.get().name(), a2.get().name())
                    && "MusicOnHold".equals(channel(call.channel).orElseThrow().application());
        });
        assertTrue(ask(call, "a1", "consult-complete", "", "").ok());
        Rig.awaitTrue("the caller talks to a2, a1 has gone", Duration.ofSeconds(10),
                () -> agentLeg("3002").map(a -> bridgedTogether(call.channel, a.name())).orElse(false)
                        && agentLeg("3001").isEmpty());
        Rig.awaitTrue("the record: a1 held the caller while consulting, then the caller went to a2",
                Duration.ofSeconds(5), () -> {
                    List<String> segs = tables.segments("09350000006");
                    return indexOf(segs, "hold a1 transferred") >= 0
                            && indexOf(segs, "hold a1 transferred") < indexOf(segs, "transfer a1 completed")
                            && indexOf(segs, "transfer a1 completed") < indexOf(segs, "talk a2");
                });

        Call second = connected("09350000007", "a1");
        assertTrue(ask(second, "a1", "consult", "agent", "a3", "").ok());
        Rig.awaitTrue("a1 consults a3", Duration.ofSeconds(10), () -> agentLeg("3003").isPresent()
                && agentLeg("3001").map(a -> bridgedTogether(a.name(), agentLeg("3003").get().name())).orElse(false));
        CallControlReply cancel = ask(second, "a1", "consult-cancel", "", "");
        assertTrue(cancel.ok(), cancel.toString());
        Rig.awaitTrue("the caller is back with a1 and a3 has gone", Duration.ofSeconds(10),
                () -> agentLeg("3001").map(a -> bridgedTogether(second.channel, a.name())).orElse(false)
                        && agentLeg("3003").isEmpty());
    }

    @Test
    @DisplayName("a consultation cancelled while the agent's phone still rings: the ring stops, that agent stays available")
    void consultationCancelledWhileRinging() throws Exception {
        Call call = connected("09350000013", "a1");
        assertTrue(ask(call, "a1", "consult", "agent", "slow", "").ok());
        Rig.awaitTrue("slow's phone rings", Duration.ofSeconds(10), () -> agentLeg("3004").isPresent());
        CallControlReply cancel = ask(call, "a1", "consult-cancel", "", "");
        assertTrue(cancel.ok(), cancel.toString());
        Rig.awaitTrue("the caller is back with a1 and slow's phone has stopped", Duration.ofSeconds(10),
                () -> agentLeg("3001").map(a -> bridgedTogether(call.channel, a.name())).orElse(false)
                        && agentLeg("3004").isEmpty());
        Rig.awaitTrue("slow is available again, not paused for a ring nobody answered", Duration.ofSeconds(5),
                () -> agentStates.stream().filter(a -> a.agentId().equals("slow")).reduce((x, y) -> y)
                        .map(a -> a.state().equals("available")).orElse(false));
    }

    @Test
    @DisplayName("conference: caller, a1 and a2 in one room; a1 leaves and the other two stay connected")
    void conference() throws Exception {
        Call call = connected("09350000008", "a1");
        CallControlReply r = ask(call, "a1", "conference", "agent", "a2", "");
        assertTrue(r.ok(), r.toString());
        Rig.awaitTrue("three in the conference", Duration.ofSeconds(15), () -> {
            String bridge = channel(call.channel).map(ChannelSnapshot::bridgeId).orElse("");
            return !bridge.isEmpty() && agentLeg("3001").map(a -> bridge.equals(a.bridgeId())).orElse(false)
                    && agentLeg("3002").map(a -> bridge.equals(a.bridgeId())).orElse(false);
        });
        assertTrue(ask(call, "a1", "leave-conference", "", "").ok());
        Rig.awaitTrue("a1 has left; the caller and a2 still share the room", Duration.ofSeconds(10), () -> {
            String bridge = channel(call.channel).map(ChannelSnapshot::bridgeId).orElse("");
            return agentLeg("3001").map(a -> !bridge.equals(a.bridgeId())).orElse(true) && !bridge.isEmpty()
                    && agentLeg("3002").map(a -> bridge.equals(a.bridgeId())).orElse(false);
        });
        Rig.awaitTrue("a2 now owns the call", Duration.ofSeconds(5), () -> changes.stream().anyMatch(
                c -> c.interactionId().equals(call.interactionId) && c.agentId().equals("a2")));
        Rig.awaitTrue("the record has the conference", Duration.ofSeconds(5),
                () -> indexOf(tables.segments("09350000008"), "conference a1") >= 0);
    }

    @Test
    @DisplayName("a supervisor takes over an agent's call: the supervisor's phone rings and replaces the agent")
    void takeOver() throws Exception {
        Call call = connected("09350000011", "a1");
        CallControlReply r = Rig.ask(server, CallControlAddresses.REQUEST, new CallControlRequest(call.interactionId,
                "a1", "supervisor1", true, "take-over", "agent", "sup", ""));
        assertTrue(r.ok(), r.toString());
        Rig.awaitTrue("the caller talks to the supervisor, the agent has gone", Duration.ofSeconds(10),
                () -> agentLeg("3009").map(a -> bridgedTogether(call.channel, a.name())).orElse(false)
                        && agentLeg("3001").isEmpty());
        CallControlReply notAllowed = Rig.ask(server, CallControlAddresses.REQUEST, new CallControlRequest(
                call.interactionId, "sup", "supervisor1", true, "transfer", "queue", "help", ""));
        assertEquals("not-your-call", notAllowed.error(), "a supervisor does not transfer another's call");
        Rig.awaitTrue("the take-over is audited", Duration.ofSeconds(5), () -> tables.rows(
                "select actor, intent, outcome from call_control_audit where interaction_id = ? order by id",
                call.interactionId).contains("supervisor1 take-over done"));
    }

    @Test
    @DisplayName("hang-up from the console ends the caller's and the agent's lines, and the record ends")
    void hangup() throws Exception {
        Call call = connected("09350000009", "a1");
        assertTrue(ask(call, "a1", "hangup", "", "").ok());
        Rig.awaitTrue("both lines are gone", Duration.ofSeconds(5),
                () -> channel(call.channel).isEmpty() && agentLeg("3001").isEmpty());
        Rig.awaitTrue("the record has ended", Duration.ofSeconds(5), () -> tables.one(Long.class,
                "select count(*) from interactions where id = ? and ended_at is not null", call.interactionId) == 1L);
    }

    @Test
    @DisplayName("recording by the queue's policy from the answer, paused and resumed into a second file, then stopped")
    void recordingPausedAndResumed() throws Exception {
        Call call = connected("09350000010", "a1");
        Rig.awaitTrue("the call records from the answer", Duration.ofSeconds(5),
                () -> runningRecordings(call.channel).size() == 1);
        assertTrue(ask(call, "a1", "record-pause", "", "", "card number").ok());
        Rig.awaitTrue("paused: nothing records", Duration.ofSeconds(5),
                () -> runningRecordings(call.channel).isEmpty());
        assertTrue(ask(call, "a1", "record-resume", "", "").ok());
        Rig.awaitTrue("resumed into a new file", Duration.ofSeconds(5),
                () -> runningRecordings(call.channel).size() == 1);
        assertTrue(ask(call, "a1", "record-stop", "", "").ok());
        Rig.awaitTrue("stopped", Duration.ofSeconds(5), () -> runningRecordings(call.channel).isEmpty());
        List<String> story = recordings.stream().filter(r -> r.interactionId().equals(call.interactionId))
                .map(r -> r.change() + " " + r.file().substring(r.file().lastIndexOf('-') + 1) + " " + r.by())
                .toList();
        assertEquals(List.of("started 1.wav policy", "paused 1.wav a1", "resumed 2.wav a1", "stopped 2.wav a1"),
                story);
        List<RecordingSnapshot> files = simulator.recordings().stream()
                .filter(r -> r.channel().equals(call.channel)).toList();
        assertEquals(2, files.size(), "two files on the Asterisk host: " + files);
        assertTrue(files.get(0).requestedFile().endsWith(call.interactionId + "-1.wav"), files.toString());
        Rig.awaitTrue("both files are linked to the record, with how each ended and by whom", Duration.ofSeconds(5),
                () -> tables.rows("select substring(file from '[^-]+$'), started_by, end_reason, ended_by"
                        + " from interaction_recordings where interaction_id = ? order by started_at",
                        call.interactionId).equals(List.of("1.wav policy paused a1", "2.wav a1 stopped a1")));
        List<java.nio.file.Path> onDisk = new java.util.ArrayList<>();
        for (String f : tables.rows("select file from interaction_recordings where interaction_id = ?",
                call.interactionId)) {
            java.nio.file.Path p = server.recordingsDirectory().resolve(f);
            assertTrue(java.nio.file.Files.size(p) >= 44, "a WAV where the server reads it: " + p);
            onDisk.add(p);
        }

        // past the retention (1 day): the sweep deletes both files and audits each deletion
        tables.update("update interaction_recordings set started_at = started_at - interval '3 days',"
                + " ended_at = ended_at - interval '3 days' where interaction_id = ?", call.interactionId);
        server.retention().sweepNow().toCompletionStage().toCompletableFuture().get(10,
                java.util.concurrent.TimeUnit.SECONDS);
        for (java.nio.file.Path p : onDisk) {
            assertFalse(java.nio.file.Files.exists(p), "deleted after the retention: " + p);
        }
        assertEquals(List.of("retention delete", "retention delete"), tables.rows("select username, action"
                + " from recording_audit where interaction_id = ? order by id", call.interactionId));
        assertEquals(2L, tables.one(Long.class, "select count(*) from interaction_recordings where interaction_id = ?"
                + " and deleted_at is not null and deleted_by = 'retention'", call.interactionId));
    }

    @Test
    @DisplayName("through the console's REST API: the agent on the call holds and resumes it; another agent is refused")
    void throughTheConsole() throws Exception {
        ConsoleClient a1 = new ConsoleClient("http://127.0.0.1:" + server.httpPort());
        assertEquals(200, a1.signIn("a1", PASSWORD).statusCode());
        ConsoleClient a2 = new ConsoleClient("http://127.0.0.1:" + server.httpPort());
        assertEquals(200, a2.signIn("a2", PASSWORD).statusCode());
        Call call = connected("09350000012", "a1");
        String path = "/api/calls/" + call.interactionId + "/control";
        Rig.awaitTrue("the console knows a1 is on the call", Duration.ofSeconds(5), () -> a1.change("POST", path,
                new JsonObject().put("intent", "hold")).statusCode() == 200);
        Rig.awaitTrue("the caller hears music", Duration.ofSeconds(5),
                () -> "MusicOnHold".equals(channel(call.channel).map(ChannelSnapshot::application).orElse("")));
        var refused = a2.change("POST", path, new JsonObject().put("intent", "resume"));
        assertEquals(403, refused.statusCode(), refused.body());
        var resumed = a1.change("POST", path, new JsonObject().put("intent", "resume"));
        assertEquals(200, resumed.statusCode(), resumed.body());
        assertEquals("talking", new JsonObject(resumed.body()).getJsonObject("state").getString("state"));
        Rig.awaitTrue("caller and agent bridged again", Duration.ofSeconds(5),
                () -> agentLeg("3001").map(a -> bridgedTogether(call.channel, a.name())).orElse(false));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private record Call(String uniqueId, String channel, String interactionId) {}

    /** A caller through the IVR to the desk queue, answered by {@code agent}. */
    private Call connected(String number, String agent) throws Exception {
        SimulatedCall sc = simulator.placeInboundCall(InboundCall.of(number, "Caller " + number, "02100000")
                .withPatienceMs(60_000).withTalkTimeMs(600_000));
        placed.add(sc);
        Rig.awaitTrue("the call is answered by " + agent, Duration.ofSeconds(15), () -> changes.stream().anyMatch(
                c -> c.agentId().equals(agent) && "talking".equals(c.state()) && !c.interactionId().isEmpty()
                        && interactionOf(sc.uniqueid()).equals(c.interactionId())));
        String channel = simulator.channels().stream().filter(c -> c.uniqueid().equals(sc.uniqueid()))
                .map(ChannelSnapshot::name).findFirst().orElseThrow();
        Rig.awaitTrue("caller and agent are bridged", Duration.ofSeconds(5), () -> agentLeg(phoneOf(agent))
                .map(a -> bridgedTogether(channel, a.name())).orElse(false));
        return new Call(sc.uniqueid(), channel, interactionOf(sc.uniqueid()));
    }

    private static int indexOf(List<String> segments, String prefix) {
        for (int k = 0; k < segments.size(); k++) {
            if (segments.get(k).startsWith(prefix)) {
                return k;
            }
        }
        return -1;
    }

    private static String phoneOf(String agent) {
        return Map.of("a1", "3001", "a2", "3002", "a3", "3003", "sup", "3009").get(agent);
    }

    private static String interactionOf(String uniqueId) {
        try {
            InteractionFound f = Rig.ask(server, Addresses.INTERACTION_FIND_BY_CHANNEL,
                    new FindInteractionByChannel(uniqueId));
            return f.interaction().id();
        } catch (Exception notYet) {
            return "";
        }
    }

    private static CallControlReply ask(Call call, String agent, String intent, String kind, String target)
            throws Exception {
        return ask(call, agent, intent, kind, target, "");
    }

    private static CallControlReply ask(Call call, String agent, String intent, String kind, String target,
                                        String notes) throws Exception {
        return Rig.ask(server, CallControlAddresses.REQUEST, new CallControlRequest(call.interactionId, agent, agent,
                false, intent, kind, target, notes));
    }

    private static Optional<ChannelSnapshot> channel(String name) {
        return simulator.channels().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The live channel of a phone ({@code PJSIP/<number>-...}). */
    private static Optional<ChannelSnapshot> agentLeg(String number) {
        return simulator.channels().stream().filter(c -> c.name().startsWith("PJSIP/" + number + "-")).findFirst();
    }

    private static boolean bridgedTogether(String a, String b) {
        Optional<ChannelSnapshot> x = channel(a);
        Optional<ChannelSnapshot> y = channel(b);
        return x.isPresent() && y.isPresent() && !x.get().bridgeId().isEmpty()
                && x.get().bridgeId().equals(y.get().bridgeId());
    }

    private static List<RecordingSnapshot> runningRecordings(String channel) {
        return simulator.recordings().stream().filter(r -> r.channel().equals(channel) && r.running()).toList();
    }
}
