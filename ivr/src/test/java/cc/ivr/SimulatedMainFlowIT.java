package cc.ivr;

import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.contract.Addresses;
import cc.core.contract.EnqueueCall;
import cc.core.contract.IvrSessionEnded;
import cc.core.contract.IvrStepEntered;
import cc.core.contract.LocalRecordCodec;
import cc.core.domain.customer.Customer;
import cc.core.testkit.MigratedDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.CallOutcome;
import cc.simulator.ChannelSnapshot;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped main flow served by the assembled module (real FastAGI server, PostgreSQL with the real migrations,
 * the JDBC customer store) to callers of the Asterisk simulator over TCP, dialled in through its default dialplan.
 * What the caller heard is read from the simulator's own FastAGI transcript. The IVR's clock is fixed at Monday
 * 10:00 in Tehran, inside business hours.
 */
class SimulatedMainFlowIT {
    static final String FA_ACCOUNT = "12345674";
    static final String EN_ACCOUNT = "49927395";
    static Vertx vertx;
    static MigratedDatabase db;
    static IvrModule module;
    static final BlockingQueue<EnqueueCall> enqueued = new LinkedBlockingQueue<>();
    static final BlockingQueue<IvrSessionEnded> ended = new LinkedBlockingQueue<>();
    static final BlockingQueue<IvrStepEntered> stepQueue = new LinkedBlockingQueue<>();
    static final List<IvrStepEntered> steps = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core", "ivr");
        db.execute("INSERT INTO ivr_account_balance (account, amount, currency) VALUES ('" + FA_ACCOUNT
                + "', 1250000, 'rial'), ('" + EN_ACCOUNT + "', 1234.56, 'dollar')");
        JdbcCustomerStore customers = new JdbcCustomerStore(db.database());
        customers.save(new Customer(0, "Reza Karimi", List.of("02188776655"), FA_ACCOUNT, "fa", "silver")).await();
        customers.save(new Customer(0, "Sara Ahmadi", List.of("02199887766"), EN_ACCOUNT, "en", "gold")).await();
        LocalRecordCodec.registerContracts(vertx.eventBus());
        vertx.eventBus().<EnqueueCall>consumer(Addresses.ACD_CALL_ENQUEUE, m -> {
            enqueued.add(m.body());
            m.reply("position 1");
        });
        vertx.eventBus().<IvrSessionEnded>consumer(Addresses.IVR_SESSION_ENDED, m -> ended.add(m.body()));
        vertx.eventBus().<IvrStepEntered>consumer(Addresses.IVR_STEP_ENTERED, m -> {
            steps.add(m.body());
            stepQueue.add(m.body());
        });
        IvrModule.Config config = new IvrModule.Config("127.0.0.1", 0, Path.of("..", "config", "ivr"), "main",
                "support", Duration.ofSeconds(5));
        InstantSource mondayTen = InstantSource.fixed(Instant.parse("2026-11-23T06:30:00Z"));
        module = IvrModule.start(vertx, config, customers, db.database(), mondayTen).await();
    }

    @AfterAll
    static void stop() {
        if (module != null) {
            module.close().await();
        }
        if (db != null) {
            db.close();
        }
        vertx.close().await();
    }

    /** Each test starts a simulator of its own, whose uniqueids start over: forget the calls of the test before. */
    @BeforeEach
    void forgetEarlierCalls() {
        steps.clear();
        stepQueue.clear();
        ended.clear();
        enqueued.clear();
    }

    /**
     * Prompts last {@code promptMs}, except the ones a caller keys during, which last 4 s so that a key sent when the
     * node is entered lands in the prompt even on a busy machine. Simulated time runs twice as fast.
     */
    private static AsteriskSimulator simulator(long promptMs) {
        Timings timings = Timings.defaults().withUnknownPromptMs(promptMs).withTimeScale(0.5);
        for (String keyedDuring : List.of("fa/ivr/for-persian-press-1", "fa/ivr/main-menu", "en/ivr/main-menu",
                "fa/ivr/enter-account", "en/ivr/enter-account", "fa/ivr/anything-else", "en/ivr/anything-else")) {
            timings = timings.withPrompt(keyedDuring, Math.max(promptMs, 4_000));
        }
        return AsteriskSimulator.start(SimulatorConfig.builder()
                .agi("127.0.0.1", module.port(), "main?lang=fa")
                .timings(timings)
                .build());
    }

    @Test
    @DisplayName("A Persian caller keys their account number, hears the balance in rials in Persian and waits on hold "
            + "in the support queue")
    void persianBalanceThenQueue() throws Exception {
        CallOutcome outcome = balanceThenQueue("1", FA_ACCOUNT);
        List<String> expected = new ArrayList<>(List.of("fa/ivr/welcome", "fa/ivr/for-persian-press-1",
                "fa/ivr/main-menu", "fa/ivr/enter-account", "fa/ivr/your-balance-is"));
        // 1,250,000 rial: "yek milyun-o devist-o panjah hezar rial"
        expected.addAll(List.of("fa/num/1", "fa/num/million", "fa/num/o", "fa/num/200", "fa/num/o", "fa/num/50",
                "fa/num/thousand", "fa/cur/rial"));
        expected.add("fa/ivr/anything-else");
        expected.add("fa/ivr/may-be-recorded");
        assertEquals(expected, SimulatorCalls.promptsPlayed(outcome.agiTranscript()));
    }

    @Test
    @DisplayName("A caller who picks English keys their account number, hears the balance in dollars and cents in "
            + "English and waits on hold with the gold priority")
    void englishBalanceThenQueue() throws Exception {
        CallOutcome outcome = balanceThenQueue("2", EN_ACCOUNT);
        List<String> expected = new ArrayList<>(List.of("fa/ivr/welcome", "fa/ivr/for-persian-press-1",
                "en/ivr/main-menu", "en/ivr/enter-account", "en/ivr/your-balance-is"));
        // 1234.56 dollar: "one thousand two hundred thirty four dollars and fifty six cents"
        expected.addAll(List.of("en/num/1", "en/num/thousand", "en/num/2", "en/num/hundred", "en/num/30",
                "en/num/4", "en/cur/dollars", "en/cur/and", "en/num/50", "en/num/6", "en/cur/cents"));
        expected.add("en/ivr/anything-else");
        expected.add("en/ivr/may-be-recorded");
        assertEquals(expected, SimulatorCalls.promptsPlayed(outcome.agiTranscript()));
        assertTrue(outcome.agiTranscript().contains("> SET VARIABLE \"CHANNEL(language)\" \"en\""),
                "the channel's language is switched for the dialplan after the IVR");
    }

    /**
     * Drives one caller through language choice, main menu 1, the account number, and "2" (an agent) at the
     * anything-else menu; checks the hand-off and the holding context, then hangs up and returns what the
     * simulator recorded.
     */
    private CallOutcome balanceThenQueue(String languageKey, String account) throws Exception {
        try (AsteriskSimulator sim = simulator(600)) {
            SimulatedCall call = sim.placeInboundCall(InboundCall.of("09350001122", "", "100"));
            String uid = call.uniqueid();
            SimulatorCalls.awaitStep(stepQueue, uid, "choose-language");
            call.sendDtmf(languageKey);
            SimulatorCalls.awaitStep(stepQueue, uid, "main-menu");
            call.sendDtmf("1");
            SimulatorCalls.awaitStep(stepQueue, uid, "enter-account");
            call.sendDtmf(account);
            SimulatorCalls.awaitStep(stepQueue, uid, "anything-else");
            call.sendDtmf("2");

            EnqueueCall queued = enqueued.poll(15, TimeUnit.SECONDS);
            assertNotNull(queued, "the ACD was asked to queue the caller");
            boolean english = languageKey.equals("2");
            assertEquals(uid, queued.uniqueId());
            assertEquals(call.channel(), queued.channel());
            assertEquals("support", queued.queue());
            assertEquals(english ? 10 : 5, queued.priority(), "priority by the customer's segment");
            assertEquals(english ? "en" : "fa", queued.language());
            assertEquals(account, queued.data().get("account"));
            assertEquals(english ? "en" : "fa", queued.data().get("lang"));
            assertEquals("yes", queued.data().get("customer.found"));
            assertEquals(english ? "Sara Ahmadi" : "Reza Karimi", queued.data().get("customer.name"));

            IvrSessionEnded end = awaitEnd(uid);
            assertEquals("enqueued", end.outcome());
            ChannelSnapshot held = awaitContext(sim, call.channel(), "cc-hold");
            assertEquals("MusicOnHold", held.application());
            assertEquals(List.of("answer", "welcome", "choose-language", "identify-caller", "main-menu",
                    "account-known", "enter-account", "lookup-account", "balance", "say-balance", "anything-else",
                    "office-hours", "recording-notice", "to-agent"), nodes(uid));

            call.hangup();
            CallOutcome outcome = call.awaitEnd(Duration.ofSeconds(10));
            assertEquals("hold", outcome.variables().get("CC_NEXT"));
            assertEquals("SUCCESS", outcome.agiStatus());
            return outcome;
        }
    }

    @Test
    @DisplayName("A caller who hangs up during the welcome prompt ends the IVR session at once, and the path so far "
            + "is published")
    void hangupMidPrompt() throws Exception {
        try (AsteriskSimulator sim = simulator(30_000)) {
            SimulatedCall call = sim.placeInboundCall(InboundCall.of("09350001199", "", "100"));
            String uid = call.uniqueid();
            SimulatorCalls.awaitStep(stepQueue, uid, "welcome");
            Thread.sleep(300);
            long hungUpAt = System.nanoTime();
            call.hangup();
            IvrSessionEnded end = awaitEnd(uid);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - hungUpAt);
            assertEquals("caller-hung-up", end.outcome());
            assertEquals("main", end.flow());
            assertTrue(tookMs < 2_000, "the session ended " + tookMs + " ms after the hangup, with 15 s of prompt left");
            assertEquals(List.of("answer", "welcome"), nodes(uid));
            CallOutcome outcome = call.awaitEnd(Duration.ofSeconds(10));
            assertEquals(List.of("fa/ivr/welcome"), SimulatorCalls.promptsPlayed(outcome.agiTranscript()));
            assertEquals("HANGUP", outcome.agiStatus());
            assertTrue(enqueued.isEmpty(), "nobody was queued");
        }
    }

    private static IvrSessionEnded awaitEnd(String uid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            IvrSessionEnded e = ended.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.uniqueId().equals(uid)) {
                return e;
            }
        }
        throw new AssertionError("no IvrSessionEnded for " + uid);
    }

    private static ChannelSnapshot awaitContext(AsteriskSimulator sim, String channel, String context)
            throws InterruptedException {
        Optional<ChannelSnapshot> last = Optional.empty();
        for (int i = 0; i < 100; i++) {
            last = sim.channels().stream().filter(c -> c.name().equals(channel)).findFirst();
            if (last.isPresent() && last.get().context().equals(context)
                    && !last.get().application().isEmpty()) {
                return last.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(channel + " never reached " + context + ", last seen as " + last);
    }

    private static List<String> nodes(String uid) {
        return steps.stream().filter(s -> s.uniqueId().equals(uid)).map(IvrStepEntered::node).toList();
    }
}
