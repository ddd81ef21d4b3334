package cc.ivr.adapter.agi;

import cc.core.app.customer.CustomerStore;
import cc.core.contract.Addresses;
import cc.core.contract.EnqueueCall;
import cc.core.contract.IvrSessionEnded;
import cc.core.contract.IvrStepEntered;
import cc.core.contract.LocalRecordCodec;
import cc.core.domain.customer.Customer;
import cc.ivr.adapter.http.VertxHttpLookup;
import cc.ivr.adapter.yaml.YamlFlowLoader;
import cc.ivr.app.FlowLibrary;
import cc.ivr.app.IvrServices;
import cc.ivr.app.IvrSessions;
import cc.ivr.app.SelfServiceData;
import cc.ivr.domain.engine.FlowInterpreter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
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

/** The FastAGI server over real TCP against a peer that speaks Asterisk's side from the recorded traces. */
class AgiServerIT {
    static Vertx vertx;
    static AgiServer server;
    /** The same server with a 300 ms reply timeout (agi.replyTimeout). */
    private static AgiServer impatient;
    static HttpServer http;
    static final FlowLibrary flows = new FlowLibrary("main-menu", "support");
    static final List<EnqueueCall> enqueued = new CopyOnWriteArrayList<>();
    static final BlockingQueue<IvrSessionEnded> ended = new LinkedBlockingQueue<>();
    static final List<IvrStepEntered> steps = new CopyOnWriteArrayList<>();
    static final List<cc.core.contract.IvrInputGiven> inputs = new CopyOnWriteArrayList<>();
    static volatile boolean acdTakesCalls = true;
    /** Enqueue requests the ACD refuses with 503 (no node routes, as during a takeover) before it takes one. */
    static final java.util.concurrent.atomic.AtomicInteger refusalsBeforeTaking =
            new java.util.concurrent.atomic.AtomicInteger();

    static final String MAIN = String.join("\n",
            "languages: [en, fa]",
            "start: answer",
            "nodes:",
            "  answer: {type: answer, next: greet}",
            "  greet: {type: play, prompt: {en: hello-world, fa: fa/hello-world}, next: menu}",
            "  menu:",
            "    type: menu",
            "    prompt: {en: vm-enter-num-to-call, fa: fa/vm-enter-num-to-call}",
            "    choices: {'2': account}",
            "    timeout: 6s",
            "    retries: 1",
            "    fallback: bye",
            "  account:",
            "    type: collect",
            "    variable: account",
            "    prompt: {en: beep, fa: beep}",
            "    min-digits: 4",
            "    max-digits: 4",
            "    timeout: 5s",
            "    next: queue",
            "    fallback: bye",
            "  queue: {type: enqueue, queue: support, priority: 3, fallback: bye}",
            "  bye: {type: hangup, prompt: {en: goodbye, fa: fa/goodbye}}");

    static final String SLOW = String.join("\n",
            "languages: [en]",
            "start: answer",
            "nodes:",
            "  answer: {type: answer, next: greet}",
            "  greet: {type: play, prompt: {en: [demo-congrats, hello-world]}, next: crm}",
            "  crm: {type: http, url: 'http://127.0.0.1:${param.port}/${param.mode}', timeout: '${T}', as: crm,",
            "        next: code, fallback: sorry}",
            "  code: {type: say, kind: digits, value: '${crm.code}', next: bye}",
            "  sorry: {type: play, prompt: {en: sorry-fallback}, next: bye}",
            "  bye: {type: hangup}");

    /** The lookup node: the order system's rows through the integration module's address, within 300 ms. */
    static final String ORDERS = String.join("\n",
            "languages: [en]",
            "start: answer",
            "nodes:",
            "  answer: {type: answer, next: orders}",
            "  orders: {type: lookup, lookup: '${param.lookup}', as: orders, keys: {phone: '${caller.id}'}, budget: 300ms,",
            "           found: status, none: nothing, unavailable: sorry}",
            "  status: {type: say, kind: digits, value: '${orders.1.number}', next: bye}",
            "  nothing: {type: play, prompt: {en: no-orders}, next: bye}",
            "  sorry: {type: play, prompt: {en: sorry-fallback}, next: bye}",
            "  bye: {type: hangup}");

    static final String ARGS = String.join("\n",
            "languages: [en]",
            "start: say",
            "nodes:",
            "  say: {type: say, kind: digits, value: '${arg.2}${param.campaign}', next: bye}",
            "  bye: {type: hangup}");

    static final String VOICEMAIL = String.join("\n",
            "languages: [en]",
            "start: vm",
            "nodes:",
            "  vm: {type: voicemail, prompt: {en: leave-message}, max-length: 60s, next: out}",
            "  out: {type: transfer, to: 'Local/${param.to}@operators'}");

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        LocalRecordCodec.registerContracts(vertx.eventBus());
        YamlFlowLoader loader = new YamlFlowLoader();
        flows.put(loader.load("main-menu.yaml", MAIN));
        flows.put(loader.load("hangup-midway.yaml", MAIN));
        flows.put(loader.load("slow.yaml", SLOW.replace("${T}", "2s")));
        flows.put(loader.load("survey/run.agi.yaml", ARGS));
        flows.put(loader.load("voicemail.yaml", VOICEMAIL));
        flows.put(loader.load("orders.yaml", ORDERS));
        // the integration module's side of the lookup address: "orders" answers with a row, "silent" never answers
        cc.core.contract.LookupAddresses.registerCodecs(vertx.eventBus());
        vertx.eventBus().<cc.core.contract.LookupRequest>consumer(cc.core.contract.LookupAddresses.ASK, m -> {
            if (m.body().lookup().equals("orders")) {
                m.reply(new cc.core.contract.LookupReply("orders", cc.core.contract.LookupReply.Status.FOUND,
                        List.of(java.util.Map.of("number", "17", "asked", m.body().keys().getOrDefault("phone", ""))),
                        "", false));
            }
        });
        vertx.eventBus().<EnqueueCall>consumer(Addresses.ACD_CALL_ENQUEUE, m -> {
            if (refusalsBeforeTaking.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                m.fail(503, "no node routes calls right now; try again");
            } else if (acdTakesCalls) {
                enqueued.add(m.body());
                m.reply("position 1");
            }
        });
        vertx.eventBus().<IvrSessionEnded>consumer(Addresses.IVR_SESSION_ENDED, m -> ended.add(m.body()));
        vertx.eventBus().<IvrStepEntered>consumer(Addresses.IVR_STEP_ENTERED, m -> steps.add(m.body()));
        vertx.eventBus().<cc.core.contract.IvrInputGiven>consumer(Addresses.IVR_INPUT_GIVEN, m -> inputs.add(m.body()));
        http = vertx.createHttpServer().requestHandler(req -> {
            if (req.path().equals("/ok")) {
                req.response().putHeader("content-type", "application/json").end("{\"code\":\"42\",\"tier\":\"gold\"}");
            } else if (req.path().equals("/fail")) {
                req.response().setStatusCode(503).end("down");
            }
            // "/slow": never answers; the lookup's time limit must end the wait
        }).listen(0, "127.0.0.1").await();
        IvrServices services = new IvrServices(vertx, new FlowInterpreter(), flows, unusedCustomers(),
                unusedData(), new VertxHttpLookup(vertx), Clock.systemUTC());
        server = new AgiServer(vertx, new IvrSessions(services)).listen("127.0.0.1", 0).await();
        impatient = new AgiServer(vertx, new IvrSessions(services), AgiAllowList.LOOPBACK, java.time.Duration.ofMillis(300))
                .listen("127.0.0.1", 0).await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @BeforeEach
    void clear() {
        enqueued.clear();
        ended.clear();
        steps.clear();
        inputs.clear();
        acdTakesCalls = true;
        refusalsBeforeTaking.set(0);
    }

    @Test
    @DisplayName("A FastAGI connection from a host not in the allow list is closed before a byte is read, and counted")
    void refusesHostsNotAllowed() throws Exception {
        IvrServices services = new IvrServices(vertx, new FlowInterpreter(), flows, unusedCustomers(),
                unusedData(), new VertxHttpLookup(vertx), Clock.systemUTC());
        AgiServer strict = new AgiServer(vertx, new IvrSessions(services),
                AgiAllowList.parse(List.of("10.20.0.0/16", "fd00::/8")), AgiServer.DEFAULT_REPLY_TIMEOUT).listen("127.0.0.1", 0).await();
        try {
            byte[] environment = String.join("\n", Trace.load("agi-01-main-menu-inbound-call.txt").environment())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < 2; i++) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", strict.port())) {
                    s.setSoTimeout(5_000);
                    s.getOutputStream().write(environment);
                    assertEquals(-1, s.getInputStream().read(), "the server closes without answering");
                } catch (java.net.SocketException reset) {
                    // closed while we were still writing: refused just the same
                }
            }
            assertEquals(2, strict.refused());
            assertTrue(ended.isEmpty() && steps.isEmpty(), "no session started");
        } finally {
            strict.close().await();
        }
    }

    @Test
    @DisplayName("A caller walks the main menu of the recorded call and is handed to the ACD with what they keyed")
    void mainMenuToQueue() throws Exception {
        Trace t1 = Trace.load("agi-01-main-menu-inbound-call.txt");
        Trace t3 = Trace.load("agi-03-command-tour.txt");
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(t1.environment());
            a.expect("ANSWER", t1.replyTo("ANSWER"));
            a.expect("STREAM FILE \"hello-world\" \"\"", t3.replyTo("STREAM FILE hello-world \"\""));
            a.expect("STREAM FILE \"vm-enter-num-to-call\" \"0123456789*#\"", t1.replyTo("STREAM FILE demo-congrats"));
            a.expect("GET DATA \"beep\" 5000 4", t3.replyTo("GET DATA beep 5000 4"));
            a.expect("SET VARIABLE \"CC_NEXT\" \"hold\"", t1.replyTo("SET VARIABLE IVR_CHOICE"));
            a.expectClosed();
        }
        IvrSessionEnded end = ended.poll(5, TimeUnit.SECONDS);
        assertNotNull(end, "session end published");
        assertEquals("enqueued", end.outcome());
        assertEquals("1795417535.3", end.uniqueId());
        assertEquals(1, enqueued.size());
        EnqueueCall call = enqueued.get(0);
        assertEquals("support", call.queue());
        assertEquals(3, call.priority());
        assertEquals("en", call.language());
        assertEquals("1234", call.data().get("account"));
        assertEquals("5551234", call.data().get("caller.id"));
        assertEquals("Local/100@ivr-in-00000001;2", call.channel());
        assertEquals(List.of("answer:", "greet:", "menu:2", "account:1234", "queue:"), path());
    }

    @Test
    @DisplayName("A caller who hangs up mid-prompt ends the session at once and the path so far is kept")
    void hangupMidPrompt() throws Exception {
        Trace t6 = Trace.load("agi-06-caller-hangup-during-stream.txt");
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(t6.environment());
            a.expect("ANSWER", t6.replyTo("ANSWER"));
            List<String> reply = t6.replyTo("STREAM FILE demo-congrats");
            assertEquals(List.of("200 result=-1 endpos=20160", "HANGUP"), reply);
            a.expect("STREAM FILE \"hello-world\" \"\"", reply);
            a.expectClosed();
        }
        IvrSessionEnded end = ended.poll(5, TimeUnit.SECONDS);
        assertNotNull(end);
        assertEquals("caller-hung-up", end.outcome());
        assertEquals("hangup-midway", end.flow());
        assertEquals(List.of("answer:", "greet:"), path());
        assertTrue(enqueued.isEmpty());
    }

    @Test
    @DisplayName("A caller who hangs up while the IVR waits on a slow service is let go at once, not after the wait")
    void hangupWhileIdle() throws Exception {
        Trace t7 = Trace.load("agi-07-caller-hangup-while-idle.txt");
        List<String> env = withScript(t7.environment(), "slow?mode=slow&port=" + http.actualPort());
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(env);
            a.expect("ANSWER", t7.replyTo("ANSWER"));
            a.expect("STREAM FILE \"demo-congrats\" \"\"", "200 result=0 endpos=20160");
            a.expect("STREAM FILE \"hello-world\" \"\"", "200 result=0 endpos=11360");
            a.send("HANGUP");
            a.expectClosed();
        }
        IvrSessionEnded end = ended.poll(5, TimeUnit.SECONDS);
        assertNotNull(end);
        assertEquals("caller-hung-up", end.outcome());
        assertEquals(List.of("answer:", "greet:", "crm:"), path());
    }

    @Test
    @DisplayName("A lookup node: the order system's row is said to the caller; a lookup that does not answer within its"
            + " budget takes the unavailable way, the session never stuck")
    void lookupNode() throws Exception {
        Trace t1 = Trace.load("agi-01-main-menu-inbound-call.txt");
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(withScript(t1.environment(), "orders?lookup=orders"));
            a.expect("ANSWER", "200 result=0");
            a.expect("STREAM FILE \"en/digits/1\" \"\"", "200 result=0 endpos=4000");
            a.expect("STREAM FILE \"en/digits/7\" \"\"", "200 result=0 endpos=4000");
            a.expect("HANGUP", "200 result=1");
            a.expectClosed();
        }
        assertEquals("completed", ended.poll(5, TimeUnit.SECONDS).outcome());
        long asked = System.nanoTime();
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(withScript(t1.environment(), "orders?lookup=silent"));
            a.expect("ANSWER", "200 result=0");
            a.expect("STREAM FILE \"sorry-fallback\" \"\"", "200 result=0 endpos=8000");
            a.expect("HANGUP", "200 result=1");
            a.expectClosed();
        }
        assertEquals("completed", ended.poll(5, TimeUnit.SECONDS).outcome());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked) < 3_000, "the budget ended the wait");
    }

    @Test
    @DisplayName("An HTTP lookup that fails or times out takes the fallback branch; one that answers feeds variables")
    void httpLookup() throws Exception {
        Trace t1 = Trace.load("agi-01-main-menu-inbound-call.txt");
        for (String mode : List.of("fail", "slow")) {
            ended.clear();
            try (FakeAsterisk a = new FakeAsterisk(server.port())) {
                a.send(withScript(t1.environment(), "slow?mode=" + mode + "&port=" + http.actualPort()));
                a.expect("ANSWER", "200 result=0");
                a.expect("STREAM FILE \"demo-congrats\" \"\"", "200 result=0 endpos=20160");
                a.expect("STREAM FILE \"hello-world\" \"\"", "200 result=0 endpos=11360");
                a.expect("STREAM FILE \"sorry-fallback\" \"\"", "200 result=0 endpos=8000");
                a.expect("HANGUP", "200 result=1");
                a.expectClosed();
            }
            assertEquals("completed", ended.poll(5, TimeUnit.SECONDS).outcome(), mode);
        }
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(withScript(t1.environment(), "slow?mode=ok&port=" + http.actualPort()));
            a.expect("ANSWER", "200 result=0");
            a.expect("STREAM FILE \"demo-congrats\" \"\"", "200 result=0 endpos=20160");
            a.expect("STREAM FILE \"hello-world\" \"\"", "200 result=0 endpos=11360");
            a.expect("STREAM FILE \"en/digits/4\" \"\"", "200 result=0 endpos=4000");
            a.expect("STREAM FILE \"en/digits/2\" \"\"", "200 result=0 endpos=4000");
            a.expect("HANGUP", "200 result=1");
            a.expectClosed();
        }
        assertEquals("completed", ended.poll(5, TimeUnit.SECONDS).outcome());
    }

    @Test
    @DisplayName("Dialplan arguments and query parameters of the request reach the flow")
    void argumentsAndQuery() throws Exception {
        Trace t5 = Trace.load("agi-05-script-path-and-arguments.txt");
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(t5.environment());
            a.expect("STREAM FILE \"en/digits/2\" \"\"", "200 result=0 endpos=4000");
            a.expect("STREAM FILE \"en/digits/7\" \"\"", "200 result=0 endpos=4000");
            a.expect("HANGUP", "200 result=1");
            a.expectClosed();
        }
        assertEquals("survey/run.agi", ended.poll(5, TimeUnit.SECONDS).flow());
    }

    @Test
    @DisplayName("A request for a flow that does not exist gets the default flow, never a silent drop")
    void unknownFlow() throws Exception {
        Trace t1 = Trace.load("agi-01-main-menu-inbound-call.txt");
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(withScript(t1.environment(), "no-such-flow?lang=en"));
            a.expect("ANSWER", "200 result=0");
            a.vanish();
        }
        IvrSessionEnded end = ended.poll(5, TimeUnit.SECONDS);
        assertEquals("main-menu", end.flow());
        assertEquals("failed", end.outcome());
    }

    @Test
    @DisplayName("A channel that answers 511 (dead) ends the session as a hang-up")
    void deadChannel() throws Exception {
        Trace t6 = Trace.load("agi-06-caller-hangup-during-stream.txt");
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(t6.environment());
            a.expect("ANSWER", t6.replyTo("ANSWER"));
            a.expect("STREAM FILE \"hello-world\" \"\"", t6.replyTo("STREAM FILE hello-world"));
            a.expectClosed();
        }
        assertEquals("caller-hung-up", ended.poll(5, TimeUnit.SECONDS).outcome());
    }

    @Test
    @DisplayName("An Asterisk that stops answering does not hold the session: after the reply timeout it ends as failed"
            + " and the socket is closed")
    void silentPeer() throws Exception {
        Trace t1 = Trace.load("agi-01-main-menu-inbound-call.txt");
        try (FakeAsterisk a = new FakeAsterisk(impatient.port())) {
            a.send(t1.environment());
            assertEquals("ANSWER", a.command());
            long asked = System.nanoTime();
            a.expectClosed();
            long ms = (System.nanoTime() - asked) / 1_000_000;
            assertTrue(ms >= 250 && ms < 5_000, "closed after the 300 ms reply timeout, was " + ms + " ms");
        }
        assertEquals("failed", ended.poll(5, TimeUnit.SECONDS).outcome());
    }

    @Test
    @DisplayName("A malformed reply, a usage error (520) or a peer that vanishes mid-command ends the session cleanly")
    void brokenPeers() throws Exception {
        Trace t1 = Trace.load("agi-01-main-menu-inbound-call.txt");
        Trace t3 = Trace.load("agi-03-command-tour.txt");
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(t1.environment());
            a.expect("ANSWER", "this is not AGI");
            a.expectClosed();
        }
        assertEquals("failed", ended.poll(5, TimeUnit.SECONDS).outcome());
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(t1.environment());
            List<String> usage = t3.replyToExactly("STREAM FILE");
            assertEquals("520 End of proper usage.", usage.get(usage.size() - 1));
            a.expect("ANSWER", usage);
            a.expectClosed();
        }
        assertEquals("failed", ended.poll(5, TimeUnit.SECONDS).outcome());
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(t1.environment());
            assertEquals("ANSWER", a.command());
            a.vanish();
        }
        assertEquals("failed", ended.poll(5, TimeUnit.SECONDS).outcome());
    }

    @Test
    @DisplayName("When the ACD does not take the call, the enqueue node's fallback plays and the caller is let go")
    void acdDoesNotAnswer() throws Exception {
        acdTakesCalls = false;
        Trace t1 = Trace.load("agi-01-main-menu-inbound-call.txt");
        flows.put(new YamlFlowLoader().load("acd-down.yaml", MAIN.replace("start: answer", "start: queue")
                .replace("queue: support, priority: 3,", "queue: support, priority: 3, timeout: 300ms,")));
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(withScript(t1.environment(), "acd-down"));
            a.expect("STREAM FILE \"goodbye\" \"\"", "200 result=0 endpos=8000");
            a.expect("HANGUP", "200 result=1");
            a.expectClosed();
        }
        assertEquals("completed", ended.poll(5, TimeUnit.SECONDS).outcome());
    }

    @Test
    @DisplayName("While no node routes calls (the ACD refuses with 503, as during a takeover) the caller's enqueue is"
            + " asked again until a node takes it: queued with its arrival time, no fallback")
    void enqueueWaitsOutARoutingTakeover() throws Exception {
        refusalsBeforeTaking.set(6);
        Trace t1 = Trace.load("agi-01-main-menu-inbound-call.txt");
        flows.put(new YamlFlowLoader().load("takeover.yaml", MAIN.replace("start: answer", "start: queue")));
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(withScript(t1.environment(), "takeover"));
            a.expect("SET VARIABLE \"CC_NEXT\" \"hold\"", "200 result=1");
            a.expectClosed();
        }
        assertEquals("enqueued", ended.poll(5, TimeUnit.SECONDS).outcome());
        assertEquals(0, refusalsBeforeTaking.get(), "refused six times first");
        assertEquals(1, enqueued.size(), "taken once: " + enqueued);
        assertEquals("support", enqueued.get(0).queue());
    }

    @Test
    @DisplayName("A caller leaves a voicemail (RECORD FILE with beep, # ends it) and is then transferred by the dialplan")
    void voicemailThenTransfer() throws Exception {
        Trace t1 = Trace.load("agi-01-main-menu-inbound-call.txt");
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(withScript(t1.environment(), "voicemail?to=2000"));
            a.expect("STREAM FILE \"leave-message\" \"\"", "200 result=0 endpos=8000");
            // RECORD FILE answers with the key that ended the recording, as Asterisk documents it (no trace of it)
            a.expect("RECORD FILE \"voicemail/1795417535.3\" \"wav\" \"#\" 60000 0 BEEP s=5",
                    "200 result=35 (dtmf) endpos=32000");
            a.expect("SET VARIABLE \"CC_NEXT\" \"transfer\"", "200 result=1");
            a.expect("SET VARIABLE \"CC_TRANSFER_TO\" \"Local/2000@operators\"", "200 result=1");
            a.expectClosed();
        }
        assertEquals("transferred", ended.poll(5, TimeUnit.SECONDS).outcome());
    }

    private static List<String> path() {
        List<String> out = new ArrayList<>();
        // each node with the keys pressed at it (inputs come before the node they lead to)
        steps.forEach(s -> out.add(s.node() + ":" + inputs.stream().filter(i -> i.node().equals(s.node()))
                .map(cc.core.contract.IvrInputGiven::input).findFirst().orElse("")));
        return out;
    }

    private static List<String> withScript(List<String> env, String script) {
        List<String> out = new ArrayList<>();
        for (String l : env) {
            out.add(l.startsWith("agi_network_script: ") ? "agi_network_script: " + script
                    : l.startsWith("agi_request: ") ? "agi_request: agi://127.0.0.1:4573/" + script : l);
        }
        return out;
    }

    private static CustomerStore unusedCustomers() {
        return new CustomerStore() {
            public Future<Optional<Customer>> findByPhone(String number) { return unused(); }
            public Future<Optional<Customer>> findByAccount(String accountNumber) { return unused(); }
            public Future<Optional<Customer>> find(long id) { return unused(); }
            public Future<Customer> save(Customer customer) { return unused(); }
            private <T> Future<T> unused() { return Future.failedFuture("no customer store in this test"); }
        };
    }

    private static SelfServiceData unusedData() {
        return new SelfServiceData() {
            public Future<Optional<Balance>> balance(String account) { return Future.failedFuture("unused"); }
            public Future<Optional<OrderStatus>> orderStatus(String o) { return Future.failedFuture("unused"); }
            public Future<Void> requestCallback(CallbackRequest request) { return Future.failedFuture("unused"); }
        };
    }
}
