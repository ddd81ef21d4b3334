package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.config.ConfigNode;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.ContactListBuilt;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialerAddresses;
import cc.core.contract.ImportContactList;
import cc.core.contract.SaveCampaign;
import cc.core.testkit.PostgresTestDatabase;
import cc.core.testkit.TcpProxy;
import cc.simulator.AsteriskSimulator;
import cc.simulator.ChannelSnapshot;
import cc.simulator.DtmfStep;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL gone for 30 s under steady traffic, through the whole server against the simulator: callers through
 * the IVR into a queue and its agents, a predictive campaign dialling, a supervisor signed in on the console. The
 * server's JDBC URL points at a {@link TcpProxy} in front of the real PostgreSQL; the test cuts it (every connection
 * reset, new ones refused) and restores it. The machine's PostgreSQL is never stopped: other tests use it.
 *
 * <p>Afterwards every call the simulator saw has exactly one interaction record, ended and with its segments; every
 * campaign call one attempt row and one DIALLED audit line, none twice. While the database is away, /health says so
 * and the console answers a request that needs the database with 503 and a message it shows.
 */
class DatabaseOutageIT {
    private static final String SECRET = "db-outage-secret";
    private static final String PASSWORD = "db-outage-password";
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** Campaign customers: 0935 000 0000 + n. */
    private static final String CUSTOMER_PREFIX = "0935";

    private static PostgresTestDatabase pg;
    private static TcpProxy proxy;
    private static ServerTables tables;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        tables = new ServerTables(pg);
        URI db = URI.create(pg.config().url().substring("jdbc:".length()));
        proxy = TcpProxy.start(db.getHost(), db.getPort());
        String proxied = pg.config().url().replace(db.getHost() + ":" + db.getPort(), "127.0.0.1:" + proxy.port());
        int agiPort = Rig.freePort();
        PhoneBehaviour agent = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200), Distribution.fixed(60_000));
        PhoneBehaviour customer = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300), Distribution.fixed(4_000));
        Phones.Builder phones = Phones.builder().prefix(CUSTOMER_PREFIX, customer);
        for (int i = 1; i <= 6; i++) {
            phones.number("480" + i, agent);
        }
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(300))
                .phones(phones.build())
                .build());
        String config = Rig.serverYaml(simulator, agiPort, "acd-flows", "acd", pg,
                "acd:",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  queues:",
                "    - {id: sales, wrapUp: 200ms}",
                "    - {id: outbound, wrapUp: 200ms}",
                "  agents:",
                "    - {id: in-1, phone: PJSIP/4801, queues: [sales]}",
                "    - {id: in-2, phone: PJSIP/4802, queues: [sales]}",
                "    - {id: in-3, phone: PJSIP/4803, queues: [sales]}",
                "    - {id: in-4, phone: PJSIP/4804, queues: [sales]}",
                "    - {id: out-1, phone: PJSIP/4805, queues: [outbound]}",
                "    - {id: out-2, phone: PJSIP/4806, queues: [outbound]}",
                "dialer:",
                "  trunk: 'PJSIP/{number}'",
                "  ringTimeout: 15s",
                "  timeZone: UTC",
                "  daysOff: []",
                "  demo: false",
                "").replace(pg.config().url(), proxied);
        server = Server.start(ServerConfig.read(ConfigNode.parse("db-outage.yaml", config,
                Map.of("AMI_SECRET", SECRET)::get))).await();
        server.console().users().save(new UserAccount(new Principal("sara", "Sara", Role.SUPERVISOR, "", "en", ""),
                new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, proxy, pg);
    }

    @Test
    void thirtySecondsWithoutTheDatabase() throws Exception {
        StringBuilder list = new StringBuilder("phone,name\n");
        for (int i = 1; i <= 300; i++) {
            list.append(CUSTOMER_PREFIX).append(String.format("%07d", i)).append(",Customer ").append(i).append('\n');
        }
        ContactListBuilt built = Rig.ask(server, DialerAddresses.LIST_IMPORT, new ImportContactList("outage",
                "Outage list", list.toString(), "sara"));
        assertEquals(300, built.accepted(), built.problems().toString());
        Rig.ask(server, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(new CampaignDefinition("outage", "Outage",
                List.of("outage"), "PREDICTIVE", TODAY.minusDays(1), TODAY.plusDays(1), LocalTime.MIDNIGHT,
                LocalTime.of(23, 59, 59), Set.of(), Set.of(), Map.of(), 1, "USD", new BigDecimal("0.05"),
                new BigDecimal("0.02"), new BigDecimal("25"), "US-TSR", 5, "outbound", "HANGUP"), "sara"));
        // the simulator's own list of the campaign's calls: every customer channel it ever held
        Set<String> customerChannels = ConcurrentHashMap.newKeySet();
        List<SimulatedCall> callers = new CopyOnWriteArrayList<>();
        List<String> callersDuringCut = new CopyOnWriteArrayList<>();
        AtomicBoolean cut = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        // watches until the paused campaign's last call has ended, so a call placed just before the pause is seen
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                for (ChannelSnapshot ch : simulator.channels()) {
                    if (customerLeg(ch.name())) {
                        customerChannels.add(ch.uniqueid());
                    }
                }
                sleep(100);
            }
        });
        watcher.start();
        Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign("outage", "START", "sara"));
        ConsoleClient console = new ConsoleClient("http://127.0.0.1:" + server.httpPort());
        assertEquals(200, console.signIn("sara", PASSWORD).statusCode());
        ConsoleClient.Live live = console.live();

        Thread caller = new Thread(() -> {
            for (int n = 1; running.get(); n++) {
                String number = "0917" + String.format("%07d", n);
                callers.add(simulator.placeInboundCall(new InboundCall(number, "Caller " + n, "02100000", null,
                        List.of(new DtmfStep(500, "1")), 20_000, 2_000)));
                if (cut.get()) {
                    callersDuringCut.add(number);
                }
                sleep(1_000);
            }
        });
        caller.start();

        Thread.sleep(8_000);
        assertEquals(200, health().statusCode(), "all up before the cut: " + health().body());
        long attemptsBefore = tables.attempts("outage");
        Instant cutAt = Instant.now();
        proxy.cut();
        cut.set(true);
        Rig.awaitTrue("/health says the database is down", Duration.ofSeconds(10), () -> {
            HttpResponse<String> h = health();
            return h.statusCode() == 503 && databaseCheck(h).equals("DOWN");
        });
        Duration healthNoticed = Duration.between(cutAt, Instant.now());
        HttpResponse<String> refused = console.change("POST", "/api/customers",
                new JsonObject().put("name", "Walk-in during the outage").put("phone", "09121110000"));
        assertEquals(503, refused.statusCode(), refused.body());
        String message = new JsonObject(refused.body()).getString("error");
        assertTrue(message.startsWith("the database is not answering"), message);
        long untilRestore = Duration.between(Instant.now(), cutAt.plus(OUTAGE)).toMillis();
        Thread.sleep(Math.max(0, untilRestore));
        proxy.restore();
        cut.set(false);
        Instant restoredAt = Instant.now();
        Instant cutEnded = restoredAt;
        Rig.awaitTrue("/health says the database is up", Duration.ofSeconds(15),
                () -> databaseCheck(health()).equals("UP"));
        Duration healthRecovered = Duration.between(restoredAt, Instant.now());
        Thread.sleep(6_000);
        running.set(false);
        caller.join();
        Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign("outage", "PAUSE", "sara"));
        assertEquals(201, console.change("POST", "/api/customers",
                new JsonObject().put("name", "Walk-in after").put("phone", "09121110001")).statusCode());

        for (SimulatedCall c : callers) {
            c.awaitEnd(Duration.ofSeconds(40));
        }
        Thread.sleep(2_000); // an originate sent just before the pause reaches the simulator
        Rig.awaitTrue("the campaign's calls end", Duration.ofSeconds(30), () -> simulator.channels().stream()
                .noneMatch(ch -> customerLeg(ch.name())));
        Thread.sleep(500); // one more look by the watcher
        watching.set(false);
        watcher.join();

        // every caller: one interaction, ended, with its segments
        Rig.awaitTrue("every caller's record is stored and ended", Duration.ofSeconds(30), () -> tables.one(Long.class,
                "select count(*) from interactions where caller_number like '0917%' and ended_at is not null")
                == callers.size());
        long callerRecords = tables.one(Long.class,
                "select count(*) from interactions where caller_number like '0917%'");
        long distinctCallers = tables.one(Long.class,
                "select count(distinct caller_number) from interactions where caller_number like '0917%'");
        long withoutSegments = tables.one(Long.class, "select count(*) from interactions i where caller_number like"
                + " '0917%' and not exists (select 1 from interaction_segments s where s.interaction_id = i.id)");
        // every campaign call the simulator held: one attempt, ended, one DIALLED line
        Instant attemptsBy = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(attemptsBy) && tables.one(Long.class, "select count(*) from dialer_attempts"
                + " where campaign_id = 'outage' and ended_at is not null") < customerChannels.size()) {
            Thread.sleep(200);
        }
        List<String> outcomes = tables.rows("select coalesce(outcome, 'none'), count(*), count(ended_at)"
                + " from dialer_attempts where campaign_id = 'outage' group by outcome");
        long attempts = tables.attempts("outage");
        long dialled = tables.one(Long.class,
                "select count(*) from dialer_audit where campaign_id = 'outage' and event = 'DIALLED'");
        long auditTwice = tables.one(Long.class, "select count(*) from (select campaign_id, contact_id, event, at, "
                + "detail from dialer_audit group by campaign_id, contact_id, event, at, detail having count(*) > 1) d");
        long attemptTwice = tables.one(Long.class, "select count(*) from (select contact_id from dialer_attempts "
                + "where campaign_id = 'outage' group by contact_id having count(*) > 1) d");
        long spells = tables.one(Long.class, "select count(*) from acd_agent_state_spell");
        long attemptsDuringCut = tables.one(Long.class, "select count(*) from dialer_attempts where campaign_id ="
                + " 'outage' and placed_at between ? and ?", cutAt, cutEnded);
        live.close();

        System.out.printf("DatabaseOutageIT: injected PostgreSQL cut for %d s (proxy refused %d connects); "
                        + "/health DOWN after %d ms, UP %d ms after restore; console 503: \"%s\"%n"
                        + "  callers placed %d (%d during the cut): records %d, distinct %d, without segments %d;%n"
                        + "  campaign calls seen by the simulator %d (%d before the cut): attempts %d, DIALLED audit "
                        + "%d (%s), placed during the cut %d; duplicates: audit %d, attempts %d; agent state spells %d%n",
                OUTAGE.toSeconds(), proxy.refused(), healthNoticed.toMillis(), healthRecovered.toMillis(), message,
                callers.size(), callersDuringCut.size(), callerRecords, distinctCallers, withoutSegments,
                customerChannels.size(), attemptsBefore, attempts, dialled, outcomes, attemptsDuringCut, auditTwice,
                attemptTwice, spells);
        assertTrue(callersDuringCut.size() >= 25, "calls kept coming during the cut: " + callersDuringCut.size());
        assertEquals(callers.size(), callerRecords, "one record per caller");
        assertEquals(callers.size(), distinctCallers);
        assertEquals(0, withoutSegments);
        assertTrue(attemptsDuringCut > 0, "the campaign dialled during the cut");
        assertEquals(customerChannels.size(), attempts, "one attempt per campaign call");
        assertEquals(customerChannels.size(), dialled, "one DIALLED line per campaign call");
        assertEquals(0, auditTwice, "no audit line twice");
        assertEquals(0, attemptTwice, "no contact dialled twice (one attempt each)");
    }

    /** A campaign customer's leg, in whatever form the trunk pattern puts the number. */
    private static boolean customerLeg(String channel) {
        return channel.startsWith("PJSIP/+98935") || channel.startsWith("PJSIP/0935");
    }

    private static HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String databaseCheck(HttpResponse<String> health) {
        return new JsonObject(health.body()).getJsonObject("checks").getJsonObject("database").getString("status");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
