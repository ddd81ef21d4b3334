package cc.console.app;

import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveHubTest {
    /** A live channel that keeps what it was sent. */
    static final class Channel implements LiveClient {
        final Principal principal;
        final String session;
        final List<String> sent = new ArrayList<>();
        boolean closed;

        Channel(Principal principal, String session) {
            this.principal = principal;
            this.session = session;
        }

        @Override
        public Principal principal() {
            return principal;
        }

        @Override
        public String sessionId() {
            return session;
        }

        @Override
        public void send(String text, boolean droppable) {
            sent.add(text);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final Channel ali = new Channel(new Principal("ali", "Ali", Role.AGENT, "a1", "fa", ""), "s1");
    private final Channel aliSecondTab = new Channel(new Principal("ali", "Ali", Role.AGENT, "a1", "fa", ""), "s2");
    private final Channel bita = new Channel(new Principal("bita", "Bita", Role.AGENT, "a2", "en", ""), "s3");
    private final Channel sara = new Channel(new Principal("sara", "Sara", Role.SUPERVISOR, "", "en", ""), "s4");
    private final LiveHub hub = new LiveHub();

    LiveHubTest() {
        List.of(ali, aliSecondTab, bita, sara).forEach(hub::add);
    }

    @Test
    @DisplayName("a pop reaches every tab of its agent and nobody else, supervisors included")
    void pops() {
        assertEquals(2, hub.sendPop("a1", "pop-for-a1"));
        assertEquals(List.of("pop-for-a1"), ali.sent);
        assertEquals(List.of("pop-for-a1"), aliSecondTab.sent);
        assertTrue(bita.sent.isEmpty());
        assertTrue(sara.sent.isEmpty());
        assertEquals(0, hub.sendPop("a9", "pop-for-nobody"));
        assertEquals(1, hub.popsSent());
        assertEquals(1, hub.popsUndelivered());
        assertEquals(0, hub.refusedSends());
    }

    @Test
    @DisplayName("the wallboard goes to supervisors only; an agent's state to that agent and the supervisors")
    void wallboardAndStates() {
        assertEquals(1, hub.sendWallboard("board"));
        assertEquals(List.of("board"), sara.sent);
        hub.sendAgentState("a2", "a2-paused");
        assertEquals(List.of("a2-paused"), bita.sent);
        assertEquals(List.of("board", "a2-paused"), sara.sent);
        assertTrue(ali.sent.isEmpty());
    }

    @Test
    @DisplayName("signing out closes that session's sockets and they receive nothing more")
    void signOut() {
        hub.closeSession("s1");
        assertTrue(ali.closed);
        hub.sendPop("a1", "later");
        assertTrue(ali.sent.isEmpty());
        assertEquals(List.of("later"), aliSecondTab.sent);
        assertEquals(3, hub.size());
    }

    @Test
    @DisplayName("sockets of ended sessions are closed by the sweep and stop receiving pops")
    void endedSessions() {
        assertEquals(1, hub.closeEnded(session -> !session.equals("s3")));
        assertTrue(bita.closed);
        assertEquals(0, hub.sendPop("a2", "late pop"));
        assertTrue(bita.sent.isEmpty());
    }
    @Test
    @DisplayName("a call's control state reaches every tab of its agent and the supervisors, never another agent")
    void callControl() {
        hub.sendCallControl("a1", "held");
        assertEquals(List.of("held"), ali.sent);
        assertEquals(List.of("held"), aliSecondTab.sent);
        assertEquals(List.of("held"), sara.sent);
        assertTrue(bita.sent.isEmpty());
    }

    @Test
    @DisplayName("a dial or listen-in result reaches every tab of the user who asked and no other user")
    void toOneUserOnly() {
        hub.sendToUser("ali", "{\"type\":\"dial-result\"}");
        hub.sendToUser("sara", "{\"type\":\"spy-result\"}");
        assertEquals(List.of("{\"type\":\"dial-result\"}"), ali.sent);
        assertEquals(List.of("{\"type\":\"dial-result\"}"), aliSecondTab.sent);
        assertEquals(List.of("{\"type\":\"spy-result\"}"), sara.sent);
        assertTrue(bita.sent.isEmpty());
    }
}
