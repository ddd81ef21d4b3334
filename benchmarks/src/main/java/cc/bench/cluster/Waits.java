package cc.bench.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/** What both cluster benchmarks do around their runs: wait for a condition, read the load, run an admin statement. */
final class Waits {
    private Waits() {
    }

    interface Probe {
        boolean test() throws Exception;
    }

    /** Whether {@code probe} held within {@code limit} (asked every 50 ms). */
    static boolean within(Duration limit, Probe probe) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (probe.test()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Waits for {@code probe}; fails naming {@code what} past {@code limit}. */
    static void await(String what, Duration limit, Probe probe) throws Exception {
        if (!within(limit, probe)) {
            throw new IllegalStateException(what + ": not within " + limit);
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** One statement on the maintenance database (creating or dropping the run's own database). */
    static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
