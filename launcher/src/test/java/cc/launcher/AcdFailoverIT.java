package cc.launcher;

import cc.acd.app.AcdVerticle;
import cc.core.config.ConfigNode;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.EnqueueCall;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.CallOutcome;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two server nodes, each with its own AMI link to the same simulator, sharing one real Redis: one routes, the
 * other stands by; the leader dies with callers waiting and the standby takes over with every caller's place.
 */
class AcdFailoverIT {
    private static final String SECRET = "failover-secret";
    /** Callers talk longer than the takeover takes: the calls in progress outlive the leader. */
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
    @DisplayName("the leader dies with agents talking and callers waiting: the standby routes within 5 s, frees each "
            + "agent when its call ends, and no caller is lost or offered twice")
    void standbyTakesOver() throws Exception {
        pg = PostgresTestDatabase.create();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", Rig.freePort(), "unused?lang=en")
                .phones(Phones.builder().prefix("30", PhoneBehaviour.answersAfter(Distribution.fixed(200))).build())
                .build());
        String prefix = "cc_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
        Server first = startNode("n1", prefix, TWO_AGENTS);
        Rig.awaitTrue("n1 holds the routing lease", Duration.ofSeconds(5),
                () -> holder(first).equals(Optional.of("n1")));
        Server second = startNode("n2", prefix, TWO_AGENTS);
        List<CallOffered> offers = new CopyOnWriteArrayList<>();
        for (Server n : nodes) {
            n.vertx().eventBus().<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> offers.add(m.body()));
        }
        Thread.sleep(300);
        assertEquals(503, enqueueStatus(second, simulator.placeInboundCall(holding("09140000000"))),
                "the standby does not route");

        List<SimulatedCall> callers = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            SimulatedCall c = simulator.placeInboundCall(holding("0914000000" + i));
            callers.add(c);
            assertEquals(200, enqueueStatus(first, c), "the leader queues caller " + i);
        }
        Rig.awaitTrue("both agents are talking", Duration.ofSeconds(5), () -> simulator.channels().stream()
                .filter(ch -> ch.name().startsWith("PJSIP/300") && !ch.bridgeId().isEmpty()).count() == 2);
        Instant killed = Instant.now();
        nodes.remove(first);
        first.close();
        Rig.awaitTrue("n2 holds the routing lease", Duration.ofSeconds(10),
                () -> holder(second).equals(Optional.of("n2")));
        Duration takeover = Duration.between(killed, Instant.now());
        System.out.println("ACD failover: n2 took the routing lease " + takeover.toMillis() + " ms after n1 died");
        assertTrue(takeover.compareTo(Duration.ofSeconds(5)) < 0, "takeover within 5 s, was " + takeover);

        for (SimulatedCall c : callers) {
            CallOutcome o;
            try {
                o = c.awaitEnd(Duration.ofSeconds(40));
            } catch (java.util.concurrent.TimeoutException t) {
                throw new AssertionError("caller " + c.uniqueid() + " still up; channels " + simulator.channels()
                        + "; offers " + offers, t);
            }
            assertTrue(o.reachedAgent(), "caller " + c.uniqueid() + " reached an agent: " + o);
        }
        for (SimulatedCall c : callers) {
            long n = offers.stream().filter(o -> o.callerUniqueId().equals(c.uniqueid())).count();
            assertEquals(1, n, "caller " + c.uniqueid() + " offered exactly once: " + offers);
        }
    }

    @Test
    @DisplayName("callers waiting through a takeover keep their skills, their data for the pop, a callback they "
            + "asked for and a callback promised for later")
    void waitingCallersKeepWhatTheyNeed() throws Exception {
        pg = PostgresTestDatabase.create();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", Rig.freePort(), "unused?lang=en")
                .phones(Phones.builder()
                        .prefix("30", PhoneBehaviour.answersAfter(Distribution.fixed(200)))
                        .prefix("0915", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200),
                                Distribution.fixed(1_000)))
                        .build())
                .build());
        String prefix = "cc_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
        List<String> agents = List.of(
                "    - {id: persian, phone: PJSIP/3001, queues: [q], skills: 'fa:1'}",
                "    - {id: plain, phone: PJSIP/3002, queues: [q]}");
        Server first = startNode("n1", prefix, agents);
        Rig.awaitTrue("n1 holds the routing lease", Duration.ofSeconds(5),
                () -> holder(first).equals(Optional.of("n1")));
        Server second = startNode("n2", prefix, agents);
        List<CallOffered> offers = new CopyOnWriteArrayList<>();
        for (Server n : nodes) {
            n.vertx().eventBus().<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> offers.add(m.body()));
        }
        Thread.sleep(300);

        // the plain agent frees up first, with the Persian speaker at the head of the line
        SimulatedCall talksToPersian = simulator.placeInboundCall(holding("09150000001", 7_000));
        assertEquals(200, enqueueStatus(first, talksToPersian, Map.of("skills", "fa")));
        SimulatedCall talksToPlain = simulator.placeInboundCall(holding("09150000002", 3_500));
        assertEquals(200, enqueueStatus(first, talksToPlain, Map.of()));
        Rig.awaitTrue("both agents are talking", Duration.ofSeconds(5), () -> simulator.channels().stream()
                .filter(ch -> ch.name().startsWith("PJSIP/300") && !ch.bridgeId().isEmpty()).count() == 2);
        SimulatedCall persianSpeaker = simulator.placeInboundCall(holding("09150000003", 1_000));
        assertEquals(200, enqueueStatus(first, persianSpeaker, Map.of("skills", "fa", "customerId", "77")));
        SimulatedCall plainCaller = simulator.placeInboundCall(holding("09150000004", 1_000));
        assertEquals(200, enqueueStatus(first, plainCaller, Map.of()));
        SimulatedCall wantsCallback = simulator.placeInboundCall(holding("09150000005", 1_000));
        assertEquals(200, enqueueStatus(first, wantsCallback, Map.of()));
        first.vertx().eventBus().request(cc.core.contract.AcdAddresses.CALL_REQUEST_CALLBACK,
                        new cc.core.contract.CallbackRequest(wantsCallback.uniqueid(), "09150000055"))
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        wantsCallback.hangup();
        Instant promisedFor = Instant.now().plusSeconds(5);
        first.vertx().eventBus().request(cc.core.contract.ConsoleAddresses.CALLBACK_SCHEDULE,
                        new cc.core.contract.ScheduleCallback("09150000066", promisedFor, 0, "q", "plain", "",
                                "promised before the failover", "plain"))
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        Thread.sleep(200);

        nodes.remove(first);
        first.close();
        Rig.awaitTrue("n2 holds the routing lease", Duration.ofSeconds(10),
                () -> holder(second).equals(Optional.of("n2")));

        Rig.awaitTrue("the callback asked for and the promised one are placed", Duration.ofSeconds(30),
                () -> offers.stream().filter(o -> "true".equals(o.data().get("callback"))).count() == 2);
        Rig.awaitTrue("the Persian speaker is offered", Duration.ofSeconds(15),
                () -> offers.stream().anyMatch(o -> o.callerUniqueId().equals(persianSpeaker.uniqueid())));
        CallOffered toPersian = only(offers, persianSpeaker.uniqueid());
        assertEquals("persian", toPersian.agentId(), "the skill survived the takeover: " + offers);
        assertEquals("77", toPersian.data().get("customerId"), "the pop still knows the customer");
        assertEquals("plain", only(offers, plainCaller.uniqueid()).agentId(), "offers: " + offers);
        CallOffered callback = only(offers, wantsCallback.uniqueid());
        assertEquals("09150000055", callback.data().get("callbackNumber"), "called back on the number given");
        CallOffered promised = offers.stream().filter(o -> "true".equals(o.data().get("callback"))
                && !o.callerUniqueId().equals(wantsCallback.uniqueid())).findFirst().orElseThrow();
        assertEquals("09150000066", promised.data().get("callbackNumber"));
        assertTrue(!promised.at().isBefore(promisedFor.minusMillis(200)), "not before its time: " + promised.at());
        for (SimulatedCall c : List.of(talksToPersian, talksToPlain, persianSpeaker, plainCaller, wantsCallback)) {
            only(offers, c.uniqueid());
        }
    }

    /** The one offer of a caller; fails when there were none or several. */
    private static CallOffered only(List<CallOffered> offers, String callerUniqueId) {
        List<CallOffered> of = offers.stream().filter(o -> o.callerUniqueId().equals(callerUniqueId)).toList();
        assertEquals(1, of.size(), "caller " + callerUniqueId + " offered exactly once: " + offers);
        return of.get(0);
    }

    private static final List<String> TWO_AGENTS = List.of(
            "    - {id: a1, phone: PJSIP/3001, queues: [q]}",
            "    - {id: a2, phone: PJSIP/3002, queues: [q]}");

    private static InboundCall holding(String number) {
        return holding(number, TALK_MS);
    }

    private static InboundCall holding(String number, long talkMs) {
        return InboundCall.of(number, "Waiting", "s").withContext("cc-hold").withPatienceMs(0)
                .withTalkTimeMs(talkMs);
    }

    private static int enqueueStatus(Server node, SimulatedCall c) throws Exception {
        return enqueueStatus(node, c, Map.of());
    }

    private static int enqueueStatus(Server node, SimulatedCall c, Map<String, String> data) throws Exception {
        try {
            node.vertx().eventBus().request(Addresses.ACD_CALL_ENQUEUE, new EnqueueCall(c.uniqueid(), c.channel(),
                            "q", 0, "en", data, Instant.now()))
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
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

    private Server startNode(String id, String prefix, List<String> agents) {
        Server s = Server.start(ServerConfig.read(ConfigNode.parse(id + ".yaml", String.join("\n",
                "node: {id: " + id + "}",
                "http: {port: 0}",
                "asterisk:",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + simulator.amiPort() + ", username: cc,"
                        + " secret: '${AMI_SECRET}', reconnectInitialDelay: 200ms, reconnectMaxDelay: 1s}",
                "agi: {port: 0}",
                "ivr: {flows: src/test/resources/acd-flows, defaultFlow: acd}",
                "database: {url: '" + pg.config().url() + "', username: postgres, password: ''}",
                "livestate: {redis: 'redis://127.0.0.1:6379/0', keyPrefix: '" + prefix + "'}",
                "acd:",
                "  leaseTtl: 2s",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  queues: [{id: q}]",
                "  agents:",
                String.join("\n", agents),
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        nodes.add(s);
        return s;
    }

}
