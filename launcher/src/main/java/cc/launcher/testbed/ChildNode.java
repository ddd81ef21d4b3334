package cc.launcher.testbed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server node as its own JVM ({@code cc.launcher.Main} with a configuration file the caller wrote), on the caller's
 * class path (a test's, or the benchmark jar), so it can be killed as a machine dies: {@link #kill()} is
 * {@code kill -9}, no shutdown hook runs, no lease is given up and no cluster member leaves in order. Its stdout
 * and stderr go straight to files (a pipe nobody reads would fill and block the child), appended to.
 */
public final class ChildNode implements AutoCloseable {
    public final String id;
    public final int httpPort;
    public final int agiPort;
    public final Path log;
    private final Process process;

    private ChildNode(String id, int httpPort, int agiPort, Path log, Process process) {
        this.id = id;
        this.httpPort = httpPort;
        this.agiPort = agiPort;
        this.log = log;
        this.process = process;
    }

    /** Writes {@code yaml} to {@code dir/<id>.yaml} and starts the node on it with {@code env} added. */
    public static ChildNode start(String id, int httpPort, int agiPort, Path dir, String yaml,
                                  Map<String, String> env) throws IOException {
        Files.createDirectories(dir);
        Path config = dir.resolve(id + ".yaml");
        Files.writeString(config, yaml);
        Path log = dir.resolve(id + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "cc.launcher.Main", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                // appended: a node started again after a kill keeps the killed JVM's lines before its own
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(id + ".err").toFile()));
        pb.environment().putAll(env);
        Process process = pb.start();
        // a test JVM that dies does not leave its nodes running (and holding their ports and the cluster)
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "child-node-" + id + "-reaper"));
        return new ChildNode(id, httpPort, agiPort, log, process);
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Answers /health (its HTTP server is up, the last step of a start that went through). */
    public boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException(id + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/health")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kill -9}: the JVM ends now, with its sockets, leases and cluster membership as they were. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
