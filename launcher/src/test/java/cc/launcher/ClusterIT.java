package cc.launcher;

import cc.acd.app.AcdVerticle;
import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.config.ConfigNode;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.CallOffered;
import cc.core.contract.EnqueueCall;
import cc.core.contract.FindInteractionByChannel;
import cc.core.contract.InteractionFound;
import cc.core.contract.RoutingLeadChanged;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.CallOutcome;
import cc.simulator.ChannelSnapshot;
import cc.simulator.InboundCall;
import cc.simulator.RecordingSnapshot;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.dialplan.DefaultDialplan;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three server nodes on loopback joined by the clustered event bus (Hazelcast, static members), one real Redis, one
 * real PostgreSQL, one simulator: the agent's browser is on a node that does not route, the supervisor's on a third.
 * The routing node is then closed in-process (the node leaves the cluster; {@link NodeLossIT} kills child JVMs
 * instead) and the agent carries on from the same node.
 */
class ClusterIT {
    private static final String SECRET = "cluster-secret";
    private static final String PASSWORD = "a long enough pass phrase";
    private static final long TALK_MS = 4_000;
    private PostgresTestDatabase pg;
    private AsteriskSimulator simulator;
    private final List<Server> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(Server::close);
        if (simulator != null) {
            simulator.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    @DisplayName("an agent signed in on a node that does not route gets the pop, goes available and answers from it; "
            + "the supervisor's wallboard on a third node moves; the routing node dies and the agent carries on from "
            + "the same node: no caller offered twice, none lost; signed in once, on every node; signed out everywhere")
    void agentOnAnotherNode() throws Exception {
        pg = PostgresTestDatabase.create();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", Rig.freePort(), "unused?lang=en")
                .phones(Phones.builder().prefix("30", PhoneBehaviour.answersAfter(Distribution.fixed(200))).build())
                .build());
        String prefix = "cc_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
        String cluster = "cc-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<Integer> ports = List.of(Rig.freePort(), Rig.freePort(), Rig.freePort());
        Server n1 = startNode("n1", 0, ports, prefix, cluster, 0, ACD_FLOWS, ONE_AGENT);
        Rig.awaitTrue("n1 holds the routing lease", Duration.ofSeconds(5), () -> holder(n1).equals(Optional.of("n1")));
        Server n2 = startNode("n2", 1, ports, prefix, cluster, 0, ACD_FLOWS, ONE_AGENT);
        Server n3 = startNode("n3", 2, ports, prefix, cluster, 0, ACD_FLOWS, ONE_AGENT);
        Rig.awaitTrue("three members", Duration.ofSeconds(15),
                () -> n1.cluster().orElseThrow().members().size() == 3);
        Rig.awaitTrue("one node owns the AMI link", Duration.ofSeconds(10), () -> linkOwners(n1, n2, n3).size() == 1
                && simulator.stats().amiSessions() == 1);
        assertEquals(List.of("n1"), linkOwners(n1, n2, n3), "the first node owns the link");
        assertEquals(1, simulator.stats().amiSessions(), "Asterisk sees one manager session for three nodes");

        // what each node's own ACD publishes: a caller offered twice would show as two offers across the nodes
        List<CallOffered> offers = new CopyOnWriteArrayList<>();
        Map<String, String> states = new ConcurrentHashMap<>();
        for (Server n : nodes) {
            n.vertx().eventBus().<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> offers.add(m.body()));
            n.vertx().eventBus().<AgentStateChanged>consumer(Addresses.ACD_AGENT_STATE_CHANGED,
                    m -> states.put(m.body().agentId(), m.body().state()));
        }
        n1.console().users().save(new UserAccount(new Principal("ali", "Ali", Role.AGENT, "a1", "en", ""),
                new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        n1.console().users().save(new UserAccount(new Principal("sara", "Sara", Role.SUPERVISOR, "", "en", ""),
                new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();

        ConsoleClient ali = new ConsoleClient(base(n2));
        assertEquals(200, ali.signIn("ali", PASSWORD).statusCode());
        ConsoleClient aliOnN3 = new ConsoleClient(base(n3));
        aliOnN3.cookie = ali.cookie;
        aliOnN3.csrf = ali.csrf;
        assertEquals("ali", new JsonObject(aliOnN3.get("/api/session").body()).getString("username"),
                "signed in on n2, signed in on n3");
        ConsoleClient.Live aliLive = ali.live();
        ConsoleClient sara = new ConsoleClient(base(n3));
        assertEquals(200, sara.signIn("sara", PASSWORD).statusCode());
        ConsoleClient.Live saraLive = sara.live();

        assertEquals(204, ali.change("POST", "/api/agent/state", new JsonObject().put("state", "available"))
                .statusCode(), "n2's standby passes the agent's state to n1");
        Rig.awaitTrue("a1 available on the routing node", Duration.ofSeconds(5),
                () -> "available".equals(states.get("a1")));
        assertEquals("available", aliLive.next("agent-state").getJsonObject("agent").getString("state"));

        SimulatedCall first = simulator.placeInboundCall(holding("09120000001"));
        assertEquals(200, enqueueStatus(n3, first, "09120000001"), "n3's standby passes the caller to n1");
        JsonObject pop = aliLive.next("pop").getJsonObject("pop");
        assertEquals("09120000001", pop.getString("callerNumber"), "the pop reached n2's socket: " + pop);
        saraLive.next("wallboard");
        Rig.awaitTrue("ali's phone answered and is talking", Duration.ofSeconds(5), () -> simulator.channels().stream()
                .anyMatch(ch -> ch.name().startsWith("PJSIP/3001") && !ch.bridgeId().isEmpty()));

        SimulatedCall second = simulator.placeInboundCall(holding("09120000002"));
        assertEquals(200, enqueueStatus(n2, second, "09120000002"), "the second caller waits on n1 for ali");
        Thread.sleep(300);
        nodes.remove(n1);
        Instant killed = Instant.now();
        n1.close();
        Rig.awaitTrue("n2 or n3 holds the routing lease", Duration.ofSeconds(10),
                () -> holder(n2).map(h -> !h.equals("n1")).orElse(false));
        System.out.println("cluster: " + holder(n2).orElseThrow() + " took the routing lease "
                + Duration.between(killed, Instant.now()).toMillis() + " ms after n1 closed");
        Rig.awaitTrue("another node owns the AMI link", Duration.ofSeconds(10),
                () -> linkOwners(n2, n3).size() == 1 && simulator.stats().amiSessions() == 1);
        System.out.println("cluster: " + linkOwners(n2, n3) + " took the AMI link over "
                + Duration.between(killed, Instant.now()).toMillis() + " ms after n1 closed");

        JsonObject secondPop = aliLive.next("pop").getJsonObject("pop");
        assertEquals("09120000002", secondPop.getString("callerNumber"), "ali's socket on n2 got the next pop");
        for (SimulatedCall c : List.of(first, second)) {
            CallOutcome o = c.awaitEnd(Duration.ofSeconds(30));
            assertTrue(o.reachedAgent(), "caller " + c.uniqueid() + " reached ali: " + o);
            long n = offers.stream().filter(of -> of.callerUniqueId().equals(c.uniqueid())).count();
            assertEquals(1, n, "caller " + c.uniqueid() + " offered exactly once: " + offers);
        }
        Rig.awaitTrue("ali available again", Duration.ofSeconds(15), () -> "available".equals(states.get("a1")));
        java.net.http.HttpResponse<String> paused = ali.change("POST", "/api/agent/state",
                new JsonObject().put("state", "paused").put("reason", "break"));
        assertEquals(204, paused.statusCode(), "ali still works from n2 after n1 died: " + paused.body()
                + "; states " + states);
        Rig.awaitTrue("a1 paused on the new routing node", Duration.ofSeconds(5),
                () -> "paused".equals(states.get("a1")));

        assertEquals(204, ali.change("DELETE", "/api/session", new JsonObject()).statusCode());
        assertNotEquals(200, aliOnN3.get("/api/session").statusCode(), "signed out on n2, signed out on n3");
    }

    /** The nodes that own the simulator's AMI link (one node logs in to each Asterisk). */
    private static List<String> linkOwners(Server... nodes) {
        List<String> owners = new java.util.ArrayList<>();
        for (Server n : nodes) {
            if (((cc.core.adapter.ami.ClusterTelephony) n.telephony()).owns("pbx1")) {
                owners.add(n.cluster().orElseThrow().nodeId());
            }
        }
        return owners;
    }

    @Test
    @DisplayName("the node that takes routing over controls the call the dead node connected: the hold made there is "
            + "resumed here, the recording paused there resumes into the next file, and a blind transfer to another "
            + "agent reaches that agent; the node that did not route started nothing while it followed")
    void callControlAfterTakeover() throws Exception {
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "control?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(200))
                .phones(Phones.builder().prefix("30", PhoneBehaviour.answersAfter(Distribution.fixed(200))).build())
                .build());
        String prefix = "cc_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
        String cluster = "cc-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<Integer> ports = List.of(Rig.freePort(), Rig.freePort());
        // the caller comes through n1's IVR to queue desk, which records every call from the answer
        String ivr = "ivr: {flows: src/test/resources/cluster-flows, defaultFlow: control}";
        String[] twoAgents = {
                "  queues: [{id: desk, recording: always}, {id: q2}]",
                "  agents:",
                "    - {id: a1, phone: PJSIP/3001, queues: [desk]}",
                "    - {id: a2, phone: PJSIP/3002, queues: [q2]}"};
        Server n1 = startNode("n1", 0, ports, prefix, cluster, agiPort, ivr, twoAgents);
        Rig.awaitTrue("n1 holds the routing lease", Duration.ofSeconds(5), () -> holder(n1).equals(Optional.of("n1")));
        Server n2 = startNode("n2", 1, ports, prefix, cluster, 0, ivr, twoAgents);
        Rig.awaitTrue("two members", Duration.ofSeconds(15), () -> n1.cluster().orElseThrow().members().size() == 2);
        List<Boolean> n2Routes = new CopyOnWriteArrayList<>();
        n2.vertx().eventBus().<RoutingLeadChanged>consumer(AcdAddresses.ROUTING_LEAD_CHANGED,
                m -> n2Routes.add(m.body().routes()));
        Map<String, String> states = new ConcurrentHashMap<>();
        for (Server n : nodes) {
            n.vertx().eventBus().<AgentStateChanged>consumer(Addresses.ACD_AGENT_STATE_CHANGED,
                    m -> states.put(m.body().agentId(), m.body().state()));
        }
        for (String[] u : new String[][] {{"ali", "a1"}, {"reza", "a2"}}) {
            n1.console().users().save(new UserAccount(new Principal(u[0], u[0], Role.AGENT, u[1], "en", ""),
                    new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        }
        ConsoleClient ali = new ConsoleClient(base(n2));
        assertEquals(200, ali.signIn("ali", PASSWORD).statusCode());
        ConsoleClient reza = new ConsoleClient(base(n2));
        assertEquals(200, reza.signIn("reza", PASSWORD).statusCode());
        for (ConsoleClient agent : List.of(ali, reza)) {
            assertEquals(204, agent.change("POST", "/api/agent/state", new JsonObject().put("state", "available"))
                    .statusCode());
        }
        Rig.awaitTrue("a1 and a2 available", Duration.ofSeconds(5),
                () -> "available".equals(states.get("a1")) && "available".equals(states.get("a2")));

        SimulatedCall caller = simulator.placeInboundCall(InboundCall.of("09350000009", "Caller", "02100000")
                .withPatienceMs(60_000).withTalkTimeMs(600_000));
        try {
            Rig.awaitTrue("the caller talks to a1", Duration.ofSeconds(10), () -> bridgedWith(caller, "PJSIP/3001"));
            Rig.awaitTrue("n1 records the call from the answer (queue q records always)", Duration.ofSeconds(5),
                    () -> recordingsOf(caller).stream().anyMatch(RecordingSnapshot::running));
            String interactionId = interactionOf(n2, caller);
            String control = "/api/calls/" + interactionId + "/control";
            // while n1 routes, the agent pauses the recording and holds the caller: n1 carries both out
            Rig.awaitTrue("the console on n2 knows a1 is on the call", Duration.ofSeconds(5),
                    () -> ali.change("POST", control, new JsonObject().put("intent", "record-pause")).statusCode()
                            == 200);
            assertEquals(200, ali.change("POST", control, new JsonObject().put("intent", "hold")).statusCode());
            Rig.awaitTrue("the caller hears music, nothing records", Duration.ofSeconds(5),
                    () -> hearsMusic(caller) && recordingsOf(caller).stream().noneMatch(RecordingSnapshot::running));

            nodes.remove(n1);
            Instant closed = Instant.now();
            n1.close();
            Rig.awaitTrue("n2 routes", Duration.ofSeconds(10), () -> n2Routes.contains(true));
            System.out.println("cluster: n2 routes " + Duration.between(closed, Instant.now()).toMillis()
                    + " ms after n1 closed");
            Rig.awaitTrue("a1 is busy with n1's call on n2", Duration.ofSeconds(5),
                    () -> "paused".equals(states.get("a1")));

            var resumed = ali.change("POST", control, new JsonObject().put("intent", "resume"));
            assertEquals(200, resumed.statusCode(), "n2 knew the call was held on n1: " + resumed.body());
            Rig.awaitTrue("caller and a1 bridged again by n2", Duration.ofSeconds(5),
                    () -> bridgedWith(caller, "PJSIP/3001"));
            var recording = ali.change("POST", control, new JsonObject().put("intent", "record-resume"));
            assertEquals(200, recording.statusCode(), "n2 knew the recording was paused on n1: " + recording.body());
            Rig.awaitTrue("recording again", Duration.ofSeconds(5),
                    () -> recordingsOf(caller).stream().anyMatch(RecordingSnapshot::running));
            List<String> files = recordingsOf(caller).stream().map(RecordingSnapshot::requestedFile).toList();
            assertEquals(2, files.size(), "one file from n1's answer, one from n2's resume, none started by n2 "
                    + "while it followed: " + files);
            assertTrue(files.get(0).endsWith(interactionId + "-1.wav") && files.get(1).endsWith(interactionId
                    + "-2.wav"), "n2 named the next file after n1's: " + files);

            assertEquals(200, ali.change("POST", control, new JsonObject().put("intent", "hold")).statusCode());
            Rig.awaitTrue("the caller hears music again", Duration.ofSeconds(5), () -> hearsMusic(caller));
            assertEquals(200, ali.change("POST", control, new JsonObject().put("intent", "resume")).statusCode());
            Rig.awaitTrue("and talks to a1 again", Duration.ofSeconds(5), () -> bridgedWith(caller, "PJSIP/3001"));

            // a consultation with another agent on the call n1 connected: n2's ACD rings a2 for it, then it is cancelled
            var consult = ali.change("POST", control, new JsonObject().put("intent", "consult")
                    .put("targetKind", "agent").put("target", "a2"));
            assertEquals(200, consult.statusCode(), "n2 rings a2 for n1's call: " + consult.body());
            Rig.awaitTrue("a1 talks to a2 while the caller hears music", Duration.ofSeconds(10),
                    () -> hearsMusic(caller) && phonesBridged("PJSIP/3001", "PJSIP/3002"));
            var cancelled = ali.change("POST", control, new JsonObject().put("intent", "consult-cancel"));
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            Rig.awaitTrue("the caller is back with a1 and a2's line is gone", Duration.ofSeconds(10),
                    () -> bridgedWith(caller, "PJSIP/3001") && simulator.channels().stream()
                            .noneMatch(ch -> ch.name().startsWith("PJSIP/3002")));
            Rig.awaitTrue("a2 is available again", Duration.ofSeconds(5), () -> "available".equals(states.get("a2")));

            var transferred = ali.change("POST", control, new JsonObject().put("intent", "transfer")
                    .put("targetKind", "agent").put("target", "a2"));
            assertEquals(200, transferred.statusCode(), transferred.body());
            Rig.awaitTrue("the caller talks to a2 and a1's line is gone", Duration.ofSeconds(10),
                    () -> bridgedWith(caller, "PJSIP/3002") && simulator.channels().stream()
                            .noneMatch(ch -> ch.name().startsWith("PJSIP/3001")));
            Rig.awaitTrue("a1, busy with n1's call when n2 took over, is available again", Duration.ofSeconds(5),
                    () -> "available".equals(states.get("a1")));
            Rig.awaitTrue("a2 controls the call now", Duration.ofSeconds(5),
                    () -> reza.change("POST", control, new JsonObject().put("intent", "hold")).statusCode() == 200);
            Rig.awaitTrue("the caller hears music", Duration.ofSeconds(5), () -> hearsMusic(caller));
            assertEquals(403, ali.change("POST", control, new JsonObject().put("intent", "resume")).statusCode(),
                    "a1 no longer does");
        } finally {
            caller.hangup();
        }
    }

    private boolean bridgedWith(SimulatedCall caller, String agentPhone) {
        List<ChannelSnapshot> channels = simulator.channels();
        Optional<ChannelSnapshot> c = channels.stream().filter(ch -> ch.name().equals(caller.channel())).findFirst();
        return c.isPresent() && !c.get().bridgeId().isEmpty() && channels.stream().anyMatch(
                ch -> ch.name().startsWith(agentPhone) && ch.bridgeId().equals(c.get().bridgeId()));
    }

    private boolean phonesBridged(String phone1, String phone2) {
        List<ChannelSnapshot> channels = simulator.channels();
        return channels.stream().filter(ch -> ch.name().startsWith(phone1) && !ch.bridgeId().isEmpty())
                .anyMatch(one -> channels.stream().anyMatch(two -> two.name().startsWith(phone2)
                        && two.bridgeId().equals(one.bridgeId())));
    }

    private boolean hearsMusic(SimulatedCall caller) {
        return simulator.channels().stream().anyMatch(ch -> ch.name().equals(caller.channel())
                && "MusicOnHold".equals(ch.application()) && ch.bridgeId().isEmpty());
    }

    private List<RecordingSnapshot> recordingsOf(SimulatedCall caller) {
        return simulator.recordings().stream().filter(r -> r.channel().equals(caller.channel())).toList();
    }

    /** The call's interaction record, as the node's recorder names it (every node names a call alike). */
    private static String interactionOf(Server node, SimulatedCall c) throws Exception {
        return node.vertx().eventBus().<InteractionFound>request(Addresses.INTERACTION_FIND_BY_CHANNEL,
                        new FindInteractionByChannel(c.uniqueid())).toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS).body().interaction().id();
    }

    private static final String ACD_FLOWS = "ivr: {flows: src/test/resources/acd-flows, defaultFlow: acd}";
    private static final String[] ONE_AGENT = {
            "  queues: [{id: q}]",
            "  agents:",
            "    - {id: a1, phone: PJSIP/3001, queues: [q]}"};

    private static InboundCall holding(String number) {
        return InboundCall.of(number, "Caller", "s").withContext("cc-hold").withPatienceMs(0)
                .withTalkTimeMs(TALK_MS);
    }

    private static String base(Server s) {
        return "http://127.0.0.1:" + s.httpPort();
    }

    private static int enqueueStatus(Server node, SimulatedCall c, String number) throws Exception {
        try {
            node.vertx().eventBus().request(Addresses.ACD_CALL_ENQUEUE, new EnqueueCall(c.uniqueid(), c.channel(),
                            "q", 0, "en", Map.of("callerNumber", number), Instant.now()))
                    .toCompletionStage().toCompletableFuture().get(12, TimeUnit.SECONDS);
            return 200;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof io.vertx.core.eventbus.ReplyException r) {
                return r.failureCode();
            }
            throw e;
        }
    }

    private static Optional<String> holder(Server node) throws Exception {
        return node.liveState().leaseHolder(AcdVerticle.LEASE).toCompletionStage().toCompletableFuture()
                .get(2, TimeUnit.SECONDS);
    }

    /**
     * @param agiPort the FastAGI port (0: any, the simulator's IVR sessions go elsewhere)
     * @param ivr     the {@code ivr:} line
     */
    private Server startNode(String id, int index, List<Integer> ports, String prefix, String cluster, int agiPort,
                             String ivr, String... queuesAndAgents) {
        String members = String.join(", ", ports.stream().map(p -> "'127.0.0.1:" + p + "'").toList());
        Server s = Server.start(ServerConfig.read(ConfigNode.parse(id + ".yaml", String.join("\n",
                "node: {id: " + id + "}",
                "http: {port: 0}",
                "asterisk:",
                "  inboundContexts: [cc-inbound, " + DefaultDialplan.NORMALISING_TRUNK_CONTEXT + "]",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + simulator.amiPort() + ", username: cc,"
                        + " secret: '${AMI_SECRET}', reconnectInitialDelay: 200ms, reconnectMaxDelay: 1s}",
                "agi: {port: " + agiPort + "}",
                ivr,
                "database: {url: '" + pg.config().url() + "', username: postgres, password: ''}",
                "livestate: {redis: 'redis://127.0.0.1:6379/0', keyPrefix: '" + prefix + "'}",
                "cluster: {enabled: true, name: " + cluster + ", host: 127.0.0.1, port: " + ports.get(index)
                        + ", members: [" + members + "]}",
                "acd:",
                "  leaseTtl: 2s",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: false",
                String.join("\n", queuesAndAgents),
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        nodes.add(s);
        return s;
    }
}
