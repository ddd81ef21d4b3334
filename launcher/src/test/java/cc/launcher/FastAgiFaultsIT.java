package cc.launcher;

import cc.core.config.ConfigNode;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AgiFault;
import cc.simulator.AsteriskSimulator;
import cc.simulator.CallOutcome;
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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FastAGI sessions that go wrong at every command of a flow that has every kind of node: Asterisk stops answering,
 * answers garbage, or drops the socket instead of answering or right after it (while the server works on its next
 * node). The whole server runs against the simulator with PostgreSQL; the fault is the simulator's named failure
 * {@link AgiFault}, so the calls are real channels and their records are written as in production.
 */
class FastAgiFaultsIT {
    private static final String SECRET = "agi-faults-secret";
    /** The server gives a silent Asterisk this long per command (agi.replyTimeout). */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(1);
    /** Every faulty caller at once: sessions cost the server no thread, so they may all be in the flow together. */
    private static final int BATCH = 200;

    private PostgresTestDatabase pg;
    private AsteriskSimulator simulator;
    private Server server;

    @AfterEach
    void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    @DisplayName("a FastAGI session that stops answering, answers garbage or disconnects at any command of any node"
            + " ends as failed within the reply timeout, its record is closed with a cause, no thread is left behind, and"
            + " the next callers are served")
    void everyCommandOfEveryNodeSurvivesEveryFault() throws Exception {
        pg = PostgresTestDatabase.create();
        ServerTables tables = new ServerTables(pg);
        int agiPort = Rig.freePort();
        PhoneBehaviour agent = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(100), Distribution.fixed(300));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "faults?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(150))
                .phones(Phones.builder().number("4001", agent).number("4002", agent).number("4003", agent).build())
                .build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("agi-faults.yaml", Rig.serverYaml(simulator, agiPort,
                "fault-flows", "faults", pg,
                "acd:",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  queues: [{id: faults, wrapUp: 0s}]",
                "  agents:",
                "    - {id: f1, phone: PJSIP/4001, queues: [faults]}",
                "    - {id: f2, phone: PJSIP/4002, queues: [faults]}",
                "    - {id: f3, phone: PJSIP/4003, queues: [faults]}",
                "").replace("agi: {port: " + agiPort + "}",
                        "agi: {port: " + agiPort + ", replyTimeout: " + REPLY_TIMEOUT.toMillis() + "ms}"),
                Map.of("AMI_SECRET", SECRET)::get))).await();

        // a clean call down each path tells how many commands each makes, and warms every pool up for the baseline
        Map<String, Integer> commands = new LinkedHashMap<>();
        commands.put("queue", commandsOf("09170000000", "enqueued", tables));
        commands.put("hangup", commandsOf("09170000001", "completed", tables));
        // and a burst of clean callers grows every pool (JDBC workers, event loops) to what such a burst needs
        List<SimulatedCall> warmUp = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            warmUp.add(simulator.placeInboundCall(InboundCall.of(String.format("091790%04d", i), "Warm", "02100000")
                    .withPatienceMs(60_000)));
        }
        for (SimulatedCall c : warmUp) {
            c.awaitEnd(Duration.ofSeconds(60));
        }
        Thread.sleep(1_000);
        int baseline = ManagementFactory.getThreadMXBean().getThreadCount();
        Set<String> before = threadNames();

        List<Placed> placed = new ArrayList<>();
        AgiFault.Kind[] kinds = AgiFault.Kind.values();
        for (int path = 0; path < 2; path++) {
            int n = path == 0 ? commands.get("queue") : commands.get("hangup");
            for (int k = 1; k <= n; k++) {
                for (int kind = 0; kind < kinds.length; kind++) {
                    // the last digit is the path's parity (even: queue, odd: hang-up node)
                    String number = String.format("0918%d%02d%02d%d", kind, k, path, path);
                    placed.add(new Placed(number, new AgiFault(k, kinds[kind]), null));
                }
            }
        }
        List<Placed> done = new ArrayList<>();
        for (int from = 0; from < placed.size(); from += BATCH) {
            List<Placed> batch = new ArrayList<>();
            for (Placed p : placed.subList(from, Math.min(placed.size(), from + BATCH))) {
                simulator.injectAgiFault(p.number, p.fault);
                batch.add(new Placed(p.number, p.fault, simulator.placeInboundCall(
                        InboundCall.of(p.number, "Fault " + p.fault.kind(), "02100000").withPatienceMs(60_000))));
            }
            for (Placed p : batch) {
                p.call.awaitEnd(Duration.ofSeconds(60));
            }
            done.addAll(batch);
        }
        int injected = simulator.stats().all().getOrDefault("agi.faults", 0L).intValue();

        // every record read in one query (a query per caller costs minutes on a busy machine)
        Rig.awaitTrue("every faulty caller's record closed", Duration.ofSeconds(20), () -> tables.one(Long.class,
                "select count(*) from interactions where caller_number like '0918%' and ended_at is not null",
                new Object[0]) >= done.size());
        Map<String, String> rows = new java.util.HashMap<>();
        for (String row : tables.rows("select i.caller_number, count(distinct i.id), min(i.end_cause),"
                + " bool_and(i.ended_at is not null), min(s.outcome) from interactions i"
                + " left join interaction_segments s"
                + " on s.interaction_id = i.id and s.kind = 'ivr' where i.caller_number like '0918%'"
                + " group by i.caller_number")) {
            rows.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1));
        }
        int complete = 0;
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Placed p : done) {
            // records, end cause (may hold spaces), closed, IVR outcome
            String row = rows.get(p.number);
            String[] f = row == null ? new String[0] : row.split(" ");
            String ivr = f.length == 0 ? null : f[f.length - 1];
            boolean ok = f.length >= 4 && f[0].equals("1") && f[f.length - 2].equals("t") && !"null".equals(f[1])
                    && !f[1].isEmpty();
            outcomes.merge(p.fault.kind() + " " + ivr, 1, Integer::sum);
            // a session that got no answer cannot finish its flow: it fails, unless the caller left it first (an
            // agent's bridge took a caller the enqueue node had already handed to the ACD: Asterisk says HANGUP)
            boolean mustFail = p.fault.kind() != AgiFault.Kind.DISCONNECT_AFTER_REPLY;
            if (!ok || ivr == null || ivr.equals("null") || ivr.isEmpty()
                    || (mustFail && !"failed".equals(ivr) && !"caller-hung-up".equals(ivr))) {
                problems.add(p.number + " " + p.fault + ": records, cause, closed, ivr: " + row);
            } else {
                complete++;
            }
        }

        // a thread left behind is one that is new since the baseline and not an idle worker of a bounded pool
        // (Vert.x's worker pool starts its threads lazily, up to 20, and keeps them parked)
        List<String> stuck = new ArrayList<>();
        try {
            Rig.awaitTrue("no thread left behind", Duration.ofSeconds(20), () -> {
                stuck.clear();
                stuck.addAll(threadsLeftBehind(before));
                return stuck.isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + stuck, e);
        }
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        // the server still serves: both paths again, each to its normal end
        clean("09170000010");
        clean("09170000011");
        assertEquals("enqueued", ivrOutcome("09170000010", tables));
        assertEquals("completed", ivrOutcome("09170000011", tables));
        long duplicates = tables.one(Long.class, "select count(*) from (select server, call_id from interactions"
                + " where channel = 'voice' group by server, call_id having count(*) > 1) d");

        System.out.println("FastAGI faults: injected " + injected + " (silent, garbage, disconnect, disconnect after"
                + " the reply, at each of " + commands + " commands per path); calls during faults " + done.size()
                + "; records complete " + complete + "/" + done.size() + "; duplicates " + duplicates
                + "; IVR outcomes " + outcomes + "; threads " + baseline + " before, " + threads
                + " after, none left behind"
                + " (new idle pool workers " + (threads - baseline) + ")");
        assertEquals(done.size(), injected, "every session met its fault");
        assertTrue(problems.isEmpty(), problems.size() + " records not closed as they should be: " + problems);
        assertEquals(0, duplicates);
    }

    private static List<String> threadsLeftBehind(Set<String> before) {
        List<String> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            boolean idleWorker = t.getName().startsWith("vert.x-worker-thread-")
                    && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
            if (!before.contains(t.getName()) && !idleWorker && t.isAlive()) {
                out.add(t.getName() + " " + t.getState());
            }
        }
        return out;
    }

    private static Set<String> threadNames() {
        Set<String> names = new TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.add(t.getName());
        }
        return names;
    }

    private record Placed(String number, AgiFault fault, SimulatedCall call) {}

    private CallOutcome clean(String number) throws Exception {
        return simulator.placeInboundCall(InboundCall.of(number, "Clean", "02100000").withPatienceMs(60_000))
                .awaitEnd(Duration.ofSeconds(60));
    }

    /** The number of commands a clean session sends, after checking it ended as expected. */
    private int commandsOf(String number, String expected, ServerTables tables) throws Exception {
        CallOutcome outcome = clean(number);
        assertEquals(expected, ivrOutcome(number, tables), "the clean call: " + outcome.agiTranscript());
        return (int) outcome.agiTranscript().stream().filter(l -> l.startsWith("> ")).count();
    }

    /** The outcome of the caller's IVR segment, once it has one. */
    private static String ivrOutcome(String number, ServerTables tables) throws Exception {
        Rig.awaitTrue("the IVR segment of " + number + " ended", Duration.ofSeconds(10),
                () -> ivrSegment(number, tables) != null);
        return ivrSegment(number, tables);
    }

    private static String ivrSegment(String number, ServerTables tables) throws Exception {
        return tables.one(String.class, "select s.outcome from interaction_segments s join interactions i on i.id ="
                + " s.interaction_id where i.caller_number = ? and s.kind = 'ivr' and s.outcome <> ''", number);
    }

}
