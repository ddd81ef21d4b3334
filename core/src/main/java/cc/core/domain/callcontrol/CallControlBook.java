package cc.core.domain.callcontrol;

import cc.core.domain.callcontrol.ControlledCall.Recording;
import cc.core.domain.callcontrol.ControlledCall.State;
import cc.core.domain.dialing.DialDecision;
import cc.core.domain.dialing.DialPermissions;
import cc.core.domain.dialing.DialRequest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every call the ACD joined an agent to, and what call control does with it. Decides, for an agent's request or a
 * fact from Asterisk or the ACD, which {@link Step}s to carry out (choreography from traces ami-17 and ami-21 to
 * ami-25: a caller is held by redirecting it out of the bridge to the music and taken back with the AMI Bridge
 * action, as the agent's leg waits in a loop; consultations and transfers are rings the ACD or a dialled number
 * answer into that same wait, joined with Bridge; conferences are ConfBridge rooms), and what the call becomes.
 *
 * <p>Pure and single-threaded. The state changes as the plan is made; when a step fails the caller restores it with
 * {@link #planFailed}. What changed is drained with {@link #drainChanged()}, {@link #drainRecordings()} and
 * {@link #drainAudit()}.
 */
public final class CallControlBook {
    /** Where things happen in the dialplan, and how a number is dialled. */
    public record Settings(String holdContext, String outboundContext, String agentWaitContext,
                           String conferenceContext, String numberDial, ZoneId zone) {}

    /** An intent, already checked by the console for the user's role; checked again here against the call. */
    public record Request(String interactionId, String agentId, String actor, boolean supervisor, String intent,
                          String targetKind, String target, String notes) {}

    /** Why an intent was not carried out: a {@code cc.core.contract.CallControlReply} error code and a sentence. */
    public record Refusal(String error, String message) {}

    /**
     * What to do for one request or fact.
     *
     * @param undo   steps that put things back when a (not best-effort) step fails
     * @param before the call as it was, to restore on failure; null for a call not known
     */
    public record Plan(ControlledCall call, List<Step> steps, List<Step> undo, Optional<Refusal> refusal,
                       ControlledCall before) {
        static Plan none() {
            return new Plan(null, List.of(), List.of(), Optional.empty(), null);
        }

        public boolean isEmpty() {
            return steps.isEmpty() && refusal.isEmpty();
        }
    }

    /** A recording file started or ended ({@code cc.core.contract.RecordingChanged}). */
    public record RecordingFact(String interactionId, String server, String file, String change, String by,
                                String detail, Instant at) {}

    /** One line of the call-control audit log. */
    public record AuditEntry(Instant at, String actor, String interactionId, String agentId, String intent,
                             String target, String outcome, String detail) {}

    /** The ACD joined an agent to a call ({@code cc.core.contract.CallConnected}) whose record is known. */
    public record Connected(String callId, String server, String joinedTo, String agentId, String agentChannel,
                            String queue, String recordingPolicy, String forCall, String interactionId) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);

    private final Settings settings;
    private final DialPermissions numbers;
    private final Map<String, ControlledCall> byCall = new HashMap<>();
    private final Map<String, String> callByInteraction = new HashMap<>();
    /** Rings of an agent for a call (consultation, conference): ring id to the customer call. */
    private final Map<String, String> callByRing = new HashMap<>();
    /**
     * Every channel a live call has had (server and channel name) to the calls that had it: a hang-up looks up its
     * calls instead of reading every call (a thousand calls up, every leg's hang-up on every node). A superset: a
     * call keeps its channels here until it ends, and {@link #hungUp} checks which one the channel still is.
     */
    private final Map<String, Set<ControlledCall>> byChannel = new HashMap<>();
    private final Set<ControlledCall> changed = new LinkedHashSet<>();
    private final List<RecordingFact> recordings = new ArrayList<>();
    private final List<AuditEntry> audit = new ArrayList<>();

    public CallControlBook(Settings settings, DialPermissions numbers) {
        this.settings = settings;
        this.numbers = numbers;
    }

    // ------------------------------------------------------------------------------------------------ facts

    /**
     * An agent answered: a new call, the next agent of a transferred one, or an agent rung for a consultation or a
     * conference. The queue's (or campaign's) recording policy applies from here.
     */
    public Plan connected(Connected c, Instant at) {
        if (!c.forCall().isEmpty()) {
            return ringAnswered(c);
        }
        ControlledCall call = byCall.get(c.callId());
        if (call == null) {
            call = new ControlledCall(c.callId(), c.server(), c.joinedTo(), c.agentId(), c.agentChannel(), c.queue(),
                    at);
            byCall.put(c.callId(), call);
            channel(call, call.callerChannel);
            channel(call, call.agentChannel);
        } else {
            call.agentId = c.agentId();
            call.agentChannel = c.agentChannel();
            channel(call, call.agentChannel);
            call.agentByConsultation = false;
            call.queue = c.queue();
            call.unsure = "";
            clearParty(call);
        }
        call.state = State.TALKING;
        if (!c.interactionId().isEmpty()) {
            call.interactionId = c.interactionId();
            callByInteraction.put(c.interactionId(), c.callId());
        }
        changed.add(call);
        List<Step> steps = new ArrayList<>();
        if ("always".equals(c.recordingPolicy()) && call.recording == Recording.OFF) {
            steps.add(startFile(call, call.files == 0 ? "started" : "resumed", "policy", "recording policy always",
                    at));
        } else if ("never".equals(c.recordingPolicy()) && call.recording == Recording.ON) {
            steps.add(stopFile(call, "stopped", "policy", "recording policy never", at));
        }
        return plan(call, steps, List.of(), null);
    }

    private Plan ringAnswered(Connected c) {
        ControlledCall call = byCall.get(c.forCall());
        if (call != null) {
            // a node following the call does not know the ring's id: it learns who answered, and on which leg
            call.ringAnsweredBy = c.agentId();
            call.ringAnsweredChannel = c.agentChannel();
            channel(call, call.ringAnsweredChannel);
        }
        if (call == null || !c.callId().equals(call.partyRingId)) {
            return Plan.none();
        }
        call.partyChannel = c.agentChannel();
        call.partyAnswered = true;
        changed.add(call);
        return Plan.none();
    }

    /** The channel of an agent being rung for a call became known (its offer variable was set). */
    public void ringChannel(String ringId, String channel) {
        ControlledCall call = call(callByRing.get(ringId));
        if (call != null && ringId.equals(call.partyRingId) && call.partyChannel.isEmpty()) {
            call.partyChannel = channel;
            channel(call, channel);
        }
    }

    /** An agent rung for a call did not take it: the caller is back with the agent who asked. */
    public Plan ringEnded(String ringId, String outcome, Instant at) {
        ControlledCall call = call(callByRing.remove(ringId));
        if (call == null || !ringId.equals(call.partyRingId) || "answered".equals(outcome)) {
            return Plan.none();
        }
        return partyGone(call, call.party + " did not answer (" + outcome + ")", at);
    }

    /** A number dialled for a consultation or a conference answered. */
    public void partyAnswered(String callId, String channel) {
        ControlledCall call = byCall.get(callId);
        if (call != null && !call.partyIsAgent && !call.party.isEmpty()) {
            call.partyChannel = channel;
            channel(call, channel);
            call.partyAnswered = true;
            changed.add(call);
        }
    }

    /**
     * The number dialled answered into the wait: join it to the agent (a consultation) or nothing more to do (a
     * conference: it was dialled straight into the room).
     */
    public Plan partyJoin(String callId, Instant at) {
        ControlledCall call = byCall.get(callId);
        if (call == null || call.state != State.CONSULTING || call.partyIsAgent || call.partyChannel.isEmpty()) {
            return Plan.none();
        }
        return plan(call, List.of(new Step.Bridge(call.agentChannel, call.partyChannel)), List.of(), null);
    }

    /** A number dialled for a call did not answer. */
    public Plan partyFailed(String callId, String why, Instant at) {
        ControlledCall call = byCall.get(callId);
        if (call == null || call.partyIsAgent || call.party.isEmpty()) {
            return Plan.none();
        }
        return partyGone(call, call.party + " did not answer (" + why + ")", at);
    }

    private Plan partyGone(ControlledCall call, String why, Instant at) {
        audit.add(new AuditEntry(at, "system", call.interactionId, call.agentId, "consult", call.party, "failed", why));
        if (call.state == State.CONSULTING) {
            clearParty(call);
            call.state = State.TALKING;
            changed.add(call);
            return plan(call, List.of(new Step.Bridge(call.callerChannel, call.agentChannel)), List.of(), null);
        }
        if (call.state == State.CONFERENCE) {
            clearParty(call);
            changed.add(call);
        }
        return Plan.none();
    }

    /**
     * A channel hung up. The caller: the call is over for everyone still on it. The agent while the caller is held:
     * nobody will take the caller back, so the caller is hung up. The consulted party: the caller is back with the
     * agent.
     */
    public Plan hungUp(String server, String channel, Instant at) {
        Set<ControlledCall> calls = byChannel.get(channelKey(server, channel));
        if (calls == null) {
            return Plan.none();
        }
        for (ControlledCall call : List.copyOf(calls)) {
            if (channel.equals(call.ringAnsweredChannel)) {
                call.ringAnsweredBy = "";
                call.ringAnsweredChannel = "";
            }
            if (channel.equals(call.callerChannel)) {
                return callerGone(call, at);
            }
            if (channel.equals(call.agentChannel)) {
                return agentGone(call, at);
            }
            if (channel.equals(call.partyChannel)) {
                return partyGone(call, call.party + " hung up", at);
            }
        }
        return Plan.none();
    }

    private Plan callerGone(ControlledCall call, Instant at) {
        List<Step> steps = new ArrayList<>();
        // the ACD hangs up the leg of the agent it connected; only an agent who came by a consultation or a
        // conference (whom the ACD joined to no caller) is call control's to hang up
        if (call.agentByConsultation && !call.agentChannel.isEmpty()) {
            steps.add(new Step.Hangup(call.agentChannel, true));
        }
        if (!call.partyChannel.isEmpty()) {
            steps.add(new Step.Hangup(call.partyChannel, true));
        }
        if (call.recording == Recording.ON) {
            recordings.add(new RecordingFact(call.interactionId, call.server, call.recordingFile, "ended", "system",
                    "the caller hung up", at));
            call.recording = Recording.OFF;
        }
        end(call);
        return plan(call, steps, List.of(), null);
    }

    private Plan agentGone(ControlledCall call, Instant at) {
        if (call.state == State.TRANSFERRING) {
            return Plan.none();
        }
        if (call.state == State.CONFERENCE && call.partyIsAgent && !call.partyChannel.isEmpty()) {
            // the agent hung up in a conference: the caller stays with the other agent, who now owns the call
            handOverToParty(call);
            return Plan.none();
        }
        if (call.state == State.HELD || call.state == State.CONSULTING) {
            List<Step> steps = new ArrayList<>();
            steps.add(new Step.Hangup(call.callerChannel, true));
            if (!call.partyChannel.isEmpty()) {
                steps.add(new Step.Hangup(call.partyChannel, true));
            }
            return plan(call, steps, List.of(), null);
        }
        return Plan.none();
    }

    /**
     * Forgets the calls connected before {@code before}: their end never reached call control (a hang-up lost with the
     * control link). Returns how many were forgotten.
     */
    public int forgetOlderThan(Instant before) {
        int n = 0;
        for (ControlledCall call : List.copyOf(byCall.values())) {
            if (call.since.isBefore(before)) {
                end(call);
                n++;
            }
        }
        return n;
    }

    /** The call's record: its id, needed to name recordings and to find the call from the console. */
    public void interactionKnown(String callId, String interactionId) {
        ControlledCall call = byCall.get(callId);
        if (call != null && call.interactionId.isEmpty() && !interactionId.isEmpty()) {
            call.interactionId = interactionId;
            callByInteraction.put(interactionId, callId);
        }
    }

    /** A recording the plan started is running with that id. */
    public void recordingStarted(String callId, String file, String recordingId) {
        ControlledCall call = byCall.get(callId);
        if (call != null && file.equals(call.recordingFile)) {
            call.recordingId = recordingId;
        }
    }

    /** Asterisk refused to record: the call goes on unrecorded, and the failure is in the record. */
    public void recordingFailed(String callId, String file, String why, Instant at) {
        ControlledCall call = byCall.get(callId);
        if (call == null || !file.equals(call.recordingFile)) {
            return;
        }
        call.recording = Recording.OFF;
        call.recordingId = "";
        recordings.add(new RecordingFact(call.interactionId, call.server, file, "failed", "system", why, at));
        changed.add(call);
    }

    /** A step of the plan failed: the call is as it was before the plan. */
    public void planFailed(Plan plan) {
        if (plan.before() != null && plan.call() != null) {
            plan.call().restore(plan.before());
            changed.add(plan.call());
        }
    }

    // ---------------------------------------------------------------------------------- following another node

    /**
     * Several nodes: what the call became on the node that controls it now ({@code cc.core.contract.
     * CallControlChanged} relayed from there), taken as it is ({@link Following#state}). Nothing is drained for it:
     * the controlling node publishes and audits.
     */
    public void followed(String interactionId, String agentId, String state, String party, String recording) {
        ControlledCall call = call(callByInteraction.get(interactionId));
        if (call == null) {
            return;
        }
        if (State.ENDED.wireName().equals(state)) {
            end(call);
            changed.remove(call);
            return;
        }
        Following.state(call, agentId, state, party, recording);
    }

    /**
     * Several nodes: a recording file the controlling node started or ended ({@code cc.core.contract.
     * RecordingChanged} relayed), so that this node names the next file after it and stops the one running.
     */
    public void recordingFollowed(String interactionId, String file, String change) {
        byInteraction(interactionId).ifPresent(call -> Following.recording(call, file, change));
    }

    // --------------------------------------------------------------------------------------------- requests

    /** An agent's or supervisor's intent on a call. */
    public Plan request(Request r, Instant at) {
        ControlledCall call = call(callByInteraction.get(r.interactionId()));
        Plan p = decide(call, r, at);
        String target = r.targetKind().isEmpty() ? r.target() : r.targetKind() + ":" + r.target();
        audit.add(new AuditEntry(at, r.actor(), r.interactionId(), r.agentId(), r.intent(), target,
                p.refusal().isPresent() ? "refused" : "done",
                p.refusal().map(x -> x.error() + ": " + x.message()).orElse("")));
        return p;
    }

    private Plan decide(ControlledCall call, Request r, Instant at) {
        if (!Intents.ALL.contains(r.intent())) {
            return refuse(call, "bad-request", "unknown intent '" + r.intent() + "'");
        }
        if (call == null || call.state == State.ENDED) {
            return refuse(null, "no-such-call", "call " + r.interactionId() + " is not in progress with an agent");
        }
        boolean own = call.agentId.equals(r.agentId()) && !r.supervisor();
        if (!own && !(r.supervisor() && Intents.SUPERVISOR.contains(r.intent()))) {
            return refuse(call, "not-your-call", "call " + r.interactionId() + " is not yours");
        }
        if (call.state == State.TRANSFERRING && !r.intent().equals("hangup")) {
            return refuse(call, "bad-state", "the call is being transferred");
        }
        if (!call.unsure.isEmpty() && !r.intent().equals("hangup")) {
            // followed from another node that stopped mid-step: better a clear refusal than a step on a wrong leg
            return refuse(call, "bad-state", call.unsure + "; it can only be hung up");
        }
        switch (r.intent()) {
            case "hold":
                return hold(call);
            case "resume":
                return resume(call);
            case "transfer":
                return transfer(call, r, at);
            case "take-over":
                return transfer(call, new Request(r.interactionId(), r.agentId(), r.actor(), r.supervisor(),
                        "take-over", "agent", r.target(), r.notes()), at);
            case "consult":
                return consult(call, r, at);
            case "consult-complete":
                return completeConsult(call);
            case "consult-cancel":
                return cancelConsult(call);
            case "conference":
                return conference(call, r, at);
            case "leave-conference":
                return leaveConference(call);
            case "hangup":
                return hangup(call);
            default:
                return recording(call, r, at);
        }
    }

    private Plan hold(ControlledCall call) {
        if (call.state != State.TALKING) {
            return refuse(call, "bad-state", "only a call in conversation can be put on hold (it is "
                    + call.state.wireName() + ")");
        }
        ControlledCall before = call.copy();
        call.state = State.HELD;
        return plan(call, List.of(new Step.Redirect(call.callerChannel, settings.holdContext(), "s")), List.of(),
                before);
    }

    private Plan resume(ControlledCall call) {
        if (call.state != State.HELD) {
            return refuse(call, "bad-state", "the call is not on hold");
        }
        ControlledCall before = call.copy();
        call.state = State.TALKING;
        return plan(call, List.of(new Step.Bridge(call.callerChannel, call.agentChannel)), List.of(), before);
    }

    private Plan transfer(ControlledCall call, Request r, Instant at) {
        if (call.state != State.TALKING && call.state != State.HELD) {
            return refuse(call, "bad-state", "the call cannot be transferred while " + call.state.wireName());
        }
        ControlledCall before = call.copy();
        List<Step> steps = new ArrayList<>();
        List<Step> undo = new ArrayList<>();
        holdFirst(call, steps, undo);
        switch (r.targetKind()) {
            case "queue":
                if (r.target().isBlank()) {
                    return refuse(call, "bad-request", "name the queue to transfer to");
                }
                steps.add(new Step.AcdTransfer(call.callId, r.target(), "", call.agentId, r.notes()));
                break;
            case "agent":
                if (r.target().isBlank() || r.target().equals(call.agentId)) {
                    return refuse(call, "bad-request", "name another agent to transfer to");
                }
                steps.add(new Step.AcdTransfer(call.callId, "", r.target(), call.agentId, r.notes()));
                break;
            case "number": {
                Optional<DialDecision> refused = refusedNumber(call, r, at);
                if (refused.isPresent()) {
                    return refuse(call, "number-refused", refused.get().detail());
                }
                String digits = allowedDigits(r, at);
                steps.add(new Step.Redirect(call.callerChannel, settings.outboundContext(), digits));
                break;
            }
            default:
                return refuse(call, "bad-request", "a transfer goes to an agent, a queue or a number");
        }
        steps.add(new Step.Hangup(call.agentChannel, true));
        call.state = State.TRANSFERRING;
        call.party = r.targetKind() + ":" + r.target();
        if (call.recording == Recording.ON && "number".equals(r.targetKind())) {
            // the call leaves the center: what the customer says to the outside number is not ours to record
            steps.add(steps.size() - 1, stopFile(call, "stopped", "system", "transferred to an outside number", at));
        }
        return plan(call, steps, undo, before);
    }

    private Plan consult(ControlledCall call, Request r, Instant at) {
        if (call.state != State.TALKING && call.state != State.HELD) {
            return refuse(call, "bad-state", "a consultation starts from a call in conversation or on hold");
        }
        ControlledCall before = call.copy();
        List<Step> steps = new ArrayList<>();
        List<Step> undo = new ArrayList<>();
        holdFirst(call, steps, undo);
        Optional<Plan> party = ringParty(call, r, at, steps, "");
        if (party.isPresent()) {
            return party.get();
        }
        call.state = State.CONSULTING;
        return plan(call, steps, undo, before);
    }

    /** Adds the step that rings the target; a refusal when the target is not one. */
    private Optional<Plan> ringParty(ControlledCall call, Request r, Instant at, List<Step> steps,
                                     String conference) {
        switch (r.targetKind()) {
            case "agent": {
                if (r.target().isBlank() || r.target().equals(call.agentId)) {
                    return Optional.of(refuse(call, "bad-request", "name another agent"));
                }
                String ringId = call.callId + "~" + (++call.rings);
                callByRing.put(ringId, call.callId);
                steps.add(new Step.AcdRing(ringId, call.callId, r.target(),
                        conference.isEmpty() ? call.agentChannel : "", conference, call.agentId, r.notes()));
                call.partyRingId = ringId;
                call.partyIsAgent = true;
                break;
            }
            case "number": {
                Optional<DialDecision> refused = refusedNumber(call, r, at);
                if (refused.isPresent()) {
                    return Optional.of(refuse(call, "number-refused", refused.get().detail()));
                }
                String digits = allowedDigits(r, at);
                String dial = settings.numberDial().replace("{number}", digits);
                steps.add(conference.isEmpty()
                        ? new Step.Dial(dial, settings.agentWaitContext(), "s", Map.of("CC_CONSULT_FOR", call.callId))
                        : new Step.Dial(dial, settings.conferenceContext(), conference,
                        Map.of("CC_CONSULT_FOR", call.callId)));
                call.partyIsAgent = false;
                call.partyRingId = "";
                break;
            }
            default:
                return Optional.of(refuse(call, "bad-request", "the target is an agent or a number"));
        }
        call.party = r.target();
        call.partyChannel = "";
        call.partyAnswered = false;
        return Optional.empty();
    }

    private Plan completeConsult(ControlledCall call) {
        if (call.state != State.CONSULTING || call.partyChannel.isEmpty()) {
            return refuse(call, "bad-state", "there is no answered consultation to complete");
        }
        ControlledCall before = call.copy();
        List<Step> steps = List.of(new Step.Hangup(call.agentChannel, false),
                new Step.Bridge(call.callerChannel, call.partyChannel));
        if (call.partyIsAgent) {
            handOverToParty(call);
            call.state = State.TALKING;
        } else {
            // the caller now talks to an outside number: the call has left the agents' hands
            call.state = State.TRANSFERRING;
        }
        return plan(call, steps, List.of(), before);
    }

    private Plan cancelConsult(ControlledCall call) {
        if (call.state != State.CONSULTING) {
            return refuse(call, "bad-state", "there is no consultation to cancel");
        }
        ControlledCall before = call.copy();
        List<Step> steps = new ArrayList<>();
        if (call.partyIsAgent && !call.partyAnswered) {
            // still ringing: the ACD withdraws the ring, so the agent is not paused as for a ring nobody answered
            steps.add(new Step.AcdCancelRing(call.partyRingId));
        } else if (!call.partyChannel.isEmpty()) {
            steps.add(new Step.Hangup(call.partyChannel, true));
        }
        steps.add(new Step.Bridge(call.callerChannel, call.agentChannel));
        callByRing.remove(call.partyRingId);
        clearParty(call);
        call.state = State.TALKING;
        return plan(call, steps, List.of(), before);
    }

    private Plan conference(ControlledCall call, Request r, Instant at) {
        if (call.state != State.TALKING && call.state != State.HELD) {
            return refuse(call, "bad-state", "a conference starts from a call in conversation or on hold");
        }
        ControlledCall before = call.copy();
        String room = Following.room(call);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.RedirectBoth(call.callerChannel, call.agentChannel, settings.conferenceContext(), room));
        Optional<Plan> party = ringParty(call, r, at, steps, room);
        if (party.isPresent()) {
            return party.get();
        }
        call.conference = room;
        call.state = State.CONFERENCE;
        // should ringing the third party fail, caller and agent are already together in the room
        return plan(call, steps, List.of(), before);
    }

    private Plan leaveConference(ControlledCall call) {
        if (call.state != State.CONFERENCE) {
            return refuse(call, "bad-state", "the call is not a conference");
        }
        ControlledCall before = call.copy();
        List<Step> steps = List.of(new Step.Kick(call.conference, call.agentChannel));
        if (call.partyIsAgent && !call.partyChannel.isEmpty()) {
            handOverToParty(call);
        } else {
            // the caller stays with the outside number: nothing left for an agent to control
            call.state = State.TRANSFERRING;
        }
        return plan(call, steps, List.of(), before);
    }

    private Plan hangup(ControlledCall call) {
        ControlledCall before = call.copy();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Hangup(call.callerChannel, false));
        steps.add(new Step.Hangup(call.agentChannel, true));
        if (!call.partyChannel.isEmpty()) {
            steps.add(new Step.Hangup(call.partyChannel, true));
        }
        return plan(call, steps, List.of(), before);
    }

    private Plan recording(ControlledCall call, Request r, Instant at) {
        ControlledCall before = call.copy();
        String by = r.actor();
        switch (r.intent()) {
            case "record-start":
                if (call.recording != Recording.OFF) {
                    return refuse(call, "bad-state", "the call is already recorded");
                }
                return plan(call, List.of(startFile(call, call.files == 0 ? "started" : "resumed", by, "", at)),
                        List.of(), before);
            case "record-pause":
                if (call.recording != Recording.ON) {
                    return refuse(call, "bad-state", "the call is not being recorded");
                }
                return plan(call, List.of(stopFile(call, "paused", by, r.notes(), at)), List.of(), before);
            case "record-resume":
                if (call.recording != Recording.PAUSED) {
                    return refuse(call, "bad-state", "the recording is not paused");
                }
                return plan(call, List.of(startFile(call, "resumed", by, "", at)), List.of(), before);
            default:
                if (call.recording == Recording.OFF) {
                    return refuse(call, "bad-state", "the call is not being recorded");
                }
                if (call.recording == Recording.PAUSED) {
                    call.recording = Recording.OFF;
                    changed.add(call);
                    return plan(call, List.of(), List.of(), before);
                }
                return plan(call, List.of(stopFile(call, "stopped", by, "", at)), List.of(), before);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** The next file of the call's recording, named by its record and its place among the call's files. */
    private Step startFile(ControlledCall call, String change, String by, String detail, Instant at) {
        call.files++;
        String day = DAY.format(at.atZone(settings.zone()));
        String name = call.interactionId.isEmpty() ? call.callId.replaceAll("[^A-Za-z0-9]", "-") : call.interactionId;
        call.recordingFile = day + "/" + name + "-" + call.files + ".wav";
        call.recordingId = "";
        call.recording = Recording.ON;
        recordings.add(new RecordingFact(call.interactionId, call.server, call.recordingFile, change, by, detail, at));
        return new Step.StartRecording(call.callerChannel, call.recordingFile);
    }

    private Step stopFile(ControlledCall call, String change, String by, String detail, Instant at) {
        Step stop = new Step.StopRecording(call.callerChannel, call.recordingId, false);
        recordings.add(new RecordingFact(call.interactionId, call.server, call.recordingFile, change, by, detail, at));
        call.recording = "paused".equals(change) ? Recording.PAUSED : Recording.OFF;
        call.recordingId = "";
        return stop;
    }

    private Optional<DialDecision> refusedNumber(ControlledCall call, Request r, Instant at) {
        DialDecision d = numbers.check(new DialRequest(asciiDigits(r.target()), Optional.empty(), r.actor(), 0, 0, at));
        audit.add(new AuditEntry(at, r.actor(), r.interactionId(), r.agentId(), "dial", r.target(),
                d.allowed() ? "allowed" : "refused", d.reason().name().toLowerCase(Locale.ROOT) + ": " + d.detail()));
        return d.allowed() ? Optional.empty() : Optional.of(d);
    }

    private String allowedDigits(Request r, Instant at) {
        return numbers.check(new DialRequest(asciiDigits(r.target()), Optional.empty(), r.actor(), 0, 0, at))
                .dialDigits();
    }

    /** Persian and Arabic-Indic digits as ASCII: agents type either. */
    static String asciiDigits(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char ch : text.strip().toCharArray()) {
            if (ch >= '\u06F0' && ch <= '\u06F9') {
                b.append((char) ('0' + ch - '\u06F0'));
            } else if (ch >= '\u0660' && ch <= '\u0669') {
                b.append((char) ('0' + ch - '\u0660'));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** A caller still in the agent's bridge is put on hold first; should the plan fail, they are joined again. */
    private void holdFirst(ControlledCall call, List<Step> steps, List<Step> undo) {
        if (call.state == State.TALKING) {
            steps.add(new Step.Redirect(call.callerChannel, settings.holdContext(), "s"));
            undo.add(new Step.Bridge(call.callerChannel, call.agentChannel));
        }
    }

    private void handOverToParty(ControlledCall call) {
        call.agentId = call.party;
        call.agentChannel = call.partyChannel;
        call.agentByConsultation = true;
        callByRing.remove(call.partyRingId);
        clearParty(call);
        changed.add(call);
    }

    static void clearParty(ControlledCall call) {
        call.party = "";
        call.partyChannel = "";
        call.partyAnswered = false;
        call.partyRingId = "";
        call.partyIsAgent = false;
    }

    /** A channel the call has from now on (every other channel field takes its value from one of these). */
    private void channel(ControlledCall call, String channel) {
        if (!channel.isEmpty() && call.channels.add(channel)) {
            byChannel.computeIfAbsent(channelKey(call.server, channel), k -> new LinkedHashSet<>()).add(call);
        }
    }

    private static String channelKey(String server, String channel) {
        return server + '\n' + channel;
    }

    private void end(ControlledCall call) {
        call.state = State.ENDED;
        changed.add(call);
        byCall.remove(call.callId);
        for (String channel : call.channels) {
            String key = channelKey(call.server, channel);
            Set<ControlledCall> calls = byChannel.get(key);
            if (calls != null && calls.remove(call) && calls.isEmpty()) {
                byChannel.remove(key);
            }
        }
        callByInteraction.remove(call.interactionId);
        callByRing.values().removeIf(call.callId::equals);
    }

    private ControlledCall call(String callId) {
        return callId == null ? null : byCall.get(callId);
    }

    private Plan plan(ControlledCall call, List<Step> steps, List<Step> undo, ControlledCall before) {
        changed.add(call);
        return new Plan(call, List.copyOf(steps), List.copyOf(undo), Optional.empty(), before);
    }

    private static Plan refuse(ControlledCall call, String error, String message) {
        return new Plan(call, List.of(), List.of(), Optional.of(new Refusal(error, message)), null);
    }

    // ------------------------------------------------------------------------------------------------ views

    /** The call a record belongs to, while call control knows it. */
    public Optional<ControlledCall> byInteraction(String interactionId) {
        return Optional.ofNullable(call(callByInteraction.get(interactionId)));
    }

    public Optional<ControlledCall> byCall(String callId) {
        return Optional.ofNullable(byCall.get(callId));
    }

    public int size() {
        return byCall.size();
    }

    public List<ControlledCall> drainChanged() {
        List<ControlledCall> out = List.copyOf(changed);
        changed.clear();
        return out;
    }

    public List<RecordingFact> drainRecordings() {
        List<RecordingFact> out = List.copyOf(recordings);
        recordings.clear();
        return out;
    }

    public List<AuditEntry> drainAudit() {
        List<AuditEntry> out = List.copyOf(audit);
        audit.clear();
        return out;
    }
}
