package cc.ivr;

import cc.core.app.customer.CustomerStore;
import cc.core.contract.Addresses;
import cc.core.contract.EnqueueCall;
import cc.core.contract.IvrSessionEnded;
import cc.core.contract.IvrStepEntered;
import cc.core.contract.LocalRecordCodec;
import cc.core.contract.SurveyAnswered;
import cc.core.domain.customer.Customer;
import cc.ivr.adapter.agi.FakeAsterisk;
import cc.ivr.adapter.agi.Trace;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped main flow, served by the assembled module over FastAGI, with self-service data and callback requests
 * in PostgreSQL. The clock is fixed at Monday 10:00 in Tehran, inside business hours.
 */
class MainFlowIT {
    static final String PLAYED = "200 result=0 endpos=8000";
    static final String ALL = "\"0123456789*#\"";
    static Vertx vertx;
    static IvrModule module;
    static MigratedDatabase db;
    static final List<EnqueueCall> enqueued = new CopyOnWriteArrayList<>();
    static final BlockingQueue<IvrSessionEnded> ended = new LinkedBlockingQueue<>();
    static final BlockingQueue<SurveyAnswered> surveys = new LinkedBlockingQueue<>();
    static final List<IvrStepEntered> steps = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core", "ivr");
        db.execute("INSERT INTO ivr_account_balance (account, amount, currency) VALUES ('49927395', 1234.56, 'dollar')");
        LocalRecordCodec.registerContracts(vertx.eventBus());
        vertx.eventBus().<EnqueueCall>consumer(Addresses.ACD_CALL_ENQUEUE, m -> {
            enqueued.add(m.body());
            m.reply("position 1");
        });
        vertx.eventBus().<IvrSessionEnded>consumer(Addresses.IVR_SESSION_ENDED, m -> ended.add(m.body()));
        vertx.eventBus().<SurveyAnswered>consumer(Addresses.IVR_SURVEY_ANSWERED, m -> surveys.add(m.body()));
        vertx.eventBus().<IvrStepEntered>consumer(Addresses.IVR_STEP_ENTERED, m -> steps.add(m.body()));
        IvrModule.Config config = new IvrModule.Config("127.0.0.1", 0, Path.of("..", "config", "ivr"), "main",
                "support", Duration.ofSeconds(5));
        InstantSource mondayTen = InstantSource.fixed(Instant.parse("2026-11-23T06:30:00Z"));
        Customer sara = new Customer(7, "Sara Ahmadi", List.of("5551234"), "49927395", "en", "gold");
        module = IvrModule.start(vertx, config, new OneCustomer(sara), db.database(), mondayTen).await();
    }

    @AfterAll
    static void stop() throws Exception {
        module.close().await();
        db.close();
        vertx.close().await();
    }

    @BeforeEach
    void clear() {
        steps.clear();
    }

    @Test
    @DisplayName("A gold customer hears their balance from the database and is queued with top priority")
    void balanceThenAgent() throws Exception {
        Trace t1 = Trace.load("agi-01-main-menu-inbound-call.txt");
        try (FakeAsterisk a = new FakeAsterisk(module.port())) {
            a.send(withScript(t1.environment(), "main?lang=en"));
            a.expect("ANSWER", t1.replyTo("ANSWER"));
            a.expect("STREAM FILE \"en/ivr/welcome\" \"\"", PLAYED);
            a.expect("STREAM FILE \"fa/ivr/for-persian-press-1\" " + ALL, PLAYED);
            a.expect("STREAM FILE \"en/ivr/for-english-press-2\" " + ALL, t1.replyTo("STREAM FILE demo-congrats"));
            a.expect("SET VARIABLE \"CHANNEL(language)\" \"en\"", "200 result=1");
            a.expect("STREAM FILE \"en/ivr/welcome-back\" \"\"", PLAYED);
            a.expect("STREAM FILE \"en/ivr/main-menu\" " + ALL, "200 result=49 endpos=4000");
            for (String f : List.of("en/ivr/your-balance-is", "en/num/1", "en/num/thousand", "en/num/2",
                    "en/num/hundred", "en/num/30", "en/num/4", "en/cur/dollars", "en/cur/and", "en/num/50", "en/num/6",
                    "en/cur/cents")) {
                a.expect("STREAM FILE \"" + f + "\" \"\"", PLAYED);
            }
            a.expect("STREAM FILE \"en/ivr/anything-else\" " + ALL, "200 result=50 endpos=4000");
            a.expect("STREAM FILE \"en/ivr/may-be-recorded\" \"\"", PLAYED);
            a.expect("SET VARIABLE \"CC_NEXT\" \"hold\"", "200 result=1");
            a.expectClosed();
        }
        assertEquals("enqueued", ended.poll(5, TimeUnit.SECONDS).outcome());
        EnqueueCall call = enqueued.get(enqueued.size() - 1);
        assertEquals(10, call.priority());
        assertEquals("en", call.language());
        assertEquals("49927395", call.data().get("account"));
        assertEquals("7", call.data().get("customer.id"));
        assertEquals(List.of("answer", "welcome", "choose-language", "identify-caller", "greet-customer", "main-menu",
                "account-known", "use-customer-account", "balance", "say-balance", "anything-else", "office-hours",
                "recording-notice", "to-agent"), nodes());
    }

    @Test
    @DisplayName("An unknown Persian caller asks to be called back (stored) and rates the call 5 (published)")
    void callbackAndSurvey() throws Exception {
        Trace t1 = Trace.load("agi-01-main-menu-inbound-call.txt");
        List<String> env = new ArrayList<>();
        for (String l : withScript(t1.environment(), "main?lang=fa")) {
            env.add(l.startsWith("agi_callerid: ") ? "agi_callerid: 5550000" : l);
        }
        try (FakeAsterisk a = new FakeAsterisk(module.port())) {
            a.send(env);
            a.expect("ANSWER", "200 result=0");
            a.expect("STREAM FILE \"fa/ivr/welcome\" \"\"", PLAYED);
            for (int attempt = 0; attempt < 2; attempt++) {
                a.expect("STREAM FILE \"fa/ivr/for-persian-press-1\" " + ALL, PLAYED);
                a.expect("STREAM FILE \"en/ivr/for-english-press-2\" " + ALL, PLAYED);
                a.expect("WAIT FOR DIGIT 4000", "200 result=0");
            }
            a.expect("STREAM FILE \"fa/ivr/main-menu\" " + ALL, "200 result=52 endpos=4000");
            a.expect("STREAM FILE \"fa/ivr/callback-confirmed\" \"\"", PLAYED);
            a.expect("STREAM FILE \"fa/ivr/survey-rate\" " + ALL, "200 result=53 endpos=4000");
            a.expect("STREAM FILE \"fa/ivr/survey-thanks\" \"\"", PLAYED);
            a.expect("STREAM FILE \"fa/ivr/goodbye\" \"\"", PLAYED);
            a.expect("HANGUP", "200 result=1", "HANGUP");
            a.expectClosed();
        }
        assertEquals("completed", ended.poll(5, TimeUnit.SECONDS).outcome());
        SurveyAnswered s = surveys.poll(5, TimeUnit.SECONDS);
        assertNotNull(s);
        assertEquals(5, s.score());
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT number, queue, language FROM ivr_callback_request")) {
            assertTrue(rs.next());
            assertEquals("5550000", rs.getString(1));
            assertEquals("support", rs.getString(2));
            assertEquals("fa", rs.getString(3));
        }
        assertTrue(nodes().containsAll(List.of("identify-caller", "main-menu", "callback", "survey", "goodbye")));
    }

    private static List<String> nodes() {
        return steps.stream().map(IvrStepEntered::node).toList();
    }

    private static List<String> withScript(List<String> env, String script) {
        List<String> out = new ArrayList<>();
        for (String l : env) {
            out.add(l.startsWith("agi_network_script: ") ? "agi_network_script: " + script
                    : l.startsWith("agi_request: ") ? "agi_request: agi://127.0.0.1:4573/" + script : l);
        }
        return out;
    }

    /** A customer store holding one customer, for a test that is about the IVR and not about customer storage. */
    private static final class OneCustomer implements CustomerStore {
        private final Customer customer;

        OneCustomer(Customer customer) {
            this.customer = customer;
        }

        public Future<Optional<Customer>> findByPhone(String number) {
            return Future.succeededFuture(customer.phoneNumbers().contains(number) ? Optional.of(customer)
                    : Optional.empty());
        }

        public Future<Optional<Customer>> findByAccount(String account) {
            return Future.succeededFuture(customer.accountNumber().equals(account) ? Optional.of(customer)
                    : Optional.empty());
        }

        public Future<Optional<Customer>> find(long id) {
            return Future.succeededFuture(id == customer.id() ? Optional.of(customer) : Optional.empty());
        }

        public Future<Customer> save(Customer c) {
            return Future.failedFuture("read-only in this test");
        }
    }
}
