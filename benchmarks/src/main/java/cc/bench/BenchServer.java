package cc.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the whole-server benchmarks write before they start a server against the simulator: a free FastAGI port, an
 * IVR flow that sends every caller straight to one queue, and the start of the server's configuration.
 */
public final class BenchServer {
    private BenchServer() {}

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Writes {@code <dir>/flows/bench.yaml}: answer, then the queue (waiting {@code enqueueTimeout} for the ACD's
     * reply), else hang up. Returns the flows directory.
     */
    public static Path flowIntoQueue(Path dir, String queue, String enqueueTimeout) throws IOException {
        Path flows = Files.createDirectories(dir.resolve("flows"));
        Files.writeString(flows.resolve("bench.yaml"), String.join("\n",
                "languages: [en]",
                "timezone: UTC",
                "start: answer",
                "nodes:",
                "  answer: {type: answer, next: to-queue}",
                "  to-queue: {type: enqueue, queue: " + queue + ", timeout: " + enqueueTimeout + ", fallback: bye}",
                "  bye: {type: hangup}", ""));
        return flows;
    }

    /**
     * The configuration up to the ACD's settings: HTTP on a free port, the simulator as the one Asterisk (user
     * {@code cc}, secret {@code bench-secret}), FastAGI, the flows, the database line given, and {@code acd:} with
     * every agent available at start. The caller appends the ACD's queues and agents.
     */
    public static StringBuilder yaml(int amiPort, int agiPort, Path flows, String database) {
        return new StringBuilder(String.join("\n",
                "http: {port: 0}",
                "asterisk:",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + amiPort + ", username: cc, secret: bench-secret}",
                "agi: {port: " + agiPort + "}",
                "ivr: {flows: '" + flows + "', defaultFlow: bench}",
                "database: " + database,
                "acd:",
                "  agentsAvailableAtStart: true", ""));
    }

    /** Appends {@code count} agents {@code <prefix>0..} on phones {@code PJSIP/<firstPhone>..}, serving the queue. */
    public static void agents(StringBuilder yaml, String prefix, int count, int firstPhone, String queue) {
        for (int a = 0; a < count; a++) {
            yaml.append("    - {id: ").append(prefix).append(a).append(", phone: PJSIP/").append(firstPhone + a)
                    .append(", queues: [").append(queue).append("]}\n");
        }
    }
}
