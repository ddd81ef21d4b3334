package cc.ivr.adapter.agi;

import cc.core.app.customer.CustomerStore;
import cc.core.contract.Addresses;
import cc.core.contract.EnqueueCall;
import cc.core.contract.IvrSessionEnded;
import cc.core.contract.LocalRecordCodec;
import cc.core.domain.customer.Customer;
import cc.core.testkit.fuzz.Fuzz;
import cc.core.testkit.fuzz.TextMutator;
import cc.ivr.adapter.http.VertxHttpLookup;
import cc.ivr.adapter.yaml.YamlFlowLoader;
import cc.ivr.app.FlowLibrary;
import cc.ivr.app.IvrServices;
import cc.ivr.app.IvrSessions;
import cc.ivr.app.SelfServiceData;
import cc.ivr.domain.engine.FlowInterpreter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FastAGI server over real TCP, fed mutated agi_ environments and mutated 200/510/520 replies taken from the
 * recorded traces. Property: every session ends (the server closes the socket within {@link #BOUND_MS} of the peer
 * going quiet), no session stays active, every session that started published its end record, and the server's
 * thread count does not grow.
 */
class AgiFuzzIT {
    private static final int BOUND_MS = 5_000;
    /** The server's bound on an environment block here; the peer waits this long for a first command. */
    private static final int ENVIRONMENT_MS = 300;
    /**
     * How long the peer waits for the next command before it takes the server to be waiting on it (for the rest of
     * a 520 block, say) and goes quiet itself; either way the server must then end the session within the bound.
     */
    private static final int COMMAND_MS = 300;
    private static final String[] TRACES = {"agi-01-main-menu-inbound-call.txt", "agi-03-command-tour.txt",
            "agi-05-script-path-and-arguments.txt", "agi-06-caller-hangup-during-stream.txt",
            "agi-07-caller-hangup-while-idle.txt"};

    static Vertx vertx;
    static AgiServer server;
    static IvrSessions sessions;
    static final AtomicInteger endRecords = new AtomicInteger();
    static final java.util.Set<String> outcomes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final List<String> environments = new ArrayList<>();
    static final List<String> replies = new ArrayList<>();

    static final String FLOW = String.join("\n",
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

    @BeforeAll
    static void start() throws Exception {
        readTraces();
        vertx = Vertx.vertx();
        LocalRecordCodec.registerContracts(vertx.eventBus());
        FlowLibrary flows = new FlowLibrary("main-menu", "support");
        YamlFlowLoader loader = new YamlFlowLoader();
        for (String name : List.of("main-menu", "survey/run.agi", "hangup-midway", "slow", "demo")) {
            flows.put(loader.load(name + ".yaml", FLOW));
        }
        vertx.eventBus().<EnqueueCall>consumer(Addresses.ACD_CALL_ENQUEUE, m -> m.reply("position 1"));
        vertx.eventBus().<IvrSessionEnded>consumer(Addresses.IVR_SESSION_ENDED, m -> {
            outcomes.add(m.body().outcome());
            endRecords.incrementAndGet();
        });
        IvrServices services = new IvrServices(vertx, new FlowInterpreter(), flows, unusedCustomers(),
                unusedData(), new VertxHttpLookup(vertx), Clock.systemUTC());
        sessions = new IvrSessions(services);
        server = new AgiServer(vertx, sessions).environmentTimeout(Duration.ofMillis(ENVIRONMENT_MS))
                .listen("127.0.0.1", 0).await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    @DisplayName("mutated environments and replies end every session cleanly: no hung thread, every record closed")
    void mutatedSessions() throws Exception {
        TextMutator envs = new TextMutator(environments);
        TextMutator answers = new TextMutator(replies);
        int threadsBefore = Thread.activeCount();
        Fuzz.Summary s = Fuzz.runParallel("fastagi", Fuzz.inputs(), 32,
                (input, note) -> session(input.random(), envs, answers, note));

        long deadline = System.currentTimeMillis() + BOUND_MS;
        while (sessions.active() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, sessions.active(), "sessions still active after every peer left");
        long ended = outcomes.stream().mapToLong(sessions::ended).sum();
        deadline = System.currentTimeMillis() + BOUND_MS;
        while (endRecords.get() < ended && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        System.out.println("fuzz fastagi: sessions ended=" + ended + " end records=" + endRecords.get()
                + " threads before=" + threadsBefore + " after=" + Thread.activeCount());
        assertEquals(ended, endRecords.get(), "every session that ended published its record, once");
        assertTrue(Thread.activeCount() <= threadsBefore + 4, "threads grew: " + threadsBefore + " -> "
                + Thread.activeCount());
        assertEquals(s.inputs(), s.accepted() + s.rejected());
    }

    @Test
    @DisplayName("a peer that sends half an environment and then nothing is let go after the bound (found by fuzzing)")
    void halfAnEnvironmentIsLetGo() throws Exception {
        long start = System.nanoTime();
        try (FakeAsterisk a = new FakeAsterisk(server.port())) {
            a.send(List.of("agi_network: yes", "agi_network_script: main-menu"));
            a.expectClosed();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= ENVIRONMENT_MS - 50 && ms < BOUND_MS, "closed after " + ms + " ms");
    }

    /**
     * One call: a (maybe mutated) environment, then up to eight commands each answered by a (maybe mutated) reply,
     * a HANGUP, silence, or an abrupt close. REJECTED when the server ended the session before the peer was done.
     */
    private static Fuzz.Verdict session(Random r, TextMutator envs, TextMutator answers, Fuzz.Note note)
            throws IOException, InterruptedException {
        String env = r.nextInt(3) == 0 ? environments.get(r.nextInt(environments.size())) : envs.next(r);
        StringBuilder log = new StringBuilder(env);
        note.input(log.toString());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            try {
                out.write(env.getBytes(StandardCharsets.UTF_8));
                out.flush();
                // a command comes at once after a whole environment; after a broken one, the server waits for
                // more (until its environment bound) or ends the session
                s.setSoTimeout(env.contains("\n\n") ? COMMAND_MS : 2 * ENVIRONMENT_MS);
                int commands = r.nextInt(9);
                for (int i = 0; i < commands; i++) {
                    String command;
                    try {
                        command = in.readLine();
                    } catch (SocketTimeoutException quiet) {
                        break; // the server waits for the peer: the peer goes quiet too
                    }
                    if (command == null) {
                        return Fuzz.Verdict.REJECTED;
                    }
                    int how = r.nextInt(20);
                    if (how == 0) {
                        s.setSoLinger(true, 0); // an abrupt reset
                        return Fuzz.Verdict.ACCEPTED;
                    }
                    String reply = how == 1 ? "HANGUP\n" : how < 10 ? replies.get(r.nextInt(replies.size()))
                            : answers.next(r);
                    log.append("> ").append(command).append('\n').append(reply);
                    note.input(log.toString());
                    out.write(reply.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                // the channel is gone: Asterisk closes the socket; the sessions must all end (checked after the run)
            } catch (SocketException closedByServer) {
                return Fuzz.Verdict.REJECTED;
            }
        }
        return Fuzz.Verdict.ACCEPTED;
    }

    /** Environments and reply blocks of the recorded FastAGI traces, each ending with LF as on the wire. */
    private static void readTraces() throws IOException {
        for (String name : TRACES) {
            try (InputStream in = AgiFuzzIT.class.getResourceAsStream("/traces/" + name)) {
                StringBuilder env = new StringBuilder();
                StringBuilder reply = new StringBuilder();
                boolean inEnv = true;
                for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (raw.startsWith("## ---- ") && !inEnv) {
                        break; // a second connection of the same trace
                    }
                    if (!raw.startsWith("+")) {
                        continue;
                    }
                    String rest = raw.substring(1).stripLeading();
                    String dirAndText = rest.substring(rest.indexOf(' ') + 1);
                    char dir = dirAndText.charAt(0);
                    String text = dirAndText.length() > 1 ? dirAndText.substring(2) : "";
                    if (dir == '<' && inEnv) {
                        env.append(text).append('\n');
                        if (text.isEmpty()) {
                            environments.add(env.toString());
                            inEnv = false;
                        }
                    } else if (dir == '<') {
                        reply.append(text).append('\n');
                    } else if (dir == '>' && reply.length() > 0) {
                        replies.add(reply.toString());
                        reply.setLength(0);
                    }
                }
                if (reply.length() > 0) {
                    replies.add(reply.toString());
                }
            }
        }
        assertTrue(environments.size() == TRACES.length && replies.size() > 20, environments + " " + replies);
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
