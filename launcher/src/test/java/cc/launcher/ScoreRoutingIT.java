package cc.launcher;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.config.ConfigNode;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.CallQueueEntered;
import cc.core.domain.customer.Customer;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.CallOutcome;
import cc.simulator.InboundCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ACD's score rules in the whole server, every part real: simulated callers through the IVR (looked up by caller
 * ID), the ACD reading their customers' scores from PostgreSQL as they are enqueued, agents' simulated phones rung
 * over AMI, and the records in PostgreSQL.
 */
class ScoreRoutingIT {
    private static final String SECRET = "score-secret";
    private static final String CHURNER = "09120000901";
    private static final String GOLD = "09120000902";
    private static final String PLAIN = "09120000903";
    private static final String UNSCORED = "09120000904";
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static final List<CallOffered> offers = new CopyOnWriteArrayList<>();
    private static final List<CallQueueEntered> entered = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        PhoneBehaviour answers = PhoneBehaviour.answersAfter(Distribution.fixed(300));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "score?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(300))
                .phones(Phones.builder().number("3001", answers).number("3002", answers).build())
                .build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("score.yaml", Rig.serverYaml(simulator, agiPort,
                "score-flows", "score", pg,
                "scores:",
                "  recomputeEvery: 0s",
                "  valueTiers: [{name: gold, from: 0.7}, {name: silver, from: 0.4}]",
                "acd:",
                "  server: pbx1",
                "  agentsAvailableAtStart: true",
                "  scoreWait: 2s",
                "  scoreRules:",
                "    - {when: churnRisk > 0.7, queue: retention}",
                "    - {when: valueTier = gold, priority: 5}",
                "  queues: [{id: support, wrapUp: 0s}, {id: retention, wrapUp: 0s}]",
                "  agents:",
                "    - {id: keeper, phone: PJSIP/3001, queues: [retention]}",
                "    - {id: helper, phone: PJSIP/3002, queues: [support]}",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        Vertx vertx = Vertx.vertx();
        try (Database db = Database.open(vertx, pg.config()).await()) {
            JdbcCustomerStore customers = new JdbcCustomerStore(db);
            long churner = customers.save(new Customer(0, "Leaving Soon", List.of(CHURNER), "70000001", "en", "retail"))
                    .await().id();
            long gold = customers.save(new Customer(0, "Golden Guest", List.of(GOLD), "70000002", "en", "retail"))
                    .await().id();
            long plain = customers.save(new Customer(0, "Plain Caller", List.of(PLAIN), "70000003", "en", "retail"))
                    .await().id();
            customers.save(new Customer(0, "No Scores", List.of(UNSCORED), "70000004", "en", "retail")).await();
            score(churner, "churnRisk", 0.9);
            score(churner, "value", 0.2);
            score(gold, "churnRisk", 0.1);
            score(gold, "value", 0.85);
            score(plain, "churnRisk", 0.2);
            score(plain, "value", 0.3);
        } finally {
            vertx.close().await();
        }
        server.vertx().eventBus().<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> offers.add(m.body()));
        server.vertx().eventBus().<CallQueueEntered>consumer(Addresses.ACD_CALL_QUEUE_ENTERED,
                m -> entered.add(m.body()));
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    @DisplayName("a caller whose customer has churn risk 0.9 waits in the retention queue and reaches its agent; the record says why")
    void highChurnReachesRetention() throws Exception {
        CallOutcome outcome = simulator.placeInboundCall(InboundCall.of(CHURNER, "Leaving", "02100000")
                .withTalkTimeMs(1_000).withPatienceMs(20_000)).awaitEnd(Duration.ofSeconds(30));
        assertTrue(outcome.reachedAgent(), "the caller was bridged to an agent: " + outcome);
        CallOffered offer = offerTo(CHURNER);
        assertEquals("retention", offer.queue());
        assertEquals("keeper", offer.agentId());
        List<String[]> segments = new ArrayList<>();
        Rig.awaitTrue("the record has its routing segment and the retention wait", Duration.ofSeconds(15), () -> {
            segments.clear();
            segments.addAll(segments(CHURNER));
            return segments.stream().anyMatch(s -> s[0].equals("routing"))
                    && segments.stream().anyMatch(s -> s[0].equals("talk"));
        });
        String[] routing = segments.stream().filter(s -> s[0].equals("routing")).findFirst().orElseThrow();
        assertEquals("retention", routing[1]);
        assertEquals("applied", routing[2]);
        assertEquals("churnRisk 0.90 > 0.7: queue retention", routing[3]);
        assertTrue(segments.stream().anyMatch(s -> s[0].equals("queue") && s[1].equals("retention")),
                "the caller waited in retention: " + describe(segments));
        assertTrue(segments.stream().noneMatch(s -> s[0].equals("queue") && s[1].equals("support")),
                "never in support: " + describe(segments));
    }

    @Test
    @DisplayName("a gold customer is answered before a caller who was waiting longer; a customer without scores is routed as asked")
    void goldJumpsAheadAndUnscoredRoutesNormally() throws Exception {
        // the support agent is busy with a first caller, a customer without scores (routed as asked, no rule noted)
        simulator.placeInboundCall(InboundCall.of(UNSCORED, "Unscored", "02100000").withTalkTimeMs(10_000)
                .withPatienceMs(30_000));
        Rig.awaitTrue("the first caller is offered to the support agent", Duration.ofSeconds(15),
                () -> offers.stream().anyMatch(o -> number(o).equals(UNSCORED)));
        assertEquals("support", offerTo(UNSCORED).queue());
        // then a plain customer waits, and after them a gold one
        simulator.placeInboundCall(InboundCall.of(PLAIN, "Plain", "02100000").withTalkTimeMs(1_000)
                .withPatienceMs(30_000));
        Rig.awaitTrue("the plain caller waits in support", Duration.ofSeconds(15), () -> waiting(PLAIN));
        simulator.placeInboundCall(InboundCall.of(GOLD, "Gold", "02100000").withTalkTimeMs(1_000)
                .withPatienceMs(30_000));
        Rig.awaitTrue("the gold caller waits in support", Duration.ofSeconds(15), () -> waiting(GOLD));
        Rig.awaitTrue("both waiting callers are offered", Duration.ofSeconds(30),
                () -> offers.stream().anyMatch(o -> number(o).equals(PLAIN)));
        List<String> order = offers.stream().map(ScoreRoutingIT::number)
                .filter(n -> n.equals(PLAIN) || n.equals(GOLD)).toList();
        assertEquals(List.of(GOLD, PLAIN), order, "the gold customer is offered first");
        Rig.awaitTrue("the gold caller's record notes the rule", Duration.ofSeconds(15),
                () -> segments(GOLD).stream().anyMatch(s -> s[0].equals("routing")));
        String[] routing = segments(GOLD).stream().filter(s -> s[0].equals("routing")).findFirst().orElseThrow();
        assertEquals("valueTier gold (value 0.85): priority +5", routing[3]);
        assertTrue(segments(UNSCORED).stream().noneMatch(s -> s[0].equals("routing")), "no rule noted");
        assertTrue(segments(PLAIN).stream().noneMatch(s -> s[0].equals("routing")), "no rule matched");
    }

    private static boolean waiting(String number) {
        return entered.size() > 0 && simulator.channels().stream().anyMatch(c -> c.name().endsWith(";2")
                && number.equals(c.callerIdNum()) && "MusicOnHold".equals(c.application()));
    }

    private static CallOffered offerTo(String number) {
        return offers.stream().filter(o -> number(o).equals(number)).findFirst().orElseThrow();
    }

    /** The caller's number, as the IVR's lookup found the customer by it. */
    private static String number(CallOffered o) {
        return NAMES.getOrDefault(o.data().getOrDefault("customer.name", ""), "");
    }

    private static final Map<String, String> NAMES = Map.of("Leaving Soon", CHURNER, "Golden Guest", GOLD,
            "Plain Caller", PLAIN, "No Scores", UNSCORED);

    private static void score(long customer, String name, double value) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("insert into customer_scores (customer_id, name, score,"
                     + " computed_at, reasons) values (?, ?, ?, ?, '')")) {
            ps.setLong(1, customer);
            ps.setString(2, name);
            ps.setDouble(3, value);
            ps.setTimestamp(4, Timestamp.from(Instant.now().minus(Duration.ofHours(2))));
            ps.executeUpdate();
        }
    }

    /** The segments of the caller's latest record: kind, queue, outcome, detail. */
    private static List<String[]> segments(String number) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select s.kind, s.queue, s.outcome, s.detail"
                     + " from interaction_segments s join interactions i on i.id = s.interaction_id"
                     + " where i.caller_number = ? order by i.offered_at desc, s.seq")) {
            ps.setString(1, number);
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            return out;
        }
    }

    private static String describe(List<String[]> segments) {
        return segments.stream().map(s -> String.join("/", s)).toList().toString();
    }
}
