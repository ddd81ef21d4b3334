package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.core.testkit.PostgresTestDatabase;
import cc.core.config.ConfigNode;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deployment across machines, on loopback: the console and API over HTTPS with a certificate made at test time
 * (openssl), the session cookie Secure; the AMI secret read from a file ({@code ${file:...}}) and logging in to the
 * simulator with it; the server's log in JSON (the shipped logback.xml with CC_LOG_FORMAT=json), every line an object
 * with level, logger and message, and neither the AMI secret nor the admin's password anywhere in it.
 */
class SecureDeploymentIT {
    private static final String SECRET = "ami-s3cret-Zq81";
    private static final String PASSWORD = "admin-pw-Kx77 battery";
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static Path dir;
    private static final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private static PrintStream originalOut;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("secure-deployment");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString())
                .redirectErrorStream(true).start();
        String opensslOut = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, opensslOut);
        Files.writeString(dir.resolve("ami-secret"), SECRET + "\n");

        // the shipped logging configuration, switched to JSON, its console output captured
        originalOut = System.out;
        System.setOut(new PrintStream(new TeeStream(originalOut, logged), true, StandardCharsets.UTF_8));
        System.setProperty("CC_LOG_FORMAT", "json");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(SecureDeploymentIT.class.getClassLoader().getResource("logback.xml"));

        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder().amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en").build());
        String yaml = String.join("\n",
                "http:",
                "  port: 0",
                "  tls: {certificate: '" + dir.resolve("cert.pem") + "', key: '" + dir.resolve("key.pem") + "'}",
                "asterisk:",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + simulator.amiPort() + ", username: cc,"
                        + " secret: '${file:" + dir.resolve("ami-secret") + "}', reconnectInitialDelay: 200ms}",
                "agi: {port: " + agiPort + ", allowFrom: [127.0.0.1]}",
                "ivr: {flows: src/test/resources/acd-flows, defaultFlow: acd, soundsDir: ''}",
                "database: {url: '" + pg.config().url() + "', username: postgres, password: '${env:CC_DB_PASSWORD:-}'}");
        server = Server.start(ServerConfig.read(ConfigNode.parse("secure.yaml", yaml, Map.<String, String>of()::get)))
                .await();
        server.console().users().save(new UserAccount(new Principal("ada", "ada", Role.ADMIN, "", "en", ""),
                new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            Rig.closeAll(server, simulator, pg);
        } finally {
            System.setOut(originalOut);
            System.clearProperty("CC_LOG_FORMAT");
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            new ContextInitializer(context).autoConfig();
        }
    }

    @Test
    @DisplayName("the console answers over HTTPS with the configured certificate and its session cookie is Secure")
    void httpsAndSecureCookie() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(dir.resolve("cert.pem")))
                .connectTimeout(Duration.ofSeconds(60)).build();
        String base = "https://127.0.0.1:" + server.httpPort();
        HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create(base + "/console/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        HttpResponse<String> signIn = https.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "ada")
                        .put("password", PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signIn.statusCode(), signIn.body());
        String cookie = signIn.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.contains("; Secure"), cookie);
    }

    @Test
    @DisplayName("the AMI secret from a file logs in, and neither it nor a password appears in the JSON log")
    void secretsNeverLoggedAndLogIsJson() throws Exception {
        Rig.awaitTrue("AMI logged in to the simulator with the secret from the file", Duration.ofSeconds(20),
                () -> server.telephony().isUp("pbx1"));
        // a failed sign-in with the password typed as the user name must not log it either
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(dir.resolve("cert.pem"))).build();
        https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.httpPort() + "/api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("username", "ada").put("password", "wrong").encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.flush();
        String out = logged.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains(SECRET), "the AMI secret was logged");
        assertFalse(out.contains(PASSWORD), "the admin's password was logged");
        List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
        assertTrue(lines.size() >= 10, "the server logs its start in JSON: " + out);
        boolean amiLine = false;
        for (String line : lines) {
            JsonObject o = new JsonObject(line);
            // logback's JsonEncoder names: the message with its arguments filled in is formattedMessage
            assertTrue(o.containsKey("level") && o.containsKey("loggerName") && o.containsKey("formattedMessage")
                    && o.containsKey("timestamp"), line);
            amiLine |= o.getString("formattedMessage", "").contains("logged in to 127.0.0.1");
        }
        assertTrue(amiLine, "the AMI log-in is in the JSON log");
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("test", (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    /** Writes to the real console and to the capture. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            synchronized (b) {
                b.write(buf, off, len);
            }
        }
    }
}
