package cc.console.domain.auth;

import cc.console.domain.callcontrol.ControlAsk;
import cc.console.domain.callcontrol.ControlDecision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessRulesTest {
    private final Principal agentA = new Principal("ali", "Ali", Role.AGENT, "a1", "fa", "PJSIP/1001");
    private final Principal agentB = new Principal("bita", "Bita", Role.AGENT, "a2", "en", "PJSIP/1002");
    private final Principal supervisor = new Principal("sara", "Sara", Role.SUPERVISOR, "", "en", "PJSIP/1100");
    private final Principal admin = new Principal("root", "Root", Role.ADMIN, "", "en", "");

    @Test
    @DisplayName("an agent sees only calls offered to them; supervisors and admins see every call")
    void calls() {
        assertTrue(AccessRules.mayReadCall(agentA, Optional.of("a1")));
        assertFalse(AccessRules.mayReadCall(agentB, Optional.of("a1")));
        assertFalse(AccessRules.mayReadCall(agentA, Optional.empty()));
        assertTrue(AccessRules.mayReadCall(supervisor, Optional.of("a1")));
        assertTrue(AccessRules.mayReadCall(admin, Optional.empty()));
    }

    @Test
    @DisplayName("a pop goes only to its own agent's channel, never to a supervisor's or another agent's")
    void pops() {
        assertTrue(AccessRules.receivesPop(agentA, "a1"));
        assertFalse(AccessRules.receivesPop(agentB, "a1"));
        assertFalse(AccessRules.receivesPop(supervisor, "a1"));
        assertFalse(AccessRules.receivesPop(supervisor, ""));
    }

    @Test
    @DisplayName("only the agent who took a call saves its outcome")
    void dispositions() {
        assertTrue(AccessRules.mayDispose(agentA, Optional.of("a1")));
        assertFalse(AccessRules.mayDispose(agentB, Optional.of("a1")));
        assertFalse(AccessRules.mayDispose(supervisor, Optional.of("a1")));
    }

    @Test
    @DisplayName("supervisor and admin functions refuse agents; admin functions refuse supervisors")
    void roles() {
        assertFalse(AccessRules.maySupervise(agentA));
        assertTrue(AccessRules.maySupervise(supervisor));
        assertTrue(AccessRules.maySupervise(admin));
        assertFalse(AccessRules.mayAdminister(supervisor));
        assertTrue(AccessRules.mayAdminister(admin));
        assertTrue(AccessRules.mayChangeState(agentA, "a1"));
        assertFalse(AccessRules.mayChangeState(agentA, "a2"));
        assertTrue(AccessRules.mayChangeState(supervisor, "a2"));
        assertTrue(AccessRules.mayChangeOpportunity(agentA, "ali"));
        assertFalse(AccessRules.mayChangeOpportunity(agentB, "ali"));
    }

    @Test
    @DisplayName("campaigns and call lists are managed by supervisors and admins, never by agents")
    void campaigns() {
        assertFalse(AccessRules.mayManageCampaigns(agentA));
        assertTrue(AccessRules.mayManageCampaigns(supervisor));
        assertTrue(AccessRules.mayManageCampaigns(admin));
    }

    @Test
    @DisplayName("historical reports are read by supervisors and admins; agents, even one who supervises nobody, are refused")
    void reports() {
        assertFalse(AccessRules.mayReadReports(agentA));
        assertFalse(AccessRules.mayReadReports(agentB));
        assertTrue(AccessRules.mayReadReports(supervisor));
        assertTrue(AccessRules.mayReadReports(admin));
    }

    @Test
    @DisplayName("an agent acts only on the preview record reserved to them; the do-not-call list and campaign "
            + "callbacks take any number or contact from supervisors, only their own from agents")
    void preview() {
        assertTrue(AccessRules.mayTakePreview(agentA));
        assertFalse(AccessRules.mayTakePreview(supervisor), "supervisors take no calls");
        assertTrue(AccessRules.mayActOnPreview(agentA, Optional.of("a1")));
        assertFalse(AccessRules.mayActOnPreview(agentB, Optional.of("a1")));
        assertFalse(AccessRules.mayActOnPreview(agentA, Optional.empty()));
        assertFalse(AccessRules.mayActOnPreview(supervisor, Optional.of("")));
        assertTrue(AccessRules.mayAddAnyDoNotCall(supervisor));
        assertFalse(AccessRules.mayAddAnyDoNotCall(agentA));
        assertTrue(AccessRules.mayAddDoNotCallOf(agentA, Optional.of("a1")));
        assertFalse(AccessRules.mayAddDoNotCallOf(agentB, Optional.of("a1")));
        assertTrue(AccessRules.mayAddDoNotCallOf(admin, Optional.empty()));
        assertTrue(AccessRules.mayBookCampaignCallback(supervisor, Optional.empty()));
        assertTrue(AccessRules.mayBookCampaignCallback(agentA, Optional.of("a1")));
        assertFalse(AccessRules.mayBookCampaignCallback(agentB, Optional.of("a1")));
    }
    private static ControlAsk ask(String intent) {
        return new ControlAsk("call-1", intent, "", "", "");
    }

    private static ControlAsk ask(String intent, String kind, String target) {
        return new ControlAsk("call-1", intent, kind, target, "caller wants the loans team");
    }

    private static String refusal(ControlDecision d) {
        return d instanceof ControlDecision.Refused r ? r.error() : "allowed";
    }

    @Test
    @DisplayName("an agent controls the call they are on now, with every intent but take-over, acting as themselves")
    void agentControlsOwnCall() {
        for (String intent : ControlAsk.INTENTS) {
            ControlAsk a = ControlAsk.targetKinds(intent).isEmpty() ? ask(intent) : ask(intent, "number", "02188776655");
            ControlDecision d = AccessRules.mayControlCall(agentA, a, Optional.of("a1"), Optional.of("call-1"));
            if (intent.equals("take-over")) {
                assertEquals("bad-request", refusal(d));
            } else {
                assertEquals(new ControlDecision.Allowed("a1", false, intent, a.targetKind(), a.target(), a.notes()), d,
                        intent);
            }
        }
    }

    @Test
    @DisplayName("an agent cannot control another agent's call, nor an earlier call of theirs they are no longer on")
    void agentCannotControlOthersCalls() {
        assertEquals("not-your-call", refusal(AccessRules.mayControlCall(agentB, ask("hold"), Optional.of("a1"),
                Optional.of("call-2"))));
        assertEquals("not-your-call", refusal(AccessRules.mayControlCall(agentB, ask("record-pause"),
                Optional.of("a1"), Optional.empty())));
        // a2 claims the call is theirs now, but the call is with a1
        assertEquals("not-your-call", refusal(AccessRules.mayControlCall(agentB, ask("hangup"), Optional.of("a1"),
                Optional.of("call-1"))));
        // a1 handed the call on and took another
        assertEquals("not-your-call", refusal(AccessRules.mayControlCall(agentA, ask("hold"), Optional.of("a1"),
                Optional.of("call-2"))));
        assertEquals("not-your-call", refusal(AccessRules.mayControlCall(agentA, ask("hold"), Optional.empty(),
                Optional.empty())));
    }

    @Test
    @DisplayName("supervisors act on any call's recording, hang it up or take it over, but never transfer or hold it")
    void supervisorsOnAgentsCalls() {
        for (String intent : java.util.List.of("record-start", "record-pause", "record-resume", "record-stop", "hangup")) {
            assertEquals(new ControlDecision.Allowed("a1", true, intent, "", "", ""),
                    AccessRules.mayControlCall(supervisor, ask(intent), Optional.of("a1"), Optional.empty()), intent);
        }
        for (String intent : java.util.List.of("transfer", "consult", "conference", "hold", "resume")) {
            assertEquals("not-your-call", refusal(AccessRules.mayControlCall(supervisor,
                    ask(intent, "agent", "a2"), Optional.of("a1"), Optional.empty())), intent);
        }
        assertEquals("no-such-call", refusal(AccessRules.mayControlCall(admin, ask("hangup"), Optional.empty(),
                Optional.empty())));
    }

    @Test
    @DisplayName("take-over rings the supervisor's own agent, whatever target was sent; without one it is refused")
    void takeOver() {
        Principal taking = new Principal("mina", "Mina", Role.SUPERVISOR, "s1", "fa", "PJSIP/1200");
        assertEquals(new ControlDecision.Allowed("a1", true, "take-over", "agent", "s1", "caller wants the loans team"),
                AccessRules.mayControlCall(taking, ask("take-over", "agent", "a2"), Optional.of("a1"), Optional.empty()));
        assertEquals("agent-unavailable", refusal(AccessRules.mayControlCall(supervisor, ask("take-over"),
                Optional.of("a1"), Optional.empty())));
        assertEquals("not-your-call", refusal(AccessRules.mayControlCall(agentB, ask("take-over"), Optional.of("a1"),
                Optional.empty())));
    }

    @Test
    @DisplayName("unknown intents, missing or wrong targets and transfers to oneself are bad requests")
    void badRequests() {
        Optional<String> a1 = Optional.of("a1");
        Optional<String> now = Optional.of("call-1");
        assertEquals("bad-request", refusal(AccessRules.mayControlCall(agentA, ask("park"), a1, now)));
        assertEquals("bad-request", refusal(AccessRules.mayControlCall(supervisor, ask("park"), a1, now)));
        assertEquals("bad-request", refusal(AccessRules.mayControlCall(agentA, ask("transfer"), a1, now)));
        assertEquals("bad-request", refusal(AccessRules.mayControlCall(agentA, ask("transfer", "agent", ""), a1, now)));
        assertEquals("bad-request", refusal(AccessRules.mayControlCall(agentA, ask("consult", "queue", "loans"), a1, now)));
        assertEquals("bad-request", refusal(AccessRules.mayControlCall(agentA, ask("transfer", "agent", "a1"), a1, now)));
        assertEquals("bad-request", refusal(AccessRules.mayControlCall(agentA,
                new ControlAsk("call-1", "hold", "", "", "x".repeat(ControlAsk.NOTES_LIMIT + 1)), a1, now)));
        assertEquals("allowed", refusal(AccessRules.mayControlCall(agentA, ask("transfer", "queue", "loans"), a1, now)));
    }

    @Test
    @DisplayName("a call's control state reaches its agent and supervisors, never another agent")
    void callControlPushes() {
        assertTrue(AccessRules.receivesCallControl(agentA, "a1"));
        assertFalse(AccessRules.receivesCallControl(agentB, "a1"));
        assertTrue(AccessRules.receivesCallControl(supervisor, "a1"));
    }

    @Test
    @DisplayName("recordings: supervisors and admins play any; an agent only calls they handled and only when allowed")
    void recordings() {
        java.util.List<String> handled = java.util.List.of("a2", "a1");
        assertTrue(AccessRules.mayPlayRecording(supervisor, Optional.of("a1"), handled, false));
        assertTrue(AccessRules.mayPlayRecording(admin, Optional.empty(), java.util.List.of(), false));
        assertFalse(AccessRules.mayPlayRecording(agentA, Optional.of("a1"), handled, false),
                "agents hear nothing unless the configuration allows it");
        assertTrue(AccessRules.mayPlayRecording(agentA, Optional.of("a1"), handled, true), "the call's agent");
        assertTrue(AccessRules.mayPlayRecording(agentB, Optional.of("a1"), handled, true),
                "an agent who talked on the call before a transfer");
        assertFalse(AccessRules.mayPlayRecording(agentB, Optional.of("a1"), java.util.List.of("a1"), true),
                "another agent's call");
        assertFalse(AccessRules.mayPlayRecording(agentA, Optional.empty(), java.util.List.of(), true),
                "a call no agent handled");
        Principal clerk = new Principal("clerk", "Clerk", Role.AGENT, "", "en", "");
        assertFalse(AccessRules.mayPlayRecording(clerk, Optional.of(""), java.util.List.of(""), true),
                "a user who takes no calls matches no call's empty agent");
    }

    @Test
    @DisplayName("admins define quality forms; supervisors and admins review calls; an agent reads only their own evaluations")
    void qualityReview() {
        assertTrue(AccessRules.mayManageQualityForms(admin));
        assertFalse(AccessRules.mayManageQualityForms(supervisor));
        assertFalse(AccessRules.mayManageQualityForms(agentA));
        assertTrue(AccessRules.mayReviewQuality(supervisor));
        assertTrue(AccessRules.mayReviewQuality(admin));
        assertFalse(AccessRules.mayReviewQuality(agentA));
        assertTrue(AccessRules.mayEvaluate(supervisor, "a1"));
        assertTrue(AccessRules.mayEvaluate(admin, "a1"));
        assertFalse(AccessRules.mayEvaluate(agentA, "a2"), "an agent scores nobody");
        assertFalse(AccessRules.mayEvaluate(agentA, "a1"), "nor themselves");
        Principal teamLead = new Principal("tara", "Tara", Role.SUPERVISOR, "a5", "en", "");
        assertFalse(AccessRules.mayEvaluate(teamLead, "a5"), "a supervisor who takes calls does not score their own");
        assertTrue(AccessRules.mayEvaluate(teamLead, "a1"));
        assertTrue(AccessRules.mayReadEvaluation(agentA, "a1"));
        assertFalse(AccessRules.mayReadEvaluation(agentB, "a1"));
        assertTrue(AccessRules.mayReadEvaluation(supervisor, "a1"));
        assertFalse(AccessRules.mayReadEvaluation(new Principal("x", "X", Role.AGENT, "", "en", ""), ""),
                "a user who takes no calls is no agent ''");
    }
}
