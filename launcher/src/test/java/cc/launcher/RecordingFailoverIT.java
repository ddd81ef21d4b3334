package cc.launcher;

import cc.core.app.interaction.RecordingOwnership;
import cc.core.config.ConfigNode;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes on one simulator, one PostgreSQL, one Redis and the clustered event bus: the callers run the IVR on one
 * node (the simulator's FastAGI points there) and are routed and recorded by the other, which dies with calls up;
 * the survivor takes the recording lease over and every call ends as one complete interaction record.
 */
class RecordingFailoverIT {
    private static final String SECRET = "recording-secret";
    private static final String SERVER = "pbx1";
    /** The caller keys the sales queue while the IVR's menu waits (3 s after its 300 ms prompt). */
    private static final long KEY_AT_MS = 1_500;
    /** Agents talk longer than the takeover takes: the calls up at the death outlive the recording node. */
    private static final long TALK_MS = 7_000;
    private static final List<String> AGENTS = List.of("a1", "a2", "a3", "a4");
    private PostgresTestDatabase pg;
    private AsteriskSimulator simulator;
    private final List<Server> nodes = new ArrayList<>();
    /** The caller number of each call placed (each call its own: the simulator's Local pair is the call's id). */
    private final Map<SimulatedCall, String> numbers = new java.util.HashMap<>();

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
    @DisplayName("the recording node closes mid-call: the other records from then on, each call is one complete "
            + "record, none missing")
    void recordingNodeCloses() throws Exception {
        takeover(false);
    }

    @Test
    @DisplayName("the recording node dies without giving its lease up: the other takes it when it runs out, each call "
            + "is one complete record, none missing")
    void recordingNodeDies() throws Exception {
        takeover(true);
    }

    private void takeover(boolean dies) throws Exception {
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(300))
                .phones(Phones.builder().prefix("20", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300),
                        Distribution.fixed(TALK_MS))).build())
                .build());
        ServerTables tables = new ServerTables(pg);
        String prefix = "cc_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
        String cluster = "cc-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<Integer> ports = List.of(Rig.freePort(), Rig.freePort());
        // the recorder (and router) starts first; the IVR's node second, so the calls' IVR facts cross the nodes
        Server recorder = startNode("n2", 0, 1, ports, prefix, cluster);
        Rig.awaitTrue("n2 records pbx1", Duration.ofSeconds(5), () -> holder(recorder).equals(Optional.of("n2")));
        Server ivrNode = startNode("n1", agiPort, 0, ports, prefix, cluster);
        Rig.awaitTrue("two members", Duration.ofSeconds(15),
                () -> ivrNode.cluster().orElseThrow().members().size() == 2);

        List<SimulatedCall> calls = new ArrayList<>();
        // before the death: two calls from start to end, recorded by n2
        List<SimulatedCall> before = place(calls, "0913000000", 2);
        for (SimulatedCall c : before) {
            assertTrue(c.awaitEnd(Duration.ofSeconds(30)).reachedAgent(), "caller " + c.uniqueid() + " reached an agent");
        }
        // at the death: four calls talking to agents
        List<SimulatedCall> during = place(calls, "0913000010", 4);
        Rig.awaitTrue("four agents talking", Duration.ofSeconds(15), () -> simulator.channels().stream()
                .filter(ch -> ch.name().startsWith("PJSIP/20") && !ch.bridgeId().isEmpty()).count() == 4);
        Instant killed = Instant.now();
        if (dies) {
            recorder.haltRecordingLeases();
        }
        nodes.remove(recorder);
        recorder.close();
        Rig.awaitTrue("n1 records pbx1", Duration.ofSeconds(10), () -> holder(ivrNode).equals(Optional.of("n1")));
        Duration takeover = Duration.between(killed, Instant.now());
        assertTrue(takeover.compareTo(Duration.ofSeconds(5)) < 0, "takeover within 5 s, was " + takeover);
        for (SimulatedCall c : during) {
            assertTrue(c.awaitEnd(Duration.ofSeconds(30)).reachedAgent(), "caller " + c.uniqueid() + " reached an agent");
        }
        // after the takeover: two more calls, recorded by n1 alone
        List<SimulatedCall> after = place(calls, "0913000020", 2);
        for (SimulatedCall c : after) {
            CallOutcome o = c.awaitEnd(Duration.ofSeconds(30));
            assertTrue(o.reachedAgent(), "caller " + c.uniqueid() + " reached an agent: " + o);
        }

        Rig.awaitTrue("every call's record ended", Duration.ofSeconds(10), () -> tables.one(Long.class,
                "select count(*) from interactions where server = ? and ended_at is not null", SERVER) >= calls.size());
        Thread.sleep(500);
        long rows = tables.one(Long.class, "select count(*) from interactions where server = ?", SERVER);
        int missing = 0;
        int duplicates = 0;
        for (SimulatedCall c : calls) {
            long n = tables.one(Long.class, "select count(*) from interactions where server = ? and caller_number = ?",
                    SERVER, numbers.get(c));
            missing += n == 0 ? 1 : 0;
            duplicates += n > 1 ? (int) (n - 1) : 0;
        }
        System.out.printf("recording failover (%s): %d calls, %d rows, %d duplicates, %d missing; n1 took the "
                        + "recording of %s %d ms after n2 %s%n", dies ? "death" : "close", calls.size(), rows,
                duplicates, missing, SERVER, takeover.toMillis(), dies ? "died" : "closed");
        assertEquals(0, missing, "every call has a record");
        assertEquals(0, duplicates, "no call has two");
        assertEquals(calls.size(), rows, "no record of anything else");

        for (SimulatedCall c : calls) {
            assertComplete(tables, numbers.get(c));
        }
        for (SimulatedCall c : during) {
            OffsetDateTime ended = tables.one(OffsetDateTime.class,
                    "select ended_at from interactions where server = ? and caller_number = ?", SERVER, numbers.get(c));
            assertTrue(ended.toInstant().isAfter(killed), "call " + numbers.get(c) + " ended after n2 "
                    + (dies ? "died" : "closed") + ", so its end was written by n1");
        }
    }

    /** One record, ended, answered by an agent, with the IVR, the queue wait and the talk, every segment closed. */
    private static void assertComplete(ServerTables tables, String number) throws Exception {
        String id = tables.one(String.class, "select id from interactions where server = ? and caller_number = ?",
                SERVER, number);
        List<String> row = tables.rows("select answered_at is not null, ended_at is not null, agent_id, queue,"
                + " end_cause from interactions where id = ?", id);
        String[] f = row.get(0).split(" ", 5);
        assertEquals("t", f[0], "answered: " + row);
        assertEquals("t", f[1], "ended: " + row);
        assertTrue(AGENTS.contains(f[2]), "who answered: " + row);
        assertEquals("sales", f[3], "the queue: " + row);
        assertFalse(f[4].isBlank(), "the end cause: " + row);
        List<String> kinds = tables.rows("select kind from interaction_segments where interaction_id = ? order by seq",
                id);
        for (String kind : List.of("ivr", "queue", "talk")) {
            assertEquals(1, kinds.stream().filter(kind::equals).count(),
                    "one " + kind + " segment of " + number + " (no fact heard twice across the nodes): " + kinds);
        }
        assertEquals(0L, tables.one(Long.class, "select count(*) from interaction_segments where interaction_id = ?"
                + " and ended_at is null", id), "no segment left open: " + kinds);
        assertEquals(1L, tables.one(Long.class, "select count(*) from outbox_events where entity_id = ?"
                + " and event_type = 'interaction.ended'", id), "the call's end told other systems once");
    }

    private List<SimulatedCall> place(List<SimulatedCall> all, String numberPrefix, int count) {
        List<SimulatedCall> placed = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            SimulatedCall c = simulator.placeInboundCall(InboundCall.of(numberPrefix + i, "Caller " + i, "02100000")
                    .withDtmf(new DtmfStep(KEY_AT_MS, "1")).withPatienceMs(30_000));
            numbers.put(c, numberPrefix + i);
            placed.add(c);
        }
        all.addAll(placed);
        return placed;
    }

    private static Optional<String> holder(Server node) throws Exception {
        return node.liveState().leaseHolder(RecordingOwnership.leaseOf(SERVER)).toCompletionStage()
                .toCompletableFuture().get(2, TimeUnit.SECONDS);
    }

    private Server startNode(String id, int agiPort, int index, List<Integer> ports, String prefix, String cluster) {
        String members = String.join(", ", ports.stream().map(p -> "'127.0.0.1:" + p + "'").toList());
        Server s = Server.start(ServerConfig.read(ConfigNode.parse(id + ".yaml", Rig.serverYaml(simulator, agiPort,
                "acd-flows", "acd", pg,
                "node: {id: " + id + "}",
                "livestate: {redis: 'redis://127.0.0.1:6379/0', keyPrefix: '" + prefix + "'}",
                "cluster: {enabled: true, name: " + cluster + ", host: 127.0.0.1, port: " + ports.get(index)
                        + ", members: [" + members + "]}",
                "acd:",
                "  leaseTtl: 2s",
                "  tickEvery: 100ms",
                "  ringTimeout: 3s",
                "  agentsAvailableAtStart: true",
                "  queues: [{id: sales, wrapUp: 0s}]",
                "  agents:",
                "    - {id: a1, phone: PJSIP/2001, queues: [sales]}",
                "    - {id: a2, phone: PJSIP/2002, queues: [sales]}",
                "    - {id: a3, phone: PJSIP/2003, queues: [sales]}",
                "    - {id: a4, phone: PJSIP/2004, queues: [sales]}",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        nodes.add(s);
        return s;
    }
}
