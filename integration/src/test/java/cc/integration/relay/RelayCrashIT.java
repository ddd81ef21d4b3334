package cc.integration.relay;

import cc.core.adapter.jdbc.JdbcOutbox;
import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import cc.core.testkit.MigratedDatabase;
import cc.integration.IntegrationModule;
import cc.integration.webhook.Receiver;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code kill -9} of the relay's process mid-delivery loses nothing: the relay runs in a child JVM on the test's
 * PostgreSQL database, is killed with {@link Process#destroyForcibly()} while the receiver has taken part of the
 * events, and started again; the receiver ends with every event, the ones sent twice recognisable by id.
 */
class RelayCrashIT {
    private static final int EVENTS = 5_000;
    private static final String SECRET = "the-crash-test-receiver-secret";

    private Vertx vertx;
    private MigratedDatabase db;
    private Receiver receiver;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core", IntegrationModule.MIGRATIONS);
        receiver = new Receiver(vertx, SECRET);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process p : children) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        receiver.close();
        db.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("kill -9 of the relay mid-delivery, then a restart: every event arrives, repeats recognisable by id")
    void killedMidDelivery(@TempDir Path dir) throws Exception {
        Set<String> written = new HashSet<>();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            List<BusinessEvent> batch = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                BusinessEvent e = BusinessEvent.of(BusinessEventType.INTERACTION_ENDED, "call-" + (i % 50),
                        Instant.now(), "{\"n\":" + i + "}");
                batch.add(e);
                written.add(e.id());
                if (batch.size() == 500) {
                    JdbcOutbox.append(c, batch);
                    c.commit();
                    batch.clear();
                }
            }
        }
        // a receiver slow enough that the kill lands mid-delivery
        receiver.slowBy(20);

        Process first = startRelay(dir.resolve("first.log"));
        awaitTrue("some events delivered by the first relay", 60_000, () -> receiver.events().size() >= 500);
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        int beforeKill = new HashSet<>(receiver.events().stream().map(Receiver.Arrived::id).toList()).size();
        assertTrue(beforeKill < EVENTS, "killed mid-delivery: " + beforeKill + " of " + EVENTS + " had arrived");

        receiver.slowBy(0);
        startRelay(dir.resolve("second.log"));
        awaitTrue("every event delivered after the restart", 120_000, () -> new HashSet<>(receiver.events().stream()
                .map(Receiver.Arrived::id).toList()).containsAll(written));
        List<Receiver.Arrived> got = receiver.events();
        Set<String> ids = new HashSet<>();
        int repeats = 0;
        for (Receiver.Arrived a : got) {
            if (!ids.add(a.id())) {
                repeats++;
            }
        }
        assertEquals(written, ids, "every event, and nothing else");
        assertTrue(receiver.refusedSignatures().isEmpty());
        System.out.printf("kill -9 after %d of %d events; after the restart all %d arrived, %d of them twice%n",
                beforeKill, EVENTS, ids.size(), repeats);
    }

    private Process startRelay(Path log) throws Exception {
        String yaml = String.join("\n",
                "relay: {pollEvery: 50ms, batchSize: 500}",
                "webhooks:",
                "  - {name: crm, url: '" + receiver.url() + "', secretEnv: CRASH_SECRET, maxEvents: 20,",
                "     retry: {initialDelay: 100ms, maxDelay: 1s}}");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RelayProcess.class.getName(),
                db.database().url(), yaml).redirectErrorStream(true);
        // its own output to a file: a pipe nobody drains fast enough would slow the relay down
        pb.environment().put("CRASH_SECRET", SECRET);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        children.add(p);
        awaitTrue("the relay process started (" + log + ")", 60_000, () -> {
            if (!p.isAlive()) {
                fail("the relay process ended:\n" + Files.readString(log));
            }
            return Files.exists(log) && Files.readString(log).contains("relay started");
        });
        return p;
    }

    interface Probe {
        boolean test() throws Exception;
    }

    static void awaitTrue(String what, long millis, Probe probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            if (probe.test()) {
                return;
            }
            Thread.sleep(20);
        }
        fail(what + ": not within " + millis + " ms");
    }
}
