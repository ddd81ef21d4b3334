package cc.core.domain.callcontrol;

import cc.core.domain.callcontrol.ControlledCall.Recording;
import cc.core.domain.callcontrol.ControlledCall.State;
import cc.core.domain.dialing.DialPermissions;

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
 * answer into that same wait, joined with Bridge; conferences are ConfBridge rooms), and what the call becomes. An
 * agent's or supervisor's request is planned by {@link IntentPlanner}; the facts are taken here.
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
    private final IntentPlanner planner;
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
        this.planner = new IntentPlanner(this, settings, numbers);
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
        Plan p = planner.decide(call, r, at);
        String target = r.targetKind().isEmpty() ? r.target() : r.targetKind() + ":" + r.target();
        audit.add(new AuditEntry(at, r.actor(), r.interactionId(), r.agentId(), r.intent(), target,
                p.refusal().isPresent() ? "refused" : "done",
                p.refusal().map(x -> x.error() + ": " + x.message()).orElse("")));
        return p;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** The next file of the call's recording, named by its record and its place among the call's files. */
    Step startFile(ControlledCall call, String change, String by, String detail, Instant at) {
        call.files++;
        String day = DAY.format(at.atZone(settings.zone()));
        String name = call.interactionId.isEmpty() ? call.callId.replaceAll("[^A-Za-z0-9]", "-") : call.interactionId;
        call.recordingFile = day + "/" + name + "-" + call.files + ".wav";
        call.recordingId = "";
        call.recording = Recording.ON;
        recordings.add(new RecordingFact(call.interactionId, call.server, call.recordingFile, change, by, detail, at));
        return new Step.StartRecording(call.callerChannel, call.recordingFile);
    }

    Step stopFile(ControlledCall call, String change, String by, String detail, Instant at) {
        Step stop = new Step.StopRecording(call.callerChannel, call.recordingId, false);
        recordings.add(new RecordingFact(call.interactionId, call.server, call.recordingFile, change, by, detail, at));
        call.recording = "paused".equals(change) ? Recording.PAUSED : Recording.OFF;
        call.recordingId = "";
        return stop;
    }

    void handOverToParty(ControlledCall call) {
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

    /** A ring of an agent for the call (consultation, conference): its answer or end names the ring. */
    void ringFor(String ringId, ControlledCall call) {
        callByRing.put(ringId, call.callId);
    }

    void ringOver(String ringId) {
        callByRing.remove(ringId);
    }

    void audited(AuditEntry entry) {
        audit.add(entry);
    }

    void changed(ControlledCall call) {
        changed.add(call);
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

    Plan plan(ControlledCall call, List<Step> steps, List<Step> undo, ControlledCall before) {
        changed.add(call);
        return new Plan(call, List.copyOf(steps), List.copyOf(undo), Optional.empty(), before);
    }

    static Plan refuse(ControlledCall call, String error, String message) {
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
