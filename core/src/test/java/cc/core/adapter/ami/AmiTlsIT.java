package cc.core.adapter.ami;

import cc.core.app.telephony.TelephonyException;
import cc.core.domain.call.LinkEvent;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AMI over TLS: the peer that speaks Asterisk's side from the recorded traces behind a TLS listener (as Asterisk's
 * {@code tlsenable=yes} would be), its certificate made by openssl at test time. The link logs in through TLS when
 * it trusts that certificate, and refuses a server whose certificate it does not trust or whose name does not match.
 */
class AmiTlsIT {
    private static Path dir;
    private static Vertx vertx;

    @BeforeAll
    static void certificate() throws Exception {
        dir = Files.createTempDirectory("ami-tls");
        for (String name : List.of("asterisk", "other")) {
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=" + name, "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", dir.resolve(name + "-key.pem").toString(),
                    "-out", dir.resolve(name + "-cert.pem").toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        }
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A TLS listener that pipes each connection to the plain peer, as stunnel would. */
    private static NetServer tlsInFrontOf(TraceAmiPeer peer) {
        NetServer server = vertx.createNetServer(new NetServerOptions().setSsl(true).setHost("127.0.0.1")
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(dir.resolve("asterisk-cert.pem").toString())
                        .setKeyPath(dir.resolve("asterisk-key.pem").toString())));
        server.connectHandler(tls -> {
            tls.pause();
            vertx.createNetClient().connect(peer.port(), "127.0.0.1").onSuccess((NetSocket plain) -> {
                tls.pipeTo(plain);
                plain.pipeTo(tls);
                tls.resume();
            }).onFailure(e -> tls.close());
        });
        server.listen(0).toCompletionStage().toCompletableFuture().join();
        return server;
    }

    private static AmiServerConfig overTls(int port, String trusted) {
        return new AmiServerConfig("pbx", "127.0.0.1", port, "cc", "cc-secret", Duration.ofSeconds(5),
                Duration.ofMillis(200), Duration.ofSeconds(1), new AmiTls(true,
                Optional.of(dir.resolve(trusted + "-cert.pem"))));
    }

    @Test
    @DisplayName("logs in over TLS to a server whose certificate it trusts, and events flow")
    void logsInOverTls() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret")) {
            NetServer tls = tlsInFrontOf(peer);
            try (AmiHarness h = new AmiHarness(List.of(overTls(tls.actualPort(), "asterisk")),
                    AmiOptions.defaults())) {
                AmiHarness.await(h.telephony.start());
                assertTrue(h.telephony.isUp("pbx"));
                assertEquals(1, peer.logins());
                h.untilLink("resynced over TLS", e -> e instanceof LinkEvent.LinkResynced);
            } finally {
                tls.close();
            }
        }
    }

    @Test
    @DisplayName("refuses a server whose certificate it does not trust: no secret is sent")
    void refusesAnUntrustedCertificate() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret")) {
            NetServer tls = tlsInFrontOf(peer);
            try (AmiHarness h = new AmiHarness(List.of(overTls(tls.actualPort(), "other")),
                    AmiOptions.defaults())) {
                TelephonyException e = assertThrows(TelephonyException.class,
                        () -> AmiHarness.await(h.telephony.start()));
                assertEquals(TelephonyException.Kind.NOT_CONNECTED, e.kind());
                assertFalse(h.telephony.isUp("pbx"));
                assertEquals(0, peer.logins());
            } finally {
                tls.close();
            }
        }
    }
}
