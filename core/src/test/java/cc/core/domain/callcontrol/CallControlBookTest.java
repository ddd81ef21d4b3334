package cc.core.domain.callcontrol;

import cc.core.domain.callcontrol.CallControlBook.Plan;
import cc.core.domain.callcontrol.ControlledCall.Recording;
import cc.core.domain.callcontrol.ControlledCall.State;
import cc.core.domain.dialing.DialPermissions;
import cc.core.domain.dialing.DialPlanConfig;
import cc.core.domain.dialing.NumberClass;
import cc.core.domain.dialing.NumberPattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Call control decided as data, replayed fact by fact with the time given. */
class CallControlBookTest {
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final String CALLER = "PJSIP/trunk-00000001";
    private static final String A1 = "PJSIP/3001-00000002";
    private static final String A2 = "PJSIP/3002-00000003";

    private final CallControlBook book = new CallControlBook(new CallControlBook.Settings("cc-hold", "cc-outbound",
            "cc-agent-wait", "cc-conference", "PJSIP/{number}@trunk", ZoneOffset.UTC),
            new DialPermissions(new DialPlanConfig("98", "0", "00", NumberPattern.iran(),
                    Set.of(NumberClass.MOBILE, NumberClass.LANDLINE), false, Set.of(), Integer.MAX_VALUE, Map.of(),
                    Integer.MAX_VALUE)));

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private Plan connect(String policy) {
        return book.connected(new CallControlBook.Connected("1.1", "pbx1", CALLER, "a1", A1, "desk", policy, "",
                "i-1"), t(0));
    }

    private Plan ask(String agent, String intent, String kind, String target) {
        return book.request(new CallControlBook.Request("i-1", agent, agent, false, intent, kind, target, "notes"),
                t(10));
    }

    @Test
    @DisplayName("hold redirects the caller to the music; resume bridges caller and agent again; a second hold is refused")
    void holdAndResume() {
        connect("on-demand");
        Plan hold = ask("a1", "hold", "", "");
        assertEquals(List.of(new Step.Redirect(CALLER, "cc-hold", "s")), hold.steps());
        assertEquals(State.HELD, hold.call().state());
        assertEquals("bad-state", ask("a1", "hold", "", "").refusal().orElseThrow().error());
        Plan resume = ask("a1", "resume", "", "");
        assertEquals(List.of(new Step.Bridge(CALLER, A1)), resume.steps());
        assertEquals(State.TALKING, resume.call().state());
    }

    @Test
    @DisplayName("only the call's agent controls it; a supervisor may pause its recording but not transfer it")
    void ownership() {
        connect("always");
        assertEquals("not-your-call", ask("a2", "hold", "", "").refusal().orElseThrow().error());
        Plan sup = book.request(new CallControlBook.Request("i-1", "a1", "boss", true, "transfer", "queue", "help",
                ""), t(5));
        assertEquals("not-your-call", sup.refusal().orElseThrow().error());
        Plan pause = book.request(new CallControlBook.Request("i-1", "a1", "boss", true, "record-pause", "", "", ""),
                t(6));
        assertTrue(pause.refusal().isEmpty());
        assertEquals("no-such-call", book.request(new CallControlBook.Request("other", "a1", "a1", false, "hold", "",
                "", ""), t(7)).refusal().orElseThrow().error());
        assertEquals("bad-request", ask("a1", "dance", "", "").refusal().orElseThrow().error());
    }

    @Test
    @DisplayName("a queue recorded always starts at the answer; a pause ends the file, a resume starts the next one")
    void recordingFiles() {
        Plan start = connect("always");
        assertEquals(List.of(new Step.StartRecording(CALLER, "2026/12/02/i-1-1.wav")), start.steps());
        book.recordingStarted("1.1", "2026/12/02/i-1-1.wav", "0x1");
        assertEquals(List.of(new Step.StopRecording(CALLER, "0x1", false)),
                ask("a1", "record-pause", "", "").steps());
        assertEquals(Recording.PAUSED, book.byCall("1.1").orElseThrow().recording());
        assertEquals(List.of(new Step.StartRecording(CALLER, "2026/12/02/i-1-2.wav")),
                ask("a1", "record-resume", "", "").steps());
        List<String> facts = book.drainRecordings().stream().map(f -> f.change() + " " + f.file() + " " + f.by())
                .toList();
        assertEquals(List.of("started 2026/12/02/i-1-1.wav policy", "paused 2026/12/02/i-1-1.wav a1",
                "resumed 2026/12/02/i-1-2.wav a1"), facts);
    }

    @Test
    @DisplayName("a queue never recorded stops a running recording when a transfer brings the call there")
    void neverPolicyStops() {
        connect("always");
        book.connected(new CallControlBook.Connected("1.1", "pbx1", CALLER, "a2", A2, "help", "never", "", "i-1"),
                t(30));
        assertEquals(Recording.OFF, book.byCall("1.1").orElseThrow().recording());
    }

    @Test
    @DisplayName("transfer to an international number is refused by the dial rules and audited; nothing is done")
    void internationalRefused() {
        connect("on-demand");
        Plan p = ask("a1", "transfer", "number", "0044207946000");
        assertEquals("number-refused", p.refusal().orElseThrow().error());
        assertEquals(List.of(), p.steps());
        assertEquals(State.TALKING, book.byCall("1.1").orElseThrow().state());
        List<CallControlBook.AuditEntry> audit = book.drainAudit();
        assertTrue(audit.stream().anyMatch(a -> a.intent().equals("dial") && a.outcome().equals("refused")), audit.toString());
        assertTrue(audit.stream().anyMatch(a -> a.intent().equals("transfer") && a.outcome().equals("refused")));
    }

    @Test
    @DisplayName("transfer to a mobile number: the caller is redirected to the outbound context and the agent's leg hung up")
    void transferToNumber() {
        connect("on-demand");
        Plan p = ask("a1", "transfer", "number", "۰۹۱۲۱۱۱۰۰۰۰");
        assertEquals(List.of(new Step.Redirect(CALLER, "cc-hold", "s"),
                new Step.Redirect(CALLER, "cc-outbound", "09121110000"), new Step.Hangup(A1, true)), p.steps());
        assertEquals(List.of(new Step.Bridge(CALLER, A1)), p.undo(), "should the redirect fail, back to the agent");
    }

    @Test
    @DisplayName("transfer to a queue: caller on hold, the ACD routes it again, then the agent's leg is hung up")
    void transferToQueue() {
        connect("on-demand");
        Plan p = ask("a1", "transfer", "queue", "help");
        assertEquals(List.of(new Step.Redirect(CALLER, "cc-hold", "s"),
                new Step.AcdTransfer("1.1", "help", "", "a1", "notes"), new Step.Hangup(A1, true)), p.steps());
        assertEquals(State.TRANSFERRING, p.call().state());
        assertEquals("queue:help", p.call().party());
        assertEquals(Plan.class, book.hungUp("pbx1", A1, t(11)).getClass());
        assertTrue(book.hungUp("pbx1", A1, t(11)).steps().isEmpty(), "the transferring agent's leg ends quietly");
        book.connected(new CallControlBook.Connected("1.1", "pbx1", CALLER, "a2", A2, "help", "on-demand", "", ""),
                t(20));
        assertEquals("a2", book.byInteraction("i-1").orElseThrow().agentId());
        assertEquals(State.TALKING, book.byInteraction("i-1").orElseThrow().state());
    }

    @Test
    @DisplayName("consultation with an agent: rung by the ACD to bridge with the agent; completing hands the caller over")
    void consultCompleted() {
        connect("on-demand");
        Plan p = ask("a1", "consult", "agent", "a2");
        assertEquals(List.of(new Step.Redirect(CALLER, "cc-hold", "s"),
                new Step.AcdRing("1.1~1", "1.1", "a2", A1, "", "a1", "notes")), p.steps());
        assertEquals("bad-state", ask("a1", "consult-complete", "", "").refusal().orElseThrow().error(),
                "not before the consulted agent answers");
        book.connected(new CallControlBook.Connected("1.1~1", "pbx1", A1, "a2", A2, "desk", "on-demand", "1.1", ""),
                t(12));
        Plan done = ask("a1", "consult-complete", "", "");
        assertEquals(List.of(new Step.Hangup(A1, false), new Step.Bridge(CALLER, A2)), done.steps());
        assertEquals("a2", done.call().agentId());
        assertEquals(State.TALKING, done.call().state());
        assertEquals(List.of(new Step.Hangup(A2, true)), book.hungUp("pbx1", CALLER, t(40)).steps(),
                "an agent who came by a consultation is call control's to hang up when the caller leaves");
    }

    @Test
    @DisplayName("cancelling a consultation while the agent's phone still rings withdraws the ring instead of hanging up")
    void consultCancelledWhileRinging() {
        connect("on-demand");
        ask("a1", "consult", "agent", "a2");
        book.ringChannel("1.1~1", A2);
        Plan cancel = ask("a1", "consult-cancel", "", "");
        assertEquals(List.of(new Step.AcdCancelRing("1.1~1"), new Step.Bridge(CALLER, A1)), cancel.steps());
        assertEquals(State.TALKING, cancel.call().state());
    }

    @Test
    @DisplayName("a consulted agent who does not answer: the caller is back with the agent who asked")
    void consultUnanswered() {
        connect("on-demand");
        ask("a1", "consult", "agent", "a2");
        Plan back = book.ringEnded("1.1~1", "no-answer", t(30));
        assertEquals(List.of(new Step.Bridge(CALLER, A1)), back.steps());
        assertEquals(State.TALKING, back.call().state());
        assertEquals("", back.call().party());
    }

    @Test
    @DisplayName("conference: caller and agent moved together into a room, the third party sent there; leaving hands over")
    void conference() {
        connect("on-demand");
        Plan p = ask("a1", "conference", "agent", "a2");
        assertEquals(List.of(new Step.RedirectBoth(CALLER, A1, "cc-conference", "cc-1-1"),
                new Step.AcdRing("1.1~1", "1.1", "a2", "", "cc-1-1", "a1", "notes")), p.steps());
        book.connected(new CallControlBook.Connected("1.1~1", "pbx1", "", "a2", A2, "desk", "on-demand", "1.1", ""),
                t(12));
        Plan leave = ask("a1", "leave-conference", "", "");
        assertEquals(List.of(new Step.Kick("cc-1-1", A1)), leave.steps());
        assertEquals("a2", leave.call().agentId());
    }

    @Test
    @DisplayName("the agent hanging up on a held caller hangs the caller up; the caller hanging up ends everything")
    void hangUps() {
        connect("always");
        book.recordingStarted("1.1", "2026/12/02/i-1-1.wav", "0x1");
        ask("a1", "hold", "", "");
        assertEquals(List.of(new Step.Hangup(CALLER, true)), book.hungUp("pbx1", A1, t(20)).steps());
        book.drainRecordings();
        Plan gone = book.hungUp("pbx1", CALLER, t(21));
        assertEquals(List.of(), gone.steps(), "the ACD hangs up the leg of the agent it connected");
        assertEquals(State.ENDED, gone.call().state());
        assertEquals("ended", book.drainRecordings().get(0).change(), "the file ends with the call");
        assertTrue(book.byInteraction("i-1").isEmpty());
    }

    @Test
    @DisplayName("a hang-up ends only the call whose leg it is: same channel name on another server, a call ended before")
    void hangUpFindsItsCall() {
        connect("on-demand");
        assertTrue(book.hungUp("pbx2", CALLER, t(5)).isEmpty(), "pbx2's channel of that name is another call's");
        assertTrue(book.hungUp("pbx1", "PJSIP/trunk-00000099", t(5)).isEmpty(), "a leg of no call");
        assertEquals(State.ENDED, book.hungUp("pbx1", CALLER, t(6)).call().state());
        assertEquals(0, book.size());
        // Asterisk's channel names come round again: the next call on the same names is found, the ended one is not
        book.connected(new CallControlBook.Connected("1.9", "pbx1", CALLER, "a2", A2, "desk", "on-demand", "", "i-9"),
                t(7));
        book.request(new CallControlBook.Request("i-9", "a2", "a2", false, "hold", "", "", ""), t(7));
        assertEquals(List.of(new Step.Hangup(CALLER, true)), book.hungUp("pbx1", A2, t(8)).steps(),
                "the agent's leg of the new call is found");
        Plan gone = book.hungUp("pbx1", CALLER, t(9));
        assertEquals("1.9", gone.call().callId());
        assertEquals(State.ENDED, gone.call().state());
    }

    @Test
    @DisplayName("a call whose end never came is forgotten after the longest a call may last")
    void forgetsLostCalls() {
        connect("on-demand");
        assertEquals(0, book.forgetOlderThan(t(-1)));
        assertEquals(1, book.forgetOlderThan(t(1)));
        assertTrue(book.byInteraction("i-1").isEmpty());
        assertEquals("no-such-call", ask("a1", "hold", "", "").refusal().orElseThrow().error());
    }

    @Test
    @DisplayName("a failed plan restores the call as it was")
    void failedPlanRestores() {
        connect("on-demand");
        Plan hold = ask("a1", "hold", "", "");
        book.planFailed(hold);
        assertEquals(State.TALKING, book.byCall("1.1").orElseThrow().state());
    }
}
