package cc.core.adapter.ami;

import cc.core.app.telephony.TelephonyException;
import cc.core.domain.call.LinkEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiLoginIT {

    @Test
    @DisplayName("logs in to every configured server with the MD5 challenge and reports each link up by name")
    void logsInToAllServers() throws Exception {
        try (TraceAmiPeer a = new TraceAmiPeer("cc", "cc-secret");
             TraceAmiPeer b = new TraceAmiPeer("cc", "cc-secret");
             AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx-a", a, "cc-secret"),
                     AmiHarness.server("pbx-b", b, "cc-secret")), AmiOptions.defaults())) {
            AmiHarness.await(h.telephony.start());

            assertTrue(h.telephony.isUp("pbx-a"));
            assertTrue(h.telephony.isUp("pbx-b"));
            assertFalse(h.telephony.isUp("pbx-c"));
            assertEquals(1, a.logins());
            assertEquals(1, b.logins());
            assertEquals("MD5", AmiTrace.header(a.actions("Login").get(0), "AuthType"));
            AmiHarness.until("both LinkUp", () -> h.links.stream().filter(e -> e instanceof LinkEvent.LinkUp).count() == 2);
            h.untilLink("pbx-a resynced", e -> e instanceof LinkEvent.LinkResynced && e.server().equals("pbx-a"));
        }
    }

    @Test
    @DisplayName("a wrong secret fails start with a message naming host, port and user")
    void wrongSecret() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
             AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx", peer, "wrong-secret")),
                     AmiOptions.defaults())) {
            TelephonyException e = assertThrows(TelephonyException.class, () -> AmiHarness.await(h.telephony.start()));

            assertEquals("AMI login to 127.0.0.1:" + peer.port() + " as cc refused: Authentication failed",
                    e.getMessage());
            assertEquals(TelephonyException.Kind.REFUSED, e.kind());
            assertFalse(h.telephony.isUp("pbx"));
            assertEquals(1, peer.refusedLogins());
        }
    }

    @Test
    @DisplayName("a server that does not listen fails start with NOT_CONNECTED naming the address")
    void nothingListening() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        AmiServerConfig config = AmiServerConfig.of("pbx", "127.0.0.1", port, "cc", "cc-secret");
        try (AmiHarness h = new AmiHarness(List.of(config), AmiOptions.defaults())) {
            TelephonyException e = assertThrows(TelephonyException.class, () -> AmiHarness.await(h.telephony.start()));

            assertEquals(TelephonyException.Kind.NOT_CONNECTED, e.kind());
            assertTrue(e.getMessage().startsWith("AMI connection to 127.0.0.1:" + port + " as cc failed"),
                    e.getMessage());
        }
    }

    @Test
    @DisplayName("the configuration never prints the secret")
    void secretNotPrinted() {
        AmiServerConfig config = AmiServerConfig.of("pbx", "127.0.0.1", 5038, "cc", "cc-secret");
        assertFalse(config.toString().contains("cc-secret"));
    }
}
