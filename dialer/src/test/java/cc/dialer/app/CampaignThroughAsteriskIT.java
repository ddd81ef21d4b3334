package cc.dialer.app;

import cc.core.adapter.ami.AmiOptions;
import cc.core.adapter.ami.AmiServerConfig;
import cc.core.adapter.ami.AmiTelephony;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.EnqueueCall;
import cc.core.contract.LocalRecordCodec;
import cc.core.domain.call.CallEvent;
import cc.core.domain.dialing.DialPermissions;
import cc.core.domain.dialing.DialPlanConfig;
import cc.core.domain.dialing.NumberClass;
import cc.core.domain.dialing.NumberPattern;
import cc.core.testkit.Await;
import cc.core.testkit.PostgresTestDatabase;
import cc.dialer.adapter.jdbc.JdbcDialAudit;
import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.campaign.CallingHours;
import cc.dialer.domain.campaign.Campaign;
import cc.dialer.domain.campaign.CampaignEconomics;
import cc.dialer.domain.campaign.Money;
import cc.dialer.domain.campaign.RetryPolicy;
import cc.dialer.domain.list.Contact;
import cc.dialer.domain.list.DoNotCallList;
import cc.dialer.domain.pacing.AbandonLedger;
import cc.dialer.domain.pacing.AgentView;
import cc.dialer.domain.pacing.Distribution;
import cc.dialer.domain.pacing.PacingEstimates;
import cc.dialer.domain.pacing.PacingMode;
import cc.dialer.domain.pacing.RegulatorRule;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.dialplan.Dialplan;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One campaign dials a list through the Asterisk simulator over real AMI, with the shipped
 * {@code config/asterisk/dialer.conf}, a real PostgreSQL for the audit, and a stand-in for the ACD on the event bus
 * (the ACD is another module): it takes every enqueued call and offers only one customer to an agent.
 */
class CampaignThroughAsteriskIT {
    private static final String SERVER = "pbx1";
    private static final String SERVED = "09120000001";
    private static final String NOT_SERVED = "09120000002";
    private static final String MACHINE = "09120000003";
    private static final String BUSY = "09120000004";
    private static final String NO_ANSWER = "09120000005";
    private static final String DNC = "09120000006";
    private static final String PREMIUM = "09090000007";
    private static final String ABROAD = "+441632960001";
    private static final String OPTS_OUT = "09120000008";
    private static final Duration BUSY_RETRY = Duration.ofSeconds(2);

    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Vertx vertx;
    private static AmiTelephony telephony;
    private static Database db;
    private static final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private static final List<EnqueueCall> enqueued = new CopyOnWriteArrayList<>();
    private static CampaignRunner runner;

    @BeforeAll
    static void runCampaign() throws Exception {
        pg = PostgresTestDatabase.create();
        Dialplan.Builder dialplan = Dialplan.builder();
        DialplanFile.addContexts(dialplan, Path.of("../config/asterisk/extensions.conf"), Set.of("cc-hold"));
        DialplanFile.addContexts(dialplan, Path.of("../config/asterisk/dialer.conf"),
                Set.of("cc-dialer", "cc-dialer-abandon"));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .dialplan(dialplan.build())
                .timings(Timings.defaults().withUnknownPromptMs(1_500))
                .phones(Phones.builder()
                        .number(SERVED, PhoneBehaviour.answersThenHangsUp(ms(300), ms(3_000)))
                        .number(NOT_SERVED, PhoneBehaviour.answersThenHangsUp(ms(300), ms(8_000)))
                        .number(MACHINE, PhoneBehaviour.answersThenHangsUp(ms(300), ms(8_000)).withAmd("MACHINE"))
                        .number(BUSY, PhoneBehaviour.busy())
                        .number(OPTS_OUT, PhoneBehaviour.busy())
                        .number(NO_ANSWER, PhoneBehaviour.neverAnswers())
                        .fallback(PhoneBehaviour.answersThenHangsUp(ms(300), ms(1_000)))
                        .build())
                .build());
        vertx = Vertx.vertx();
        LocalRecordCodec.registerContracts(vertx.eventBus());
        db = Await.result(Database.open(vertx, pg.config()));
        Await.result(new SchemaMigrations().apply(db, List.of("core", JdbcDialAudit.MIGRATION_MODULE)));
        telephony = new AmiTelephony(vertx, List.of(AmiServerConfig.of(SERVER, "127.0.0.1", simulator.amiPort(),
                "cc", "cc-secret")), AmiOptions.defaults(), new SimpleMeterRegistry(), InstantSource.system());
        telephony.onCallEvent(events::add);
        Await.result(telephony.start());
        startAcdStandIn();

        runner = new CampaignRunner(settings(), telephony, new DialPermissions(iran()),
                CampaignThroughAsteriskIT::doNotCall,
                () -> List.of(AgentView.idle(), AgentView.idle(), AgentView.idle()),
                new JdbcDialAudit(db), new AbandonLedger(RegulatorRule.UK_OFCOM), InstantSource.system());
        Await.result(vertx.deployVerticle(runner));
        runner.finished().toCompletionStage().toCompletableFuture().get(60, java.util.concurrent.TimeUnit.SECONDS);
        // the last outcomes' audit rows are written on the JDBC pool after the campaign decided them
        Await.until(() -> Future.succeededFuture(rows(NO_ANSWER).size() >= 2 && rows(BUSY).size() >= 5
                && rows(SERVED).size() >= 2), Duration.ofSeconds(10), "audit rows of the last outcomes and skips");
    }

    /** The registry as the runner reads it each tick: one customer opts out once the first call to them was placed. */
    private static DoNotCallList doNotCall() {
        return anyChannelFor(OPTS_OUT) ? new DoNotCallList(Set.of(e164(DNC), e164(OPTS_OUT)))
                : new DoNotCallList(Set.of(e164(DNC)));
    }

    private static String e164(String national) {
        return national.startsWith("+") ? national : "+98" + national.substring(1);
    }

    /** The ACD is another module: this stand-in takes every call and offers only the first customer to an agent. */
    private static void startAcdStandIn() {
        Await.result(vertx.eventBus().<EnqueueCall>consumer(Addresses.ACD_CALL_ENQUEUE, m -> {
            EnqueueCall call = m.body();
            enqueued.add(call);
            m.reply(enqueued.size());
            if (call.data().get("contact").equals("c-served")) {
                vertx.setTimer(300, id -> vertx.eventBus().publish(Addresses.ACD_CALL_OFFERED, new CallOffered(
                        "agent-7", "", call.uniqueId(), SERVED, call.queue(), call.data(), Instant.now())));
            }
        }).completion());
    }

    private static CampaignSettings settings() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        EnumMap<AttemptOutcome, Duration> delays = new EnumMap<>(AttemptOutcome.class);
        delays.put(AttemptOutcome.BUSY, BUSY_RETRY);
        Campaign campaign = new Campaign("autumn", "Autumn renewal", List.of("list-a"), PacingMode.PREDICTIVE,
                today.minusDays(1), today.plusDays(1),
                new CallingHours(LocalTime.MIN, LocalTime.MAX, Set.of(), Set.of()), new RetryPolicy(delays, 2),
                new CampaignEconomics(Money.of("0.01", "USD"), Money.of("0.02", "USD"), Money.of("25", "USD")),
                RegulatorRule.UK_OFCOM, 5);
        List<Contact> contacts = List.of(contact("c-served", SERVED, 9), contact("c-not-served", NOT_SERVED, 8),
                contact("c-machine", MACHINE, 7), contact("c-busy", BUSY, 6), contact("c-no-answer", NO_ANSWER, 5),
                contact("c-dnc", DNC, 10), contact("c-opts-out", OPTS_OUT, 4), contact("c-premium", PREMIUM, 10), contact("c-abroad", ABROAD, 10));
        PacingEstimates priors = new PacingEstimates(0.3, Distribution.uniform(1, 15), Distribution.uniform(1, 30),
                Distribution.lognormal(120, 0.8), Distribution.uniform(5, 30), 1.0);
        return new CampaignSettings(campaign, contacts, SERVER, "PJSIP/{number}", "\"Autumn\" <02100000000>",
                Duration.ofSeconds(3), "renewals", MachineAction.MESSAGE, RecordingChoice.ALWAYS, "cc-dialer-machine-message",
                "cc-dialer-abandon-message", Duration.ofSeconds(2), priors);
    }

    private static Contact contact(String id, String national, double score) {
        String e164 = national.startsWith("+") ? national : "+98" + national.substring(1);
        return new Contact(id, "list-a", e164, id, ZoneOffset.UTC, score, Optional.empty());
    }

    private static DialPlanConfig iran() {
        List<NumberPattern> patterns = new ArrayList<>();
        patterns.add(new NumberPattern("ir-mobile", NumberClass.MOBILE, "09", 11, 11));
        patterns.add(new NumberPattern("ir-premium", NumberClass.PREMIUM, "0909", 11, 11));
        return new DialPlanConfig("98", "0", "00", patterns, Set.of(NumberClass.MOBILE, NumberClass.LANDLINE),
                false, Set.of(), 30, Map.of(), 4);
    }

    private static cc.simulator.people.Distribution ms(long ms) {
        return cc.simulator.people.Distribution.fixed(ms);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (telephony != null) {
                Await.result(telephony.stop());
            }
            if (db != null) {
                db.close();
            }
            if (vertx != null) {
                Await.result(vertx.close());
            }
            if (simulator != null) {
                simulator.close();
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private record Row(String event, String detail, Long attemptId, Instant at) {}

    private static List<Row> rows(String national) {
        String number = national.startsWith("+") ? national : "+98" + national.substring(1);
        return Await.result(db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select event, detail, attempt_id, at from dialer_audit where number = ? order by id")) {
                ps.setString(1, number);
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long attempt = rs.getLong(3);
                        Long attemptId = rs.wasNull() ? null : attempt;
                        out.add(new Row(rs.getString(1), rs.getString(2), attemptId, rs.getTimestamp(4).toInstant()));
                    }
                }
                return out;
            }
        }));
    }

    private static List<String> eventsOf(String national) {
        return rows(national).stream().map(Row::event).toList();
    }

    /** Channel variables our dialplan set on the customer's PJSIP channel, as AMI reported them. */
    private static List<String> variablesOn(String national, String name) {
        List<String> out = new ArrayList<>();
        for (CallEvent e : events) {
            if (e instanceof CallEvent.VariableSet && e.leg().channelName().startsWith("PJSIP/" + national + "-")
                    && ((CallEvent.VariableSet) e).name().equals(name)) {
                out.add(((CallEvent.VariableSet) e).value());
            }
        }
        return out;
    }

    private static boolean anyChannelFor(String digits) {
        return events.stream().anyMatch(e -> e.leg().channelName().contains(digits));
    }

    @Test
    @DisplayName("a live customer an agent is offered within 2 s is handed to the ACD at high priority, with the campaign's recording policy, and counts as connected")
    void humanHandedToAcd() {
        assertEquals(List.of("DIALLED", "CONNECTED"), eventsOf(SERVED));
        EnqueueCall call = enqueued.stream().filter(c -> c.data().get("contact").equals("c-served")).findFirst()
                .orElseThrow(() -> new AssertionError("the served customer was never enqueued: " + enqueued));
        assertEquals("renewals", call.queue());
        assertEquals("autumn", call.data().get("campaign"));
        assertEquals("always", call.data().get(EnqueueCall.RECORDING_KEY), "the campaign's recording policy rides along");
        assertTrue(call.priority() > 0, "dialer calls wait at a raised priority");
        assertTrue(call.channel().startsWith("PJSIP/" + SERVED + "-"), call.channel());
        assertEquals(List.of("HUMAN"), variablesOn(SERVED, "AMDSTATUS"));
        assertTrue(variablesOn(SERVED, "CC_DIALER_STEP").isEmpty(), "a connected customer hears no message");
    }

    @Test
    @DisplayName("a live customer no agent takes within 2 s is redirected to the abandon message and counted abandoned")
    void abandonMessageWhenNoAgent() {
        assertEquals(List.of("DIALLED", "ABANDONED"), eventsOf(NOT_SERVED));
        assertTrue(enqueued.stream().anyMatch(c -> c.data().get("contact").equals("c-not-served")),
                "the customer was offered to the ACD first");
        assertEquals(List.of("abandon-message"), variablesOn(NOT_SERVED, "CC_DIALER_STEP"),
                "the simulator ran cc-dialer-abandon on the customer's channel");
    }

    @Test
    @DisplayName("an answering machine gets the campaign's message and is never handed to the ACD")
    void machineGetsMessage() {
        assertEquals(List.of("DIALLED", "MACHINE"), eventsOf(MACHINE));
        assertEquals(List.of("MACHINE"), variablesOn(MACHINE, "AMDSTATUS"));
        assertEquals(List.of("machine-message"), variablesOn(MACHINE, "CC_DIALER_STEP"));
        assertTrue(enqueued.stream().noneMatch(c -> c.data().get("contact").equals("c-machine")));
    }

    @Test
    @DisplayName("a busy number is dialled again after its retry delay, and no more than the campaign's two attempts;"
            + " the attempts used up are audited once")
    void busyRetriedWithinMaxAttempts() {
        List<Row> rows = rows(BUSY);
        assertEquals(List.of("DIALLED", "BUSY", "DIALLED", "BUSY", "SKIPPED"), rows.stream().map(Row::event).toList());
        Duration gap = Duration.between(rows.get(1).at(), rows.get(2).at());
        assertTrue(gap.compareTo(BUSY_RETRY) >= 0, "redialled after " + gap + ", before the retry delay");
        assertTrue(rows.get(3).detail().endsWith("contact finished"), rows.get(3).detail());
        assertEquals("max-attempts: 2 of 2 attempts used, the last BUSY", rows.get(4).detail());
    }

    @Test
    @DisplayName("a number that rings out counts as no answer, which this campaign does not retry")
    void noAnswerIsFinal() {
        assertEquals(List.of("DIALLED", "NO_ANSWER"), eventsOf(NO_ANSWER));
    }

    @Test
    @DisplayName("a number on the do-not-call list is never dialled; the skip is audited once, not every tick")
    void doNotCallNeverDialled() {
        List<Row> rows = rows(DNC);
        assertEquals(List.of("SKIPPED"), eventsOf(DNC));
        assertTrue(rows.get(0).detail().startsWith("do-not-call: "), rows.get(0).detail());
        assertEquals(null, rows.get(0).attemptId());
        assertTrue(!anyChannelFor(DNC.substring(1)), "a channel was opened to the do-not-call number");
    }

    @Test
    @DisplayName("a customer put on the do-not-call list after a busy first call is not dialled again when the retry falls due")
    void doNotCallCheckedAtDialTime() {
        List<Row> rows = rows(OPTS_OUT);
        assertEquals(List.of("DIALLED", "BUSY", "SKIPPED"), eventsOf(OPTS_OUT));
        assertTrue(rows.get(2).detail().startsWith("do-not-call: "), rows.get(2).detail());
        assertEquals(1, events.stream().filter(e -> e instanceof CallEvent.CallStarted
                && e.leg().channelName().startsWith("PJSIP/" + OPTS_OUT + "-")).count());
    }

    @Test
    @DisplayName("premium-rate and international numbers are refused, logged with the reason, and never dialled")
    void disallowedNumbersRefusedAndAudited() {
        List<Row> premium = rows(PREMIUM);
        assertEquals(1, premium.size(), premium.toString());
        assertEquals("REFUSED", premium.get(0).event());
        assertTrue(premium.get(0).detail().startsWith("PREMIUM_REFUSED"), premium.get(0).detail());
        assertEquals(null, premium.get(0).attemptId());
        List<Row> abroad = rows(ABROAD);
        assertEquals(1, abroad.size(), abroad.toString());
        assertTrue(abroad.get(0).detail().startsWith("INTERNATIONAL_REFUSED"), abroad.get(0).detail());
        assertTrue(!anyChannelFor(PREMIUM.substring(1)) && !anyChannelFor("441632960001"));
    }

    @Test
    @DisplayName("the campaign's figures add up: seven dials (one a busy redial), two refusals, one connected and one abandoned live call")
    void figures() {
        CampaignRunner.Stats stats = Await.result(runner.stats());
        assertEquals(7, stats.dialled());
        assertEquals(2, stats.refused());
        assertEquals(0, stats.inFlight());
        assertTrue(stats.finished());
        assertEquals(1, stats.window().connected(), "the served customer counts as connected in the regulator window");
        assertEquals(1, stats.window().abandonedCalls(), "the unserved customer counts as abandoned");
        assertTrue(stats.safetyFactor() > 1.0, "one abandon in two live calls made the pacer more careful: "
                + stats.safetyFactor());
        assertEquals(AttemptOutcome.BUSY, stats.progress().get("c-busy").lastOutcome().orElseThrow());
        assertTrue(stats.progress().get("c-busy").finished());
    }
}
