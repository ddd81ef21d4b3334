package cc.launcher;

import cc.core.config.ConfigNode;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.BuildSegmentList;
import cc.core.contract.CallConnected;
import cc.core.contract.CallOffered;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialerAddresses;
import cc.core.contract.SaveCampaign;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.TrafficGenerator;
import cc.simulator.TrafficProfile;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The steady traffic the fault tests break things under, on one server node with PostgreSQL and Redis: callers
 * arriving through the IVR ({@code acd-flows}: nobody keys, the menu's fallback queues them in {@code sales}), agents
 * signed in and available from the start, and a predictive campaign over forty customers whose live answers go to
 * the same agents. It listens to what the ACD offers and connects and to every agent's state.
 */
final class FaultTraffic implements AutoCloseable {
    static final String SECRET = "fault-secret";
    static final String LIST = "fault-list";
    static final int AGENTS = 8;
    private static final int CUSTOMERS = 60;
    private boolean listBuilt;

    final PostgresTestDatabase pg;
    final ServerTables tables;
    final AsteriskSimulator simulator;
    final Server server;
    final List<CallOffered> offers = new CopyOnWriteArrayList<>();
    final List<CallConnected> connected = new CopyOnWriteArrayList<>();
    final Map<String, AgentStateChanged> agentStates = new ConcurrentHashMap<>();

    private FaultTraffic(PostgresTestDatabase pg, AsteriskSimulator simulator, Server server) {
        this.pg = pg;
        this.tables = new ServerTables(pg);
        this.simulator = simulator;
        this.server = server;
    }

    static FaultTraffic start() throws Exception {
        PostgresTestDatabase pg = PostgresTestDatabase.create();
        AsteriskSimulator simulator = null;
        try {
            int agiPort = Rig.freePort();
            Phones.Builder phones = Phones.builder();
            StringBuilder agents = new StringBuilder();
            for (int i = 1; i <= AGENTS; i++) {
                // agents answer at once and hang up after a while at the latest, as people do: also a phone that
                // answered an offer whose answer was lost with a cut link (nobody joins it) is put down again
                phones.number("50" + String.format("%02d", i), PhoneBehaviour.answersThenHangsUp(
                        Distribution.fixed(200), Distribution.uniform(4_000, 9_000)));
                agents.append("    - {id: agent").append(i).append(", phone: PJSIP/50").append(String.format("%02d", i))
                        .append(", queues: [sales]}\n");
            }
            for (int i = 1; i <= CUSTOMERS; i++) {
                phones.number(customer(i), i % 7 == 0 ? PhoneBehaviour.busy()
                        : PhoneBehaviour.answersThenHangsUp(Distribution.uniform(500, 2_000),
                        Distribution.exponential(5_000)));
            }
            simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                    .amiUser("cc", SECRET)
                    .agi("127.0.0.1", agiPort, "acd?lang=en")
                    .timings(Timings.defaults().withUnknownPromptMs(300))
                    .phones(phones.build())
                    .build());
            String prefix = "cc_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
            Server server = Server.start(ServerConfig.read(ConfigNode.parse("faults.yaml", Rig.serverYaml(simulator,
                    agiPort, "acd-flows", "acd", pg,
                    "livestate: {redis: 'redis://127.0.0.1:6379/0', keyPrefix: '" + prefix + "'}",
                    "acd:",
                    "  tickEvery: 100ms",
                    "  ringTimeout: 3s",
                    "  agentsAvailableAtStart: true",
                    "  queues: [{id: sales, wrapUp: 200ms}]",
                    "  agents:",
                    agents.toString(),
                    "dialer:",
                    "  trunk: 'PJSIP/{number}'",
                    "  ringTimeout: 15s",
                    "  timeZone: UTC",
                    "  daysOff: []",
                    "  demo: false",
                    ""), Map.of("AMI_SECRET", SECRET)::get))).await();
            FaultTraffic t = new FaultTraffic(pg, simulator, server);
            var bus = server.vertx().eventBus();
            bus.<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> t.offers.add(m.body()));
            bus.<CallConnected>consumer(AcdAddresses.CALL_CONNECTED, m -> t.connected.add(m.body()));
            bus.<AgentStateChanged>consumer(Addresses.ACD_AGENT_STATE_CHANGED,
                    m -> t.agentStates.put(m.body().agentId(), m.body()));
            return t;
        } catch (Exception | Error e) {
            Rig.closeAll(simulator, pg);
            throw e;
        }
    }

    static String customer(int i) {
        return String.format("0912777%04d", i);
    }

    /** Callers through the IVR at the rate, their numbers starting with the prefix (one per test). */
    TrafficGenerator callers(double perSecond, String numberPrefix) {
        return simulator.startTraffic(new TrafficProfile(perSecond, List.of("02100000"), null, List.of(),
                Distribution.exponential(40_000), Distribution.exponential(4_000), numberPrefix));
    }

    /** A predictive campaign over the customers' list (made the first time), started. */
    void startCampaign(String campaign) throws Exception {
        if (!listBuilt) {
            buildList();
            listBuilt = true;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Rig.ask(server, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(new CampaignDefinition(campaign,
                "Renewals under faults", List.of(LIST), "PREDICTIVE", today.minusDays(1), today.plusDays(1),
                LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), Set.of(), Set.of(),
                Map.of("BUSY", Duration.ofSeconds(20), "NO_ANSWER", Duration.ofSeconds(20),
                        "FAILED", Duration.ofSeconds(20), "ABANDONED", Duration.ofSeconds(20)), 3, "USD",
                new BigDecimal("0.02"), new BigDecimal("0.01"), new BigDecimal("40"), "US-TSR", 3, "sales", "HANGUP"),
                "tester"));
        Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign(campaign, "START", "tester"));
    }

    private void buildList() throws Exception {
        try (Connection c = tables.connect()) {
            for (int i = 1; i <= CUSTOMERS; i++) {
                long id;
                try (PreparedStatement ps = c.prepareStatement("insert into customers (name, language, segment) "
                        + "values (?, 'fa', 'fault-campaign')", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, "Customer " + i);
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("insert into customer_phones (customer_id, seq, number,"
                        + " match_digits) values (?, 0, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, customer(i));
                    ps.setString(3, customer(i).substring(1));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("insert into customer_scores (customer_id, name, score)"
                        + " values (?, 'value', ?)")) {
                    ps.setLong(1, id);
                    ps.setDouble(2, 100 - i);
                    ps.executeUpdate();
                }
            }
        }
        Rig.ask(server, DialerAddresses.LIST_FROM_SEGMENT, new BuildSegmentList(LIST, "Fault campaign list",
                List.of(new BuildSegmentList.Condition("segment", "=", "fault-campaign")), 0, false, "tester"));
    }

    /** No new dials (a campaign that has finished its list is left as it is). */
    void pauseCampaign(String campaign) throws Exception {
        try {
            Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign(campaign, "PAUSE", "tester"));
        } catch (java.util.concurrent.ExecutionException e) {
            // 409: not running any more (finished)
        }
    }

    /** Waits until the simulated Asterisk has no channel left (every call ended, every agent leg hung up). */
    void awaitQuiet(Duration limit) throws Exception {
        Rig.awaitTrue("every call ended; left: " + simulator.channels(), limit, () -> simulator.channels().isEmpty());
    }

    /** Callers connected to an agent more than once (a double offer that was answered twice). */
    long connectedTwice() {
        return connected.stream().collect(java.util.stream.Collectors.groupingBy(CallConnected::callId,
                java.util.stream.Collectors.counting())).values().stream().filter(n -> n > 1).count();
    }

    /** Interaction records sharing one call (the same Asterisk call recorded twice). */
    long duplicateRecords() throws Exception {
        return tables.one(Long.class, "select count(*) from (select server, call_id from interactions"
                + " where channel = 'voice' group by server, call_id having count(*) > 1) d");
    }

    /** Records of the callers whose numbers start with the prefix: all, and those still open. */
    long[] callerRecords(String numberPrefix) throws Exception {
        long all = tables.one(Long.class, "select count(*) from interactions where caller_number like ?",
                numberPrefix + "%");
        long open = tables.one(Long.class, "select count(*) from interactions where caller_number like ?"
                + " and (ended_at is null or end_cause = '')", numberPrefix + "%");
        return new long[] {all, open};
    }

    /**
     * Attempt rows of the campaign not closed with an outcome (or answered and never ended), and those counted as
     * talk without a connection to an agent.
     */
    long[] dishonestAttempts(String campaign) throws Exception {
        // an attempt never answered has no end time (dialer V2): only its outcome is due
        long open = tables.one(Long.class, "select count(*) from dialer_attempts where campaign_id = ?"
                + " and (outcome is null or (answered_at is not null and ended_at is null))", campaign);
        long talkWithoutAgent = tables.one(Long.class, "select count(*) from dialer_attempts where campaign_id = ?"
                + " and connected_at is null and (talk_seconds > 0 or outcome = 'CONNECTED')", campaign);
        return new long[] {open, talkWithoutAgent};
    }

    /** Agents whose last state is not available (once every call has ended and wrap-up has passed). */
    List<String> agentsNotAvailable() {
        return agentStates.values().stream().filter(s -> !s.state().equals("available"))
                .map(s -> s.agentId() + " " + s.state()).sorted().toList();
    }

    @Override
    public void close() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }
}
