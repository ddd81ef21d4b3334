package cc.console.adapter.http;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.Telephony;
import cc.core.app.telephony.TelephonyException;
import cc.core.contract.Addresses;
import cc.core.contract.ChangeAgentState;
import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Click-to-dial, listen/whisper/barge and supervisor state changes over HTTP. The telephony port is answered by a
 * recorder standing in for Asterisk (the AMI adapter is another module's); what is checked is the exact
 * originate the console asks for.
 */
class ConsoleTelephonyIT {
    /** Answers every originate at once and keeps the requests. */
    static final class RecordingTelephony implements Telephony {
        final List<OriginateRequest> originated = new CopyOnWriteArrayList<>();

        @Override
        public Future<OriginateResult> originate(OriginateRequest request) {
            originated.add(request);
            return Future.succeededFuture(new OriginateResult.Answered(request.dialString() + "-00000001", "1.1"));
        }

        private static <T> Future<T> unsupported() {
            return Future.failedFuture(new TelephonyException(TelephonyException.Kind.REFUSED, "not used by the console"));
        }

        @Override
        public Future<Void> redirect(String server, String channel, String context, String exten, int priority) {
            return unsupported();
        }

        @Override
        public Future<Void> bridge(String server, String channel1, String channel2) {
            return unsupported();
        }

        @Override
        public Future<Void> hangup(String server, String channel, int cause) {
            return unsupported();
        }

        @Override
        public Future<Void> redirectBoth(String server, String channel, String extraChannel, String context,
                                         String exten) {
            return unsupported();
        }

        @Override
        public Future<Void> blindTransfer(String server, String transferer, String context, String exten) {
            return unsupported();
        }

        @Override
        public Future<Void> attendedTransfer(String server, String transferer, String context, String exten) {
            return unsupported();
        }

        @Override
        public Future<Void> cancelAttendedTransfer(String server, String transferer) {
            return unsupported();
        }

        @Override
        public Future<String> startRecording(String server, String channel, String file) {
            return unsupported();
        }

        @Override
        public Future<Void> muteRecording(String server, String channel, boolean muted) {
            return unsupported();
        }

        @Override
        public Future<Void> stopRecording(String server, String channel, String recordingId) {
            return unsupported();
        }

        @Override
        public Future<Void> leaveConference(String server, String conference, String channel) {
            return unsupported();
        }

        @Override
        public Future<Void> setVariable(String server, String channel, String name, String value) {
            return unsupported();
        }

        @Override
        public Future<Optional<String>> getVariable(String server, String channel, String name) {
            return unsupported();
        }

        @Override
        public void onCallEvent(Consumer<CallEvent> handler) {
        }

        @Override
        public void onLinkEvent(Consumer<LinkEvent> handler) {
        }

        @Override
        public boolean isUp(String server) {
            return true;
        }
    }

    private static final RecordingTelephony telephony = new RecordingTelephony();
    private static final List<ChangeAgentState> stateRequests = new CopyOnWriteArrayList<>();
    private static ConsoleFixture fx;

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture(Optional.of(telephony));
        fx.user("ali", Role.AGENT, "a1", "fa");
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.vertx.eventBus().<ChangeAgentState>consumer(Addresses.ACD_AGENT_CHANGE_STATE, m -> {
            stateRequests.add(m.body());
            m.reply(null);
        });
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static OriginateRequest last() {
        return telephony.originated.get(telephony.originated.size() - 1);
    }

    @Test
    @DisplayName("click-to-dial rings the agent's phone, then dials the cleaned number in the outbound context")
    void clickToDial() {
        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient.Live live = ali.live();
        int before = telephony.originated.size();
        assertEquals(422, ali.change("POST", "/api/dial", new JsonObject().put("number", "0909 123 4567")).statusCode());
        assertEquals(before, telephony.originated.size(), "a refused number is never dialled");
        assertEquals(202, ali.change("POST", "/api/dial", new JsonObject().put("number", "۰۹۱۲ ۱۱۱ ۲۲۳۳")).statusCode());
        OriginateRequest r = last();
        assertEquals("pbx1", r.server());
        assertEquals("PJSIP/ali", r.dialString());
        assertEquals(new OriginateRequest.DialplanTarget("outbound", "09121112233", 1), r.target());
        assertEquals(Duration.ofSeconds(30), r.ringTimeout());
        JsonObject result = live.next("dial-result");
        assertTrue(result.getBoolean("answered"));
        live.close();
    }

    @Test
    @DisplayName("listen, whisper and barge ring the supervisor's phone into ChanSpy on the agent's phone with q, qw, qB")
    void spy() {
        ConsoleClient sara = fx.signIn("sara");
        for (String[] m : new String[][] {{"listen", "q"}, {"whisper", "qw"}, {"barge", "qB"}}) {
            assertEquals(202, sara.change("POST", "/api/supervisor/spy",
                    new JsonObject().put("agentId", "a1").put("mode", m[0])).statusCode());
            assertEquals("PJSIP/sara", last().dialString());
            assertEquals(new OriginateRequest.ApplicationTarget("ChanSpy", "PJSIP/ali," + m[1]), last().target());
        }
        int before = telephony.originated.size();
        assertEquals(400, sara.change("POST", "/api/supervisor/spy", new JsonObject().put("channel", "PJSIP/ali,qBE")
                .put("mode", "listen")).statusCode());
        assertEquals(before, telephony.originated.size());
    }

    @Test
    @DisplayName("a supervisor changes an agent's state through the ACD, named as the one who asked")
    void supervisorChangesState() {
        ConsoleClient sara = fx.signIn("sara");
        assertEquals(204, sara.change("POST", "/api/supervisor/agents/a1/state",
                new JsonObject().put("state", "paused").put("reason", "coaching")).statusCode());
        assertEquals(new ChangeAgentState("a1", "paused", "coaching", "sara"), stateRequests.get(stateRequests.size() - 1));
        assertEquals(400, sara.change("POST", "/api/supervisor/agents/a1/state",
                new JsonObject().put("state", "paused")).statusCode(), "a pause needs a reason");
    }
}
