package cc.console.domain.auth;

import java.util.Optional;

/**
 * The authorisation rules every REST call and live message is checked against, in one place so the HTTP layer and
 * the live channel cannot disagree.
 */
public final class AccessRules {
    private AccessRules() {}

    /**
     * Whether the user may see a call (its record, its screen-pop, its customer card): the agent it was offered to,
     * or any supervisor or admin. A call offered to nobody yet is visible to supervisors only.
     */
    public static boolean mayReadCall(Principal p, Optional<String> callAgentId) {
        if (p.role().atLeast(Role.SUPERVISOR)) {
            return true;
        }
        return p.takesCalls() && callAgentId.isPresent() && callAgentId.get().equals(p.agentId());
    }

    /** Whether a screen-pop for {@code popAgentId} may be pushed to this user's live channel: only to that agent. */
    public static boolean receivesPop(Principal p, String popAgentId) {
        return p.takesCalls() && p.agentId().equals(popAgentId);
    }

    /** Saving a disposition is for the agent who took the call, and nobody else. */
    public static boolean mayDispose(Principal p, Optional<String> callAgentId) {
        return p.takesCalls() && callAgentId.isPresent() && callAgentId.get().equals(p.agentId());
    }

    /** An agent changes their own state; supervisors change anyone's. */
    public static boolean mayChangeState(Principal p, String agentId) {
        return p.role().atLeast(Role.SUPERVISOR) || (p.takesCalls() && p.agentId().equals(agentId));
    }

    /** The wallboard, agent grid and listen/whisper/barge. */
    public static boolean maySupervise(Principal p) {
        return p.role().atLeast(Role.SUPERVISOR);
    }

    /** Users, queues, skills, scripts, knowledge-base articles. */
    public static boolean mayAdminister(Principal p) {
        return p.role() == Role.ADMIN;
    }

    /**
     * Campaigns and call lists: building lists from customer data, uploading them, defining, starting and stopping
     * outbound campaigns and reading what they returned. Supervisors and admins; agents only take the calls.
     */
    public static boolean mayManageCampaigns(Principal p) {
        return p.role().atLeast(Role.SUPERVISOR);
    }

    /** An opportunity is changed by its owner or a supervisor. */
    public static boolean mayChangeOpportunity(Principal p, String owner) {
        return p.role().atLeast(Role.SUPERVISOR) || p.username().equals(owner);
    }

    /** Whether agent-state changes of {@code agentId} reach this user's live channel. */
    public static boolean receivesAgentState(Principal p, String agentId) {
        return maySupervise(p) || (p.takesCalls() && p.agentId().equals(agentId));
    }

    /** Preview records of outbound campaigns are taken by agents (for themselves). */
    public static boolean mayTakePreview(Principal p) {
        return p.takesCalls();
    }

    /** Dialling or skipping a preview record: only the agent it is reserved to. */
    public static boolean mayActOnPreview(Principal p, Optional<String> holderAgentId) {
        return p.takesCalls() && holderAgentId.isPresent() && holderAgentId.get().equals(p.agentId());
    }

    /** Supervisors and admins put any number on the do-not-call list. */
    public static boolean mayAddAnyDoNotCall(Principal p) {
        return p.role().atLeast(Role.SUPERVISOR);
    }

    /** The number of a call goes on the do-not-call list by the agent on that call, or a supervisor. */
    public static boolean mayAddDoNotCallOf(Principal p, Optional<String> callAgentId) {
        return mayAddAnyDoNotCall(p) || (p.takesCalls() && callAgentId.isPresent()
                && callAgentId.get().equals(p.agentId()));
    }

    /** A callback on a campaign contact: supervisors for any, an agent for the preview record they hold or dialled. */
    public static boolean mayBookCampaignCallback(Principal p, Optional<String> holderAgentId) {
        return p.role().atLeast(Role.SUPERVISOR) || mayActOnPreview(p, holderAgentId);
    }

    /** Evaluation forms (create, edit, retire) are defined by admins. */
    public static boolean mayManageQualityForms(Principal p) {
        return p.role() == Role.ADMIN;
    }

    /**
     * Reviewing calls: listing them, reading the forms and quality averages. Supervisors and admins; an agent reads
     * only their own evaluations ({@link #mayReadEvaluation}).
     */
    public static boolean mayReviewQuality(Principal p) {
        return p.role().atLeast(Role.SUPERVISOR);
    }

    /** Saving an evaluation of {@code callAgentId}'s call: a supervisor or admin, never on a call of their own. */
    public static boolean mayEvaluate(Principal p, String callAgentId) {
        return mayReviewQuality(p) && !(p.takesCalls() && p.agentId().equals(callAgentId));
    }

    /** An evaluation is read by the agent it is about, and by supervisors and admins. */
    public static boolean mayReadEvaluation(Principal p, String evaluatedAgentId) {
        return mayReviewQuality(p) || (p.takesCalls() && p.agentId().equals(evaluatedAgentId));
    }
}
