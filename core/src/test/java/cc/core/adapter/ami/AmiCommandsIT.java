package cc.core.adapter.ami;

import cc.core.app.telephony.OriginateFailure;
import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.TelephonyException;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands answered with the bytes real Asterisk 22 sent (ami-03, 06, 07, 08, 16, 17). */
class AmiCommandsIT {

    private static AmiHarness harness(TraceAmiPeer peer) {
        return new AmiHarness(List.of(AmiHarness.server("pbx", peer, "cc-secret")), AmiOptions.defaults());
    }

    private static OriginateRequest dialer(String dial) {
        return new OriginateRequest("pbx", dial, new OriginateRequest.DialplanTarget("dialer", "amd-only", 1),
                "\"Dialer\" <5550100>", Duration.ofSeconds(15), Map.of());
    }

    @Test
    @DisplayName("each failed originate of ami-08 completes with the platform's reason; answered-then-hangup is answered")
    void originateFailures() throws Exception {
        AmiTrace trace = AmiTrace.load("ami-08-originate-failures.txt");
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
             AmiHarness h = harness(peer)) {
            for (String id : List.of("orig-busy", "orig-congestion", "orig-noanswer", "orig-reject",
                    "orig-answer-hangup", "orig-no-such-exten", "orig-bad-tech")) {
                peer.answer(trace.byActionId(id));
            }
            AmiHarness.await(h.telephony.start());

            List<OriginateResult> results = new ArrayList<>();
            for (String dial : List.of("Local/busy@customers", "Local/congestion@customers", "Local/noanswer@customers",
                    "Local/reject@customers", "Local/answer-hangup@customers", "Local/nosuchexten@customers",
                    "Bogus/foo")) {
                results.add(AmiHarness.await(h.telephony.originate(dialer(dial))));
            }

            assertEquals(OriginateFailure.BUSY, failure(results.get(0)));
            assertEquals(OriginateFailure.CONGESTION, failure(results.get(1)));
            assertEquals(OriginateFailure.NO_ANSWER, failure(results.get(2)));
            assertEquals(OriginateFailure.FAILED, failure(results.get(3)));
            assertInstanceOf(OriginateResult.Answered.class, results.get(4));
            assertEquals(OriginateFailure.FAILED, failure(results.get(5)));
            assertEquals(OriginateFailure.FAILED, failure(results.get(6)));
            assertEquals("OriginateResponse Failure, Reason 5, for Local/busy@customers",
                    ((OriginateResult.Failed) results.get(0)).detail());
            assertEquals("15000", AmiTrace.header(peer.actions("Originate").get(0), "Timeout"));
            assertEquals("\"Dialer\" <5550100>", AmiTrace.header(peer.actions("Originate").get(0), "CallerID"));
        }
    }

    private static OriginateFailure failure(OriginateResult r) {
        return assertInstanceOf(OriginateResult.Failed.class, r).reason();
    }

    @Test
    @DisplayName("an originate straight into an application (Bridge to the holding caller) sends Application and Data")
    void originateIntoApplication() throws Exception {
        AmiTrace trace = AmiTrace.load("ami-16-originate-agent-bridge-app.txt");
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret").answer(trace.byActionId("3"));
             AmiHarness h = harness(peer)) {
            AmiHarness.await(h.telephony.start());

            OriginateResult r = AmiHarness.await(h.telephony.originate(new OriginateRequest("pbx", "Local/agent1@agents",
                    new OriginateRequest.ApplicationTarget("Bridge", "Local/s@cc-hold-00000000;2"),
                    "\"Sara Ahmadi\" <09121234567>", Duration.ofSeconds(15), Map.of("CC_CALL_ID", "call-42"))));

            assertEquals(new OriginateResult.Answered("Local/agent1@agents-00000001;1", "1795420460.2"), r);
            List<String> sent = peer.actions("Originate").get(0);
            assertEquals("Bridge", AmiTrace.header(sent, "Application"));
            assertEquals("Local/s@cc-hold-00000000;2", AmiTrace.header(sent, "Data"));
            assertEquals("CC_CALL_ID=call-42", AmiTrace.header(sent, "Variable"));
        }
    }

    @Test
    @DisplayName("an originate Asterisk refuses outright fails with REFUSED and the Asterisk message")
    void originateRefused() throws Exception {
        AmiTrace trace = AmiTrace.load("ami-03-ping-command-errors.txt");
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret").answer(trace.byActionId("originate-15"));
             AmiHarness h = harness(peer)) {
            AmiHarness.await(h.telephony.start());

            TelephonyException e = assertThrows(TelephonyException.class,
                    () -> AmiHarness.await(h.telephony.originate(dialer("Local/x@customers"))));
            assertEquals(TelephonyException.Kind.REFUSED, e.kind());
            assertTrue(e.getMessage().endsWith("Channel not specified"), e.getMessage());
        }
    }

    @Test
    @DisplayName("hangup sends the cause; an unknown channel fails with NO_SUCH_CHANNEL (ami-07)")
    void hangup() throws Exception {
        AmiTrace trace = AmiTrace.load("ami-07-hangup-action.txt");
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret")
                .answer(trace.byActionId("hangup-1")).answer(trace.byActionId("hangup-2"));
             AmiHarness h = harness(peer)) {
            AmiHarness.await(h.telephony.start());

            AmiHarness.await(h.telephony.hangup("pbx", "Local/600@redirect-test-00000006;2", 16));
            TelephonyException e = assertThrows(TelephonyException.class,
                    () -> AmiHarness.await(h.telephony.hangup("pbx", "Local/600@redirect-test-ffffffff;1", 16)));

            assertEquals(TelephonyException.Kind.NO_SUCH_CHANNEL, e.kind());
            assertEquals("AMI Hangup Local/600@redirect-test-ffffffff;1 on pbx failed: No such channel", e.getMessage());
            List<String> sent = peer.actions("Hangup").get(0);
            assertEquals("Local/600@redirect-test-00000006;2", AmiTrace.header(sent, "Channel"));
            assertEquals("16", AmiTrace.header(sent, "Cause"));
        }
    }

    @Test
    @DisplayName("redirect succeeds on a live channel; a channel that does not exist fails with NO_SUCH_CHANNEL (ami-06)")
    void redirect() throws Exception {
        AmiTrace trace = AmiTrace.load("ami-06-redirect.txt");
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret")
                .answer(trace.byActionId("redirect-1")).answer(trace.byActionId("redirect-2"));
             AmiHarness h = harness(peer)) {
            AmiHarness.await(h.telephony.start());

            AmiHarness.await(h.telephony.redirect("pbx", "Local/500@redirect-test-00000004;2", "redirect-test", "target", 1));
            TelephonyException e = assertThrows(TelephonyException.class, () -> AmiHarness.await(
                    h.telephony.redirect("pbx", "Local/500@redirect-test-ffffffff;2", "redirect-test", "target", 1)));

            assertEquals(TelephonyException.Kind.NO_SUCH_CHANNEL, e.kind());
            assertTrue(e.getMessage().endsWith("Channel does not exist: Local/500@redirect-test-ffffffff;2"),
                    e.getMessage());
            List<String> sent = peer.actions("Redirect").get(0);
            assertEquals("redirect-test", AmiTrace.header(sent, "Context"));
            assertEquals("target", AmiTrace.header(sent, "Exten"));
            assertEquals("1", AmiTrace.header(sent, "Priority"));
        }
    }

    @Test
    @DisplayName("the AMI Bridge action joins the holding caller and the agent (ami-17)")
    void bridge() throws Exception {
        AmiTrace trace = AmiTrace.load("ami-17-ami-bridge-action.txt");
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret").answer(trace.byActionId("4"));
             AmiHarness h = harness(peer)) {
            AmiHarness.await(h.telephony.start());

            AmiHarness.await(h.telephony.bridge("pbx", "Local/s@cc-hold-0000000a;2", "Local/agent3@agents-0000000b;1"));

            List<String> sent = peer.actions("Bridge").get(0);
            assertEquals("Local/s@cc-hold-0000000a;2", AmiTrace.header(sent, "Channel1"));
            assertEquals("Local/agent3@agents-0000000b;1", AmiTrace.header(sent, "Channel2"));
        }
    }

    @Test
    @DisplayName("setvar and getvar: a set value, an unset one (empty) and a bad channel (ami-03)")
    void variables() throws Exception {
        AmiTrace trace = AmiTrace.load("ami-03-ping-command-errors.txt");
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret").answer(trace.byActionId("setvar-11"))
                .answer(trace.byActionId("getvar-12")).answer(trace.byActionId("getvar-13"))
                .answer(trace.byActionId("getvar-14"));
             AmiHarness h = harness(peer)) {
            AmiHarness.await(h.telephony.start());

            AmiHarness.await(h.telephony.setVariable("pbx", "Local/1@x-00000001;2", "CC_GLOBAL", "hello world"));
            assertEquals(Optional.of("hello world"),
                    AmiHarness.await(h.telephony.getVariable("pbx", "Local/1@x-00000001;2", "CC_GLOBAL")));
            assertEquals(Optional.empty(),
                    AmiHarness.await(h.telephony.getVariable("pbx", "Local/1@x-00000001;2", "NO_SUCH_GLOBAL")));
            TelephonyException e = assertThrows(TelephonyException.class, () -> AmiHarness.await(
                    h.telephony.getVariable("pbx", "Local/nonexistent-00000000;1", "X")));

            assertEquals(TelephonyException.Kind.NO_SUCH_CHANNEL, e.kind());
            List<String> setvar = peer.actions("Setvar").get(0);
            assertEquals("hello world", AmiTrace.header(setvar, "Value"));
            assertEquals("Local/1@x-00000001;2", AmiTrace.header(setvar, "Channel"));
        }
    }

    @Test
    @DisplayName("commands fail fast with NOT_CONNECTED while the link is down or the server is unknown")
    void notConnected() throws Exception {
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
             AmiHarness h = harness(peer)) {
            TelephonyException before = assertThrows(TelephonyException.class,
                    () -> AmiHarness.await(h.telephony.hangup("pbx", "PJSIP/1-1", 16)));
            TelephonyException unknown = assertThrows(TelephonyException.class,
                    () -> AmiHarness.await(h.telephony.hangup("elsewhere", "PJSIP/1-1", 16)));

            assertEquals(TelephonyException.Kind.NOT_CONNECTED, before.kind());
            assertEquals(TelephonyException.Kind.NOT_CONNECTED, unknown.kind());
            assertTrue(peer.actions("Hangup").isEmpty());
        }
    }

    @Test
    @DisplayName("a command's future completes on the context of the verticle that sent it")
    void completesOnCallerContext() throws Exception {
        AmiTrace trace = AmiTrace.load("ami-07-hangup-action.txt");
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret").answer(trace.byActionId("hangup-1"));
             AmiHarness h = harness(peer)) {
            AmiHarness.await(h.telephony.start());
            ContextInternal caller = ((VertxInternal) h.vertx).createEventLoopContext();
            CompletableFuture<Boolean> onCaller = new CompletableFuture<>();

            caller.runOnContext(v -> h.telephony.hangup("pbx", "Local/600@redirect-test-00000006;2", 16)
                    .onComplete(ar -> onCaller.complete(ar.succeeded() && Vertx.currentContext() == caller)));

            assertSame(Boolean.TRUE, onCaller.get(AmiHarness.WAIT.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

}
