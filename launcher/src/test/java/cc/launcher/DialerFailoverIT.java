package cc.launcher;

import cc.core.config.ConfigNode;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.CampaignList;
import cc.core.contract.CampaignView;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialerAddresses;
import cc.core.contract.ImportContactList;
import cc.core.contract.ListCampaigns;
import cc.core.contract.SaveCampaign;
import cc.core.testkit.PostgresTestDatabase;
import cc.dialer.app.DialerVerticle;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two server nodes on one Redis and one database, one simulator: a progressive campaign is dialled by the holder of
 * the "dialer" lease only; the leader is closed mid-campaign and the other node takes the lease and finishes the list,
 * the global line cap held throughout (the simulator's live customer channels sampled) and no contact dialled twice.
 * Two nodes running the same campaign would both start from the same stored progress and dial the same contacts, so
 * "no contact twice" with every contact dialled is what shows one node dialled at a time.
 */
class DialerFailoverIT {
    private static final String SECRET = "dialer-failover-secret";
    private static final int CONTACTS = 12;
    private static final int LINES = 3;
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
    @DisplayName("one node dials; the leader is closed mid-campaign, the other takes the lease within its ttl and "
            + "finishes the list; the line cap holds and no contact is dialled twice")
    void standbyTakesTheCampaignOver() throws Exception {
        pg = PostgresTestDatabase.create();
        // answering machines (hung up by the dialer): no agent and no AGI needed, each call holds a line ~1.5 s
        PhoneBehaviour machine = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(700), Distribution.fixed(1_500))
                .withAmd("MACHINE");
        Phones.Builder phones = Phones.builder()
                .prefix("30", PhoneBehaviour.answersAfter(Distribution.fixed(200)));
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < CONTACTS; i++) {
            String number = String.format("0912000%04d", 700 + i);
            phones.number(number, machine);
            csv.append(number).append(",Customer ").append(i).append('\n');
        }
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", Rig.freePort(), "unused?lang=en")
                .phones(phones.build())
                .build());
        String prefix = "cc_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
        Server first = startNode("n1", prefix);
        Rig.awaitTrue("n1 holds the dialer lease", Duration.ofSeconds(5),
                () -> holder(first).equals(Optional.of("n1")));
        Server second = startNode("n2", prefix);

        AtomicInteger most = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                int up = (int) simulator.channels().stream().filter(ch -> ch.name().startsWith("PJSIP/0912")).count();
                most.accumulateAndGet(up, Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "line-sampler");
        sampler.start();

        // the list and campaign are made and started through the standby: stored, dialled by the leader
        Rig.ask(second, DialerAddresses.LIST_IMPORT, new ImportContactList("machines", "Machines", csv.toString(),
                "mina"));
        Rig.ask(second, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(campaign(), "mina"));
        CampaignView started = Rig.ask(second, DialerAddresses.CAMPAIGN_CONTROL,
                new ControlCampaign("failover", "START", "mina"));
        assertEquals("RUNNING", started.status());
        Rig.awaitTrue("the leader dials", Duration.ofSeconds(15), () -> attempts() >= 4);
        assertEquals(0, simulatorCallsBy(second), "the standby places no call");

        Instant killed = Instant.now();
        long beforeKill = attempts();
        nodes.remove(first);
        first.close();
        Rig.awaitTrue("n2 holds the dialer lease", Duration.ofSeconds(10),
                () -> holder(second).equals(Optional.of("n2")));
        Duration takeover = Duration.between(killed, Instant.now());
        System.out.println("Dialer failover: n2 took the dialer lease " + takeover.toMillis() + " ms after n1 closed, "
                + beforeKill + " attempts before");
        assertTrue(takeover.compareTo(Duration.ofSeconds(2)) <= 0, "within the lease ttl (2 s), was " + takeover);

        Rig.awaitTrue("n2 finishes the list", Duration.ofSeconds(60), () -> status(second).equals("FINISHED"));
        sampling.set(false);
        sampler.join();
        assertTrue(most.get() <= LINES, "at most " + LINES + " lines at once, saw " + most.get());
        assertTrue(most.get() >= 2, "the campaign used several lines: " + most.get());
        Map<String, Integer> perContact = attemptsPerContact();
        assertEquals(CONTACTS, perContact.size(), "every contact dialled: " + perContact);
        perContact.forEach((contact, n) -> assertEquals(1, n, "contact " + contact + " dialled once: " + perContact));
    }

    /** Calls a node placed are not told apart by the simulator; the standby must not have run the campaign at all. */
    private static int simulatorCallsBy(Server standby) throws Exception {
        CampaignList list = Rig.ask(standby, DialerAddresses.CAMPAIGN_LIST, new ListCampaigns());
        return list.campaigns().stream().mapToInt(CampaignView::inFlight).sum();
    }

    private static String status(Server node) throws Exception {
        CampaignList list = Rig.ask(node, DialerAddresses.CAMPAIGN_LIST, new ListCampaigns());
        return list.campaigns().stream().filter(c -> c.definition().id().equals("failover")).findFirst()
                .orElseThrow().status();
    }

    private static CampaignDefinition campaign() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new CampaignDefinition("failover", "Failover", List.of("machines"), "PROGRESSIVE", today.minusDays(1),
                today.plusDays(1), LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), Set.of(), Set.of(), Map.of(), 1,
                "USD", new BigDecimal("0.05"), new BigDecimal("0.02"), new BigDecimal("25"), "US-TSR", 5, "q",
                "HANGUP");
    }

    private long attempts() throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select count(*) from dialer_attempts where campaign_id = ?")) {
            ps.setString(1, "failover");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<String, Integer> attemptsPerContact() throws Exception {
        Map<String, Integer> out = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select contact_id, count(*) from dialer_attempts "
                     + "where campaign_id = ? group by contact_id")) {
            ps.setString(1, "failover");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    private static Optional<String> holder(Server node) throws Exception {
        return node.liveState().leaseHolder(DialerVerticle.LEASE).toCompletionStage().toCompletableFuture()
                .get(2, TimeUnit.SECONDS);
    }

    private Server startNode(String id, String prefix) {
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
                "    - {id: a1, phone: PJSIP/3001, queues: [q]}",
                "    - {id: a2, phone: PJSIP/3002, queues: [q]}",
                "    - {id: a3, phone: PJSIP/3003, queues: [q]}",
                "dialer:",
                "  trunk: 'PJSIP/{number}'",
                "  ringTimeout: 15s",
                "  timeZone: UTC",
                "  daysOff: []",
                "  lines: " + LINES,
                "  takeoverHold: 1s",
                "  demo: false",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        nodes.add(s);
        return s;
    }
}
