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

/**
 * A node that follows calls another node controls (several nodes), then takes control over: it learnt the calls from
 * the relayed connections and states, and acts on them as the old node would have.
 */
class FollowingTest {
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final String CALLER = "PJSIP/trunk-00000001";
    private static final String A1 = "PJSIP/3001-00000002";
    private static final String A2 = "PJSIP/3002-00000003";

    /** The book of the node that does not route: it hears the connection the routing node's ACD relayed. */
    private final CallControlBook follower = new CallControlBook(new CallControlBook.Settings("cc-hold", "cc-outbound",
            "cc-agent-wait", "cc-conference", "PJSIP/{number}@trunk", ZoneOffset.UTC),
            new DialPermissions(new DialPlanConfig("98", "0", "00", NumberPattern.iran(),
                    Set.of(NumberClass.MOBILE, NumberClass.LANDLINE), false, Set.of(), Integer.MAX_VALUE, Map.of(),
                    Integer.MAX_VALUE)));

    private void connected(String policy) {
        follower.connected(new CallControlBook.Connected("1.1", "pbx1", CALLER, "a1", A1, "desk", policy, "", "i-1"),
                T0);
    }

    private Plan ask(String agent, String intent, String kind, String target) {
        return follower.request(new CallControlBook.Request("i-1", agent, agent, false, intent, kind, target, ""),
                T0.plusSeconds(60));
    }

    @Test
    @DisplayName("a call held on the node that died is resumed by the node that took over: caller and agent bridged")
    void heldThereResumedHere() {
        connected("on-demand");
        follower.followed("i-1", "a1", "held", "", "off");
        assertEquals(State.HELD, follower.byCall("1.1").orElseThrow().state());
        assertEquals("bad-state", ask("a1", "hold", "", "").refusal().orElseThrow().error());
        Plan resume = ask("a1", "resume", "", "");
        assertEquals(List.of(new Step.Bridge(CALLER, A1)), resume.steps());
        assertEquals(List.of(new Step.Redirect(CALLER, "cc-hold", "s")), ask("a1", "hold", "", "").steps());
    }

    @Test
    @DisplayName("a recording paused on the node that died resumes here into the next file, and a running one stops")
    void recordingFollowed() {
        connected("always");
        // the routing node started file 1, then the agent paused it there
        follower.recordingFollowed("i-1", "2026/12/02/i-1-1.wav", "started");
        follower.followed("i-1", "a1", "talking", "", "paused");
        follower.recordingFollowed("i-1", "2026/12/02/i-1-1.wav", "paused");
        assertEquals(Recording.PAUSED, follower.byCall("1.1").orElseThrow().recording());
        assertEquals(List.of(new Step.StartRecording(CALLER, "2026/12/02/i-1-2.wav")),
                ask("a1", "record-resume", "", "").steps());
        // the running file's id is not known here: the stop names none (whatever records the channel stops)
        assertEquals(List.of(new Step.StopRecording(CALLER, "", false)), ask("a1", "record-pause", "", "").steps());
    }

    @Test
    @DisplayName("a transfer completed on the other node: this node follows the next agent's connection and controls it")
    void transferredThere() {
        connected("on-demand");
        follower.followed("i-1", "a1", "transferring", "agent:a2", "off");
        assertEquals("bad-state", ask("a1", "hold", "", "").refusal().orElseThrow().error());
        assertEquals(Plan.none().steps(), follower.hungUp("pbx1", A1, T0.plusSeconds(5)).steps());
        follower.connected(new CallControlBook.Connected("1.1", "pbx1", CALLER, "a2", A2, "desk", "on-demand", "",
                "i-1"), T0.plusSeconds(8));
        follower.followed("i-1", "a2", "talking", "", "off");
        assertEquals("not-your-call", ask("a1", "hold", "", "").refusal().orElseThrow().error());
        assertEquals(List.of(new Step.Redirect(CALLER, "cc-hold", "s")), ask("a2", "hold", "", "").steps());
    }

    @Test
    @DisplayName("a consultation with an agent completed on the other node: the agent whose answer this node saw owns it")
    void consultationCompletedThere() {
        connected("on-demand");
        follower.followed("i-1", "a1", "consulting", "a2", "off");
        follower.connected(new CallControlBook.Connected("1.1~1", "pbx1", A1, "a2", A2, "desk", "on-demand", "1.1",
                "i-1"), T0.plusSeconds(3));
        follower.followed("i-1", "a1", "consulting", "a2", "off");
        assertEquals(A2, follower.byCall("1.1").orElseThrow().partyChannel());
        follower.followed("i-1", "a2", "talking", "", "off");
        assertEquals(A2, follower.byCall("1.1").orElseThrow().agentChannel());
        assertEquals(List.of(new Step.Redirect(CALLER, "cc-hold", "s")), ask("a2", "hold", "", "").steps());
    }

    @Test
    @DisplayName("a consultation with a number dialled on the other node cannot be carried on here: refused, hang-up allowed")
    void unsureRefused() {
        connected("on-demand");
        follower.followed("i-1", "a1", "consulting", "09121234567", "off");
        Plan complete = ask("a1", "consult-complete", "", "");
        assertEquals("bad-state", complete.refusal().orElseThrow().error());
        assertTrue(complete.refusal().get().message().contains("cannot be carried on"), complete.refusal().get().message());
        assertEquals(List.of(new Step.Hangup(CALLER, false), new Step.Hangup(A1, true)),
                ask("a1", "hangup", "", "").steps());
    }

    @Test
    @DisplayName("the end told by the other node forgets the call; what the follower's own plans changed is its to drain")
    void endedThere() {
        connected("on-demand");
        follower.followed("i-1", "a1", "ended", "", "off");
        assertTrue(follower.byCall("1.1").isEmpty());
        assertEquals("no-such-call", ask("a1", "hold", "", "").refusal().orElseThrow().error());
    }
}
