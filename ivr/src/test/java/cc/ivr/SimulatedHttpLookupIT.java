package cc.ivr;

import cc.core.app.customer.CustomerStore;
import cc.core.contract.Addresses;
import cc.core.contract.IvrSessionEnded;
import cc.core.contract.LocalRecordCodec;
import cc.core.domain.customer.Customer;
import cc.simulator.AsteriskSimulator;
import cc.simulator.CallOutcome;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flow with an {@code http} node (test flow {@code flows/account-lookup.yaml}) calling a local CRM stand-in that
 * answers, fails with 500, or never answers; callers come from the Asterisk simulator over TCP.
 */
class SimulatedHttpLookupIT {
    static Vertx vertx;
    static HttpServer crm;
    static IvrModule module;
    static final BlockingQueue<IvrSessionEnded> ended = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        LocalRecordCodec.registerContracts(vertx.eventBus());
        vertx.eventBus().<IvrSessionEnded>consumer(Addresses.IVR_SESSION_ENDED, m -> ended.add(m.body()));
        crm = vertx.createHttpServer().requestHandler(req -> {
            if (req.path().endsWith("/ok")) {
                req.response().putHeader("content-type", "application/json").end("{\"name\":\"Sara\"}");
            } else if (req.path().endsWith("/error")) {
                req.response().setStatusCode(500).end("{\"error\":\"database down\"}");
            }
            // "/stall": never answers
        }).listen(0, "127.0.0.1").await();
        IvrModule.Config config = new IvrModule.Config("127.0.0.1", 0, Path.of("src", "test", "resources", "flows"),
                "account-lookup", "support", Duration.ofSeconds(5));
        // the flow reads no customer or self-service data; the database is never used
        module = IvrModule.start(vertx, config, noCustomers(), null, Clock.systemUTC()).await();
    }

    @AfterAll
    static void stop() {
        if (module != null) {
            module.close().await();
        }
        crm.close().await();
        vertx.close().await();
    }

    @Test
    @DisplayName("A CRM that answers sends the caller down the found branch")
    void answered() throws Exception {
        Call c = call("ok");
        assertEquals(List.of("en/test/crm-found"), SimulatorCalls.promptsPlayed(c.outcome.agiTranscript()));
        assertEquals("completed", c.end.outcome());
    }

    @Test
    @DisplayName("A CRM answering 500 sends the caller down the fallback branch")
    void serverError() throws Exception {
        Call c = call("error");
        assertEquals(List.of("en/test/crm-unavailable"), SimulatorCalls.promptsPlayed(c.outcome.agiTranscript()));
        assertEquals("completed", c.end.outcome());
    }

    @Test
    @DisplayName("A CRM that never answers sends the caller down the fallback branch after the node's one-second limit")
    void stalled() throws Exception {
        Call c = call("stall");
        assertEquals(List.of("en/test/crm-unavailable"), SimulatorCalls.promptsPlayed(c.outcome.agiTranscript()));
        assertEquals("completed", c.end.outcome());
        assertTrue(c.tookMs >= 1_000 && c.tookMs < 4_000, "the caller waited " + c.tookMs + " ms for the lookup");
    }

    private record Call(CallOutcome outcome, IvrSessionEnded end, long tookMs) {
    }

    private static Call call(String mode) throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                .agi("127.0.0.1", module.port(), "account-lookup?port=" + crm.actualPort() + "&mode=" + mode)
                .timings(Timings.defaults().withUnknownPromptMs(200))
                .build())) {
            ended.clear();
            long start = System.nanoTime();
            SimulatedCall call = sim.placeInboundCall(InboundCall.of("09350001122", "", "100"));
            CallOutcome outcome = call.awaitEnd(Duration.ofSeconds(15));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            IvrSessionEnded end = ended.poll(5, TimeUnit.SECONDS);
            assertNotNull(end, "the session end was published");
            assertEquals(call.uniqueid(), end.uniqueId());
            return new Call(outcome, end, took);
        }
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
