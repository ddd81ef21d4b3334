package cc.launcher;

import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.dialplan.DefaultDialplan;
import io.vertx.core.eventbus.ReplyException;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the whole-server tests share: free ports, polling for what the server does, asking it over its event bus as
 * the console does, closing what a test started.
 */
final class Rig {
    private Rig() {}

    /** A check that may read a socket or a database. */
    interface Probe {
        boolean test() throws Exception;
    }

    /** Polls until the probe holds; fails naming what did not happen within the limit. */
    static void awaitTrue(String what, Duration limit, Probe probe) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (probe.test()) {
                return;
            }
            Thread.sleep(50);
        }
        fail(what + ": not within " + limit);
    }

    /** A port nothing listens on now (the simulator's dialplan must know the FastAGI port before we listen). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Closes each in turn, the server before the simulator before the database; nulls are skipped. */
    static void closeAll(AutoCloseable... parts) throws Exception {
        for (AutoCloseable p : parts) {
            if (p != null) {
                p.close();
            }
        }
    }

    /** The reply to a request on the server's event bus (what the console's REST layer would get), within 10 s. */
    static <T> T ask(Server server, String address, Object body) throws Exception {
        return server.vertx().eventBus().<T>request(address, body).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).body();
    }

    /** The refusal of a request that must be refused; fails when it was answered. */
    static ReplyException refused(Server server, String address, Object body) throws Exception {
        try {
            ask(server, address, body);
        } catch (ExecutionException e) {
            return assertInstanceOf(ReplyException.class, e.getCause());
        }
        throw new AssertionError(address + " was not refused");
    }

    /**
     * A server configuration as the whole-server tests start from, then {@code more} lines: HTTP on a free port, the
     * simulator as the one Asterisk (secret from {@code AMI_SECRET}, quick reconnects), FastAGI on {@code agiPort}, the
     * IVR flows of {@code src/test/resources/<flows>}, the test's PostgreSQL database.
     */
    static String serverYaml(AsteriskSimulator simulator, int agiPort, String flows, String defaultFlow,
                             PostgresTestDatabase pg, String... more) {
        List<String> lines = new ArrayList<>(List.of(
                "http: {port: 0}",
                "asterisk:",
                // calls of the simulator's normalising trunk start there, as a deployment's trunk context would
                "  inboundContexts: [cc-inbound, " + DefaultDialplan.NORMALISING_TRUNK_CONTEXT + "]",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + simulator.amiPort() + ", username: cc,"
                        + " secret: '${AMI_SECRET}', reconnectInitialDelay: 200ms, reconnectMaxDelay: 1s}",
                "agi: {port: " + agiPort + "}",
                "ivr: {flows: src/test/resources/" + flows + ", defaultFlow: " + defaultFlow + "}",
                "database: {url: '" + pg.config().url() + "', username: postgres, password: ''}"));
        lines.addAll(List.of(more));
        return String.join("\n", lines);
    }
}
