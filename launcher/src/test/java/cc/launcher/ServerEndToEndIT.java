package cc.launcher;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.config.ConfigNode;
import cc.core.domain.customer.Customer;
import io.vertx.core.Vertx;
import cc.core.contract.Addresses;
import cc.core.contract.DisposeInteraction;
import cc.core.contract.FindInteractionByChannel;
import cc.core.contract.InteractionFound;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.CallOutcome;
import cc.simulator.DtmfStep;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole server over real sockets, configured as for a real Asterisk: it logs in to the simulator's AMI, serves
 * the simulator's FastAGI requests, and keeps interaction records in a real PostgreSQL database.
 */
class ServerEndToEndIT {
    private static final String SECRET = "e2e-secret";
    /** Answer (0.5 s) and the 1 s welcome are over; the caller keys during the menu prompt. */
    private static final long MENU_DTMF_MS = 1_800;
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "e2e?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(1_000))
                .build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("e2e.yaml", Rig.serverYaml(simulator, agiPort, "e2e-flows", "e2e", pg,
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        Vertx vertx = Vertx.vertx();
        try (Database db = Database.open(vertx, pg.config()).await()) {
            aliceId = new JdbcCustomerStore(db).save(new Customer(0, "Alice Caller", List.of("+98 912 000 0001"), "",
                    "en", "gold")).await().id();
        } finally {
            vertx.close().await();
        }
    }

    private static long aliceId;

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    @DisplayName("an inbound call runs the IVR over FastAGI, hangs up, and its record is in PostgreSQL with times and path")
    void inboundCallIsRecorded() throws Exception {
        String caller = "09120000001";
        SimulatedCall call = simulator.placeInboundCall(InboundCall.of(caller, "Alice Caller", "02100000")
                .withDtmf(new DtmfStep(MENU_DTMF_MS, "2")));
        CallOutcome outcome = call.awaitEnd(Duration.ofSeconds(30));
        assertTrue(outcome.answered(), "the IVR answered the call");

        Row row = awaitEndedRecord(caller, Duration.ofSeconds(15));
        assertEquals("voice", row.channel);
        assertEquals("inbound", row.direction);
        assertEquals("pbx1", row.server);
        assertEquals("02100000", row.dialedNumber);
        assertNotNull(row.answeredAt, "answered time recorded");
        assertFalse(row.answeredAt.isBefore(row.offeredAt), "answered after offered");
        assertFalse(row.endedAt.isBefore(row.answeredAt), "ended after answered");
        assertTrue(Duration.between(row.offeredAt, row.endedAt).compareTo(Duration.ofSeconds(1)) > 0,
                "the call lasted through the prompts, not an instant");
        assertEquals(List.of("answer", "welcome", "main-menu", "goodbye"), row.nodes());
        assertEquals("2", row.inputOf("main-menu"), "the digit the caller keyed is on the menu where it was pressed");
        assertEquals("", row.inputOf("goodbye"));
        assertEquals(aliceId, row.customerId, "recognised by caller ID (which came by NewCallerid), so the call is on"
                + " the customer's timeline");
        ServerTables tables = new ServerTables(pg);
        Rig.awaitTrue("the IVR's own outcome stands, whichever of its report and the hang-up came first",
                Duration.ofSeconds(10), () -> tables.segments(caller).equals(List.of("ivr completed")));
        assertEquals("Alice Caller", tables.summary(caller, "caller_name"));
        assertEquals(null, tables.summary(caller, "abandoned_where"), "served by the IVR: not abandoned");
    }

    @Test
    @DisplayName("a caller ID the dialplan rewrites mid-call (a trunk's number normalised) is the record's, and recognised")
    void callerIdRewrittenByTheDialplan() throws Exception {
        SimulatedCall call = simulator.placeInboundCall(InboundCall.of("09120000001", "Alice Caller", "02100000")
                .viaNormalisingTrunk().withDtmf(new DtmfStep(MENU_DTMF_MS, "2")));
        call.awaitEnd(Duration.ofSeconds(30));
        Row row = awaitEndedRecord("+989120000001", Duration.ofSeconds(15));
        assertEquals(aliceId, row.customerId, "the normalised number finds the customer");
        assertEquals(List.of("answer", "welcome", "main-menu", "goodbye"), row.nodes());
    }

    @Test
    @DisplayName("a disposition saved after the call ended lands on the stored record; the caller's channel finds its open call")
    void dispositionAfterTheCall() throws Exception {
        String caller = "09120000005";
        SimulatedCall call = simulator.placeInboundCall(InboundCall.of(caller, "Erin", "02100000")
                .withDtmf(new DtmfStep(MENU_DTMF_MS, "1")));
        awaitPathContains(caller, "hold-on", Duration.ofSeconds(15));
        InteractionFound found = server.vertx().eventBus().<InteractionFound>request(
                Addresses.INTERACTION_FIND_BY_CHANNEL, new FindInteractionByChannel(call.uniqueid())).await().body();
        assertEquals(caller, found.interaction().callerNumber());
        call.awaitEnd(Duration.ofSeconds(30));
        Row row = awaitEndedRecord(caller, Duration.ofSeconds(15));
        assertEquals(found.interaction().id(), row.id);

        server.vertx().eventBus().request(Addresses.INTERACTION_DISPOSE,
                new DisposeInteraction(row.id, "agent-7", "solved", "Explained the fee")).await();
        Rig.awaitTrue("disposition stored", Duration.ofSeconds(10), () -> "solved".equals(disposition(row.id)));
    }

    private static String disposition(String id) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select disposition, notes from interactions where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1) == null ? null : rs.getString(1) + (rs.getString(2).isEmpty() ? "?" : "");
            }
        }
    }

    @Test
    @DisplayName("the AMI link is cut in the middle of a call: the server reconnects and the record still completes")
    void lostAmiLinkLosesNothing() throws Exception {
        String caller = "09120000002";
        SimulatedCall call = simulator.placeInboundCall(InboundCall.of(caller, "Bob Caller", "02100000")
                .withDtmf(new DtmfStep(MENU_DTMF_MS, "1")));
        awaitPathContains(caller, "hold-on", Duration.ofSeconds(15));
        simulator.dropAmiConnections();
        CallOutcome outcome = call.awaitEnd(Duration.ofSeconds(30));
        assertTrue(outcome.answered());

        Row row = awaitEndedRecord(caller, Duration.ofSeconds(20));
        assertEquals(List.of("answer", "welcome", "main-menu", "hold-on", "goodbye"), row.nodes());
        assertNotNull(row.endedAt);
        Rig.awaitTrue("the link is back up", Duration.ofSeconds(10), () -> server.telephony().isUp("pbx1"));

        // and the next call after the reconnect is recorded as usual
        String next = "09120000003";
        simulator.placeInboundCall(InboundCall.of(next, "Carol", "02100000").withDtmf(new DtmfStep(MENU_DTMF_MS, "2")))
                .awaitEnd(Duration.ofSeconds(30));
        assertEquals(List.of("answer", "welcome", "main-menu", "goodbye"),
                awaitEndedRecord(next, Duration.ofSeconds(15)).nodes());
    }

    @Test
    @DisplayName("malformed and unknown AMI frames are skipped; the link stays up and calls are still recorded")
    void malformedFramesAreSkipped() throws Exception {
        simulator.sendRawAmi("this line has no colon\r\nEvent: NoSuchEventEver\r\nFoo: bar\r\n\r\n");
        simulator.sendRawAmi("Event: Hangup\r\nPrivilege: call,all\r\nCause: not-a-number\r\n\r\n");
        String caller = "09120000004";
        simulator.placeInboundCall(InboundCall.of(caller, "Dave", "02100000").withDtmf(new DtmfStep(MENU_DTMF_MS, "2")))
                .awaitEnd(Duration.ofSeconds(30));
        assertEquals(List.of("answer", "welcome", "main-menu", "goodbye"),
                awaitEndedRecord(caller, Duration.ofSeconds(15)).nodes());
        assertTrue(server.telephony().isUp("pbx1"));
    }

    // ---- reading the records back, as a report or the screen-pop would ------------------------------------------

    private record Step(String node, String input) {}

    private record Row(String id, String channel, String direction, String server, String dialedNumber,
                       Instant offeredAt, Instant answeredAt, Instant endedAt, Long customerId, List<Step> path) {
        List<String> nodes() {
            return path.stream().map(Step::node).toList();
        }

        String inputOf(String node) {
            return path.stream().filter(s -> s.node.equals(node)).findFirst().orElseThrow().input;
        }
    }

    private static Optional<Row> record(String callerNumber) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select id, channel, direction, server, dialed_number, "
                     + "offered_at, answered_at, ended_at, customer_id from interactions where caller_number = ?")) {
            ps.setString(1, callerNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = rs.getString(1);
                Row row = new Row(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        instant(rs, 6), instant(rs, 7), instant(rs, 8), (Long) rs.getObject(9, Long.class),
                        steps(c, id));
                assertFalse(rs.next(), "one interaction per call");
                return Optional.of(row);
            }
        }
    }

    private static List<Step> steps(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select node, input from interaction_ivr_steps where interaction_id = ? order by seq")) {
            ps.setString(1, id);
            List<Step> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Step(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Row awaitEndedRecord(String caller, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        Optional<Row> last = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            last = record(caller);
            if (last.isPresent() && last.get().endedAt != null) {
                return last.get();
            }
            Thread.sleep(100);
        }
        fail("no ended interaction for " + caller + " within " + limit + "; last seen: " + last);
        return null;
    }

    private static void awaitPathContains(String caller, String node, Duration limit) throws Exception {
        Rig.awaitTrue(caller + " reaches " + node, limit,
                () -> record(caller).map(r -> r.nodes().contains(node)).orElse(false));
    }

}
