package cc.console.domain.auth;

import cc.console.domain.callcontrol.ControlAsk;
import cc.console.domain.callcontrol.ControlDecision;

import java.util.List;
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

    /** Historical reports of queues and agents (and their CSV export): supervisors and admins. */
    public static boolean mayReadReports(Principal p) {
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
    /**
     * Whether the user may carry out {@code ask} on a call, checked before anything is sent to call control.
     *
     * <p>An agent acts only on the call that is theirs now: the call's agent is them and it is their current call
     * (not an earlier one they were handed off from). Supervisors and admins act on any agent's call, but only on
     * its recording, to end it, or to take it over (their own phone rings, so they need an agent id). A supervisor
     * who takes calls acts on their own current call as an agent does. Targets are checked against the intent.
     *
     * @param callAgent   the agent the call is with now, as the console knows it (offer, last control state), if any
     * @param currentCall the call the user's own agent is on now, if any
     */
    public static ControlDecision mayControlCall(Principal p, ControlAsk ask, Optional<String> callAgent,
                                                 Optional<String> currentCall) {
        if (!ControlAsk.INTENTS.contains(ask.intent())) {
            return new ControlDecision.Refused("bad-request", "unknown intent '" + ask.intent() + "'; one of "
                    + String.join(", ", ControlAsk.INTENTS));
        }
        if (ask.interactionId().isEmpty()) {
            return new ControlDecision.Refused("bad-request", "which call? interactionId is empty");
        }
        if (ask.notes().length() > ControlAsk.NOTES_LIMIT) {
            return new ControlDecision.Refused("bad-request", "notes are limited to " + ControlAsk.NOTES_LIMIT
                    + " characters");
        }
        boolean ownCall = p.takesCalls() && callAgent.isPresent() && callAgent.get().equals(p.agentId())
                && currentCall.isPresent() && currentCall.get().equals(ask.interactionId());
        if (ownCall) {
            if (ask.intent().equals("take-over")) {
                return new ControlDecision.Refused("bad-request", "take-over replaces another agent on their call");
            }
            return target(ask, p.agentId());
        }
        if (!maySupervise(p)) {
            return new ControlDecision.Refused("not-your-call", "you can control only the call you are on now");
        }
        if (callAgent.isEmpty()) {
            return new ControlDecision.Refused("no-such-call", "no call " + ask.interactionId() + " with an agent");
        }
        if (!ControlAsk.SUPERVISOR_INTENTS.contains(ask.intent())) {
            return new ControlDecision.Refused("not-your-call", "on another agent's call a supervisor may only "
                    + "start, pause, resume or stop its recording, hang it up or take it over");
        }
        if (ask.intent().equals("take-over")) {
            if (!p.takesCalls()) {
                return new ControlDecision.Refused("agent-unavailable",
                        "to take over a call you need an agent id of your own, whose phone rings");
            }
            return new ControlDecision.Allowed(callAgent.get(), true, ask.intent(), "agent", p.agentId(), ask.notes());
        }
        return new ControlDecision.Allowed(callAgent.get(), true, ask.intent(), "", "", ask.notes());
    }

    private static ControlDecision target(ControlAsk ask, String agentId) {
        var kinds = ControlAsk.targetKinds(ask.intent());
        if (kinds.isEmpty()) {
            return new ControlDecision.Allowed(agentId, false, ask.intent(), "", "", ask.notes());
        }
        if (!kinds.contains(ask.targetKind())) {
            return new ControlDecision.Refused("bad-request", ask.intent() + " needs targetKind "
                    + String.join(" or ", kinds.stream().sorted().toList()));
        }
        if (ask.target().isEmpty()) {
            return new ControlDecision.Refused("bad-request", ask.intent() + " needs a target");
        }
        if (ask.targetKind().equals("agent") && ask.target().equals(agentId)) {
            return new ControlDecision.Refused("bad-request", "you cannot " + ask.intent() + " to yourself");
        }
        return new ControlDecision.Allowed(agentId, false, ask.intent(), ask.targetKind(), ask.target(),
                ask.notes());
    }

    /** Whether a call's control state for {@code agentId} reaches this user's live channel: that agent, supervisors. */
    public static boolean receivesCallControl(Principal p, String agentId) {
        return maySupervise(p) || (p.takesCalls() && p.agentId().equals(agentId));
    }

    /**
     * Playing or downloading a call's recordings (and listing them): supervisors and admins any; an agent only calls
     * they handled (the agent on the record, or any agent who talked on it) and only where the configuration lets
     * agents hear their own calls ({@code recording.agentsHearOwnCalls}); nobody else.
     */
    public static boolean mayPlayRecording(Principal p, Optional<String> callAgentId, List<String> handledBy,
                                           boolean agentsHearOwnCalls) {
        if (p.role().atLeast(Role.SUPERVISOR)) {
            return true;
        }
        return agentsHearOwnCalls && p.takesCalls()
                && (callAgentId.map(p.agentId()::equals).orElse(false) || handledBy.contains(p.agentId()));
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

    /**
     * Reading a web chat (its transcript, open or ended): the agent holding it, an agent who held it before it was
     * transferred or ended, and supervisors and admins (who only read).
     */
    public static boolean mayReadChat(Principal p, Optional<String> holderAgentId, List<String> heldBefore) {
        return p.role().atLeast(Role.SUPERVISOR) || mayWriteChat(p, holderAgentId)
                || (p.takesCalls() && heldBefore.contains(p.agentId()));
    }

    /** Writing in a web chat, typing, transferring or closing it: only the agent holding it now. */
    public static boolean mayWriteChat(Principal p, Optional<String> holderAgentId) {
        return p.takesCalls() && holderAgentId.isPresent() && holderAgentId.get().equals(p.agentId());
    }

    /** Whether a chat's lines and typing reach this user's live channel: only the agent holding the chat. */
    public static boolean receivesChat(Principal p, String holderAgentId) {
        return receivesPop(p, holderAgentId);
    }
}
