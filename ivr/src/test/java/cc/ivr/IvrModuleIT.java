package cc.ivr;

import cc.core.app.customer.CustomerStore;
import cc.core.contract.Addresses;
import cc.core.contract.LocalRecordCodec;
import cc.core.contract.SurveyAnswered;
import cc.core.domain.customer.Customer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The assembled module with the shipped flows: a caller answers the post-call survey over FastAGI. */
class IvrModuleIT {
    static Vertx vertx;
    static IvrModule module;
    static final BlockingQueue<SurveyAnswered> surveys = new LinkedBlockingQueue<>();
    static final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        LocalRecordCodec.registerContracts(vertx.eventBus());
        vertx.eventBus().<SurveyAnswered>consumer(Addresses.IVR_SURVEY_ANSWERED, m -> surveys.add(m.body()));
        IvrModule.Config config = new IvrModule.Config("127.0.0.1", 0, Path.of("..", "config", "ivr"), "main",
                "support", Duration.ofSeconds(1));
        // the survey flow reads no customer or self-service data; these are never called here
        module = IvrModule.start(vertx, config, noCustomers(), null, Clock.systemUTC()).await();
        module.metrics().bindTo(registry);
    }

    @AfterAll
    static void stop() {
        module.close().await();
        vertx.close().await();
    }

    @Test
    @DisplayName("A caller sent to the survey after the call presses 4: the score is published and they hear thanks")
    void survey() throws Exception {
        try (Socket s = new Socket("127.0.0.1", module.port())) {
            s.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            String env = String.join("\n", List.of("agi_network: yes", "agi_network_script: survey?lang=fa",
                    "agi_request: agi://127.0.0.1:4573/survey?lang=fa", "agi_channel: Local/100@ivr-in-00000001;2",
                    "agi_language: en", "agi_uniqueid: 1795417535.3", "agi_callerid: 5551234", "", ""));
            out.write(env.getBytes(StandardCharsets.UTF_8));
            assertEquals("STREAM FILE \"fa/ivr/survey-rate\" \"0123456789*#\"", in.readLine());
            out.write("200 result=0 endpos=16000\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("WAIT FOR DIGIT 5000", in.readLine());
            out.write("200 result=52\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("STREAM FILE \"fa/ivr/survey-thanks\" \"\"", in.readLine());
            out.write("200 result=0 endpos=8000\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("STREAM FILE \"fa/ivr/goodbye\" \"\"", in.readLine());
            out.write("200 result=0 endpos=8000\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("HANGUP", in.readLine());
            out.write("200 result=1\nHANGUP\n".getBytes(StandardCharsets.UTF_8));
            assertNull(in.readLine(), "the server ends the session");
        }
        SurveyAnswered answer = surveys.poll(5, TimeUnit.SECONDS);
        assertNotNull(answer);
        assertEquals("1795417535.3", answer.uniqueId());
        assertEquals(4, answer.score());
        double ended = 0;
        for (int i = 0; i < 50 && ended == 0; i++) {
            ended = registry.get("ivr.sessions.ended").tag("outcome", "completed").functionCounter().count();
            if (ended == 0) {
                vertx.timer(20).await();
            }
        }
        assertEquals(1.0, ended);
        // every flow shipped in config/ivr (main, survey, click-to-talk, ...)
        long shipped;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("..", "config", "ivr"))) {
            shipped = files.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertEquals((double) shipped, registry.get("ivr.flows.loaded").gauge().value());
    }

    private static CustomerStore noCustomers() {
        return new CustomerStore() {
            public Future<Optional<Customer>> findByPhone(String number) { return none(); }
            public Future<Optional<Customer>> findByAccount(String accountNumber) { return none(); }
            public Future<Optional<Customer>> find(long id) { return none(); }
            public Future<Customer> save(Customer customer) { return Future.failedFuture("read-only"); }
            private Future<Optional<Customer>> none() { return Future.succeededFuture(Optional.empty()); }
        };
    }
}
