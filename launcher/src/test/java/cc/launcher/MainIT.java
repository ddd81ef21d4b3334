package cc.launcher;

import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What a deployer meets: the run command, a wrong AMI secret, a wrong configuration key. */
class MainIT {

    @Test
    @DisplayName("a wrong AMI secret stops the server with a message naming host and user, and a non-zero exit")
    void wrongSecret(@TempDir Path dir) throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder().amiUser("cc", "right").build())) {
            Path config = dir.resolve("server.yaml");
            Files.writeString(config, String.join("\n",
                    "http: {port: 0}",
                    "agi: {port: 0}",
                    "asterisk:",
                    "  servers:",
                    "    - {name: pbx1, host: 127.0.0.1, port: " + sim.amiPort() + ", username: cc, secret: wrong}",
                    "database: {dataDir: '" + dir.resolve("data") + "'}",
                    "ivr: {flows: src/test/resources/e2e-flows, defaultFlow: e2e}",
                    ""));
            Run run = runMain(config.toString());
            assertEquals(2, run.status, run.err);
            assertTrue(run.err.contains("127.0.0.1:" + sim.amiPort()), run.err);
            assertTrue(run.err.contains("as cc"), run.err);
            assertTrue(run.err.toLowerCase().contains("authentication failed"), run.err);
            assertTrue(!run.err.contains("wrong"), "the secret is not printed: " + run.err);
        }
    }

    @Test
    @DisplayName("a wrong configuration key stops the server with the file and the key, exit status 1")
    void wrongKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("server.yaml");
        Files.writeString(config, "database:\n  poolSize: lots\n");
        Run run = runMain(config.toString());
        assertEquals(1, run.status);
        assertEquals("configuration error: " + config + ": database.poolSize: must be a whole number from 1 to 200, "
                + "was \"lots\"", run.err.strip());
    }

    @Test
    @DisplayName("the run command serves /health and /metrics within 10 s, with the simulator's calls in the metrics")
    void runCommand(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "cc-server.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the server jar is built before the integration tests: " + jar);
        copyTree(Path.of("..", "config", "ivr"), dir.resolve("config").resolve("ivr"));
        int http = Rig.freePort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        pb.environment().put("CC_HTTP_PORT", String.valueOf(http));
        pb.environment().put("CC_AGI_PORT", String.valueOf(Rig.freePort()));
        long started = System.nanoTime();
        Process p = pb.start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
            URI health = URI.create("http://127.0.0.1:" + http + "/health");
            Duration upAfter = null;
            while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30) && p.isAlive()) {
                try {
                    if (client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode() == 200) {
                        upAfter = Duration.ofNanos(System.nanoTime() - started);
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            String log = Files.readString(dir.resolve("server.log"));
            if (upAfter == null) {
                fail("/health never answered 200; server output:\n" + log);
            }
            System.out.println("run command: /health answered 200 after " + upAfter.toMillis() + " ms");
            assertTrue(upAfter.compareTo(Duration.ofSeconds(10)) < 0, "/health up after " + upAfter);
            assertTrue(log.contains("http://127.0.0.1:" + http + "/health"), "the URLs are printed:\n" + log);

            URI metrics = URI.create("http://127.0.0.1:" + http + "/metrics");
            double opened = 0;
            double simulated = 0;
            String body = "";
            // the demo campaign's outbound calls may open interactions before the first simulated inbound call
            while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(40) && (opened < 1 || simulated < 1)) {
                body = client.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                opened = value(body, "cc_interactions_opened_total");
                simulated = value(body, "cc_simulator_calls_started_total");
                Thread.sleep(250);
            }
            assertTrue(opened >= 1, "simulated calls show in /metrics as opened interactions");
            assertTrue(value(body, "cc_simulator_calls_started_total") >= 1, "the simulator's own count is there");
            assertEquals(1.0, value(body, "cc_ami_link_up"), "the AMI link to the simulator is up");
            assertTrue(value(body, "cc_ami_intake_received_total") > 0, "AMI events were taken in");

            // a newcomer signs in to the console with the demo admin's password, kept in a file only they can read
            Path passwordFile = dir.resolve("data").resolve(DemoAdmin.FILE_NAME);
            log = Files.readString(dir.resolve("server.log"));
            assertTrue(log.contains("sign in as admin with the password in " + Path.of("data", DemoAdmin.FILE_NAME)),
                    "the banner says where the demo password is:\n" + log);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(passwordFile)));
            String password = Files.readString(passwordFile).strip();
            assertFalse(log.contains(password), "the password itself is never printed");
            cc.console.testing.ConsoleClient console = new cc.console.testing.ConsoleClient("http://127.0.0.1:" + http);
            assertEquals(200, console.signIn("admin", password).statusCode(), "the demo admin signs in");
            assertEquals(200, console.get("/api/wallboard").statusCode(), "and sees the wallboard");
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("the server did not stop within 20 s of SIGTERM");
            }
        }
    }

    private record Run(int status, String err) {}

    private static synchronized Run runMain(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = Main.run(args);
            return new Run(status, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private static double value(String prometheus, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(prometheus);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

}
