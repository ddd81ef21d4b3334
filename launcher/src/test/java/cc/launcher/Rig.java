package cc.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.fail;

/** What the whole-server tests share: free ports, polling for what the server does, closing what a test started. */
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
}
