package cc.console.domain.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

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
