package cc.core.domain.callcontrol;

import cc.core.domain.callcontrol.CallControlBook.AuditEntry;
import cc.core.domain.callcontrol.CallControlBook.Plan;
import cc.core.domain.callcontrol.CallControlBook.Request;
import cc.core.domain.callcontrol.CallControlBook.Settings;
import cc.core.domain.callcontrol.ControlledCall.Recording;
import cc.core.domain.callcontrol.ControlledCall.State;
import cc.core.domain.dialing.DialDecision;
import cc.core.domain.dialing.DialPermissions;
import cc.core.domain.dialing.DialRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an agent's or supervisor's intent on a call becomes: who may ask it, in which of the call's states, and the
 * {@link Step}s that carry it out (with their undo), or a refusal. Part of {@link CallControlBook}, whose calls it
 * changes as it plans (the book restores one when a step fails) and whose rings, recordings and audit it adds to.
 *
 * <p>Pure and single-threaded, as the book.
 */
final class IntentPlanner {
    private final CallControlBook book;
    private final Settings settings;
    private final DialPermissions numbers;

    IntentPlanner(CallControlBook book, Settings settings, DialPermissions numbers) {
        this.book = book;
        this.settings = settings;
        this.numbers = numbers;
    }

    Plan decide(ControlledCall call, Request r, Instant at) {
        if (!Intents.ALL.contains(r.intent())) {
            return CallControlBook.refuse(call, "bad-request", "unknown intent '" + r.intent() + "'");
        }
        if (call == null || call.state == State.ENDED) {
            return CallControlBook.refuse(null, "no-such-call", "call " + r.interactionId() + " is not in progress with an agent");
        }
        boolean own = call.agentId.equals(r.agentId()) && !r.supervisor();
        if (!own && !(r.supervisor() && Intents.SUPERVISOR.contains(r.intent()))) {
            return CallControlBook.refuse(call, "not-your-call", "call " + r.interactionId() + " is not yours");
        }
        if (call.state == State.TRANSFERRING && !r.intent().equals("hangup")) {
            return CallControlBook.refuse(call, "bad-state", "the call is being transferred");
        }
        if (!call.unsure.isEmpty() && !r.intent().equals("hangup")) {
            // followed from another node that stopped mid-step: better a clear refusal than a step on a wrong leg
            return CallControlBook.refuse(call, "bad-state", call.unsure + "; it can only be hung up");
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
            return CallControlBook.refuse(call, "bad-state", "only a call in conversation can be put on hold (it is "
                    + call.state.wireName() + ")");
        }
        ControlledCall before = call.copy();
        call.state = State.HELD;
        return book.plan(call, List.of(new Step.Redirect(call.callerChannel, settings.holdContext(), "s")), List.of(),
                before);
    }

    private Plan resume(ControlledCall call) {
        if (call.state != State.HELD) {
            return CallControlBook.refuse(call, "bad-state", "the call is not on hold");
        }
        ControlledCall before = call.copy();
        call.state = State.TALKING;
        return book.plan(call, List.of(new Step.Bridge(call.callerChannel, call.agentChannel)), List.of(), before);
    }

    private Plan transfer(ControlledCall call, Request r, Instant at) {
        if (call.state != State.TALKING && call.state != State.HELD) {
            return CallControlBook.refuse(call, "bad-state", "the call cannot be transferred while " + call.state.wireName());
        }
        ControlledCall before = call.copy();
        List<Step> steps = new ArrayList<>();
        List<Step> undo = new ArrayList<>();
        holdFirst(call, steps, undo);
        switch (r.targetKind()) {
            case "queue":
                if (r.target().isBlank()) {
                    return CallControlBook.refuse(call, "bad-request", "name the queue to transfer to");
                }
                steps.add(new Step.AcdTransfer(call.callId, r.target(), "", call.agentId, r.notes()));
                break;
            case "agent":
                if (r.target().isBlank() || r.target().equals(call.agentId)) {
                    return CallControlBook.refuse(call, "bad-request", "name another agent to transfer to");
                }
                steps.add(new Step.AcdTransfer(call.callId, "", r.target(), call.agentId, r.notes()));
                break;
            case "number": {
                Optional<DialDecision> refused = refusedNumber(call, r, at);
                if (refused.isPresent()) {
                    return CallControlBook.refuse(call, "number-refused", refused.get().detail());
                }
                String digits = allowedDigits(r, at);
                steps.add(new Step.Redirect(call.callerChannel, settings.outboundContext(), digits));
                break;
            }
            default:
                return CallControlBook.refuse(call, "bad-request", "a transfer goes to an agent, a queue or a number");
        }
        steps.add(new Step.Hangup(call.agentChannel, true));
        call.state = State.TRANSFERRING;
        call.party = r.targetKind() + ":" + r.target();
        if (call.recording == Recording.ON && "number".equals(r.targetKind())) {
            // the call leaves the center: what the customer says to the outside number is not ours to record
            steps.add(steps.size() - 1, book.stopFile(call, "stopped", "system", "transferred to an outside number", at));
        }
        return book.plan(call, steps, undo, before);
    }

    private Plan consult(ControlledCall call, Request r, Instant at) {
        if (call.state != State.TALKING && call.state != State.HELD) {
            return CallControlBook.refuse(call, "bad-state", "a consultation starts from a call in conversation or on hold");
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
        return book.plan(call, steps, undo, before);
    }

    /** Adds the step that rings the target; a refusal when the target is not one. */
    private Optional<Plan> ringParty(ControlledCall call, Request r, Instant at, List<Step> steps,
                                     String conference) {
        switch (r.targetKind()) {
            case "agent": {
                if (r.target().isBlank() || r.target().equals(call.agentId)) {
                    return Optional.of(CallControlBook.refuse(call, "bad-request", "name another agent"));
                }
                String ringId = call.callId + "~" + (++call.rings);
                book.ringFor(ringId, call);
                steps.add(new Step.AcdRing(ringId, call.callId, r.target(),
                        conference.isEmpty() ? call.agentChannel : "", conference, call.agentId, r.notes()));
                call.partyRingId = ringId;
                call.partyIsAgent = true;
                break;
            }
            case "number": {
                Optional<DialDecision> refused = refusedNumber(call, r, at);
                if (refused.isPresent()) {
                    return Optional.of(CallControlBook.refuse(call, "number-refused", refused.get().detail()));
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
                return Optional.of(CallControlBook.refuse(call, "bad-request", "the target is an agent or a number"));
        }
        call.party = r.target();
        call.partyChannel = "";
        call.partyAnswered = false;
        return Optional.empty();
    }

    private Plan completeConsult(ControlledCall call) {
        if (call.state != State.CONSULTING || call.partyChannel.isEmpty()) {
            return CallControlBook.refuse(call, "bad-state", "there is no answered consultation to complete");
        }
        ControlledCall before = call.copy();
        List<Step> steps = List.of(new Step.Hangup(call.agentChannel, false),
                new Step.Bridge(call.callerChannel, call.partyChannel));
        if (call.partyIsAgent) {
            book.handOverToParty(call);
            call.state = State.TALKING;
        } else {
            // the caller now talks to an outside number: the call has left the agents' hands
            call.state = State.TRANSFERRING;
        }
        return book.plan(call, steps, List.of(), before);
    }

    private Plan cancelConsult(ControlledCall call) {
        if (call.state != State.CONSULTING) {
            return CallControlBook.refuse(call, "bad-state", "there is no consultation to cancel");
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
        book.ringOver(call.partyRingId);
        CallControlBook.clearParty(call);
        call.state = State.TALKING;
        return book.plan(call, steps, List.of(), before);
    }

    private Plan conference(ControlledCall call, Request r, Instant at) {
        if (call.state != State.TALKING && call.state != State.HELD) {
            return CallControlBook.refuse(call, "bad-state", "a conference starts from a call in conversation or on hold");
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
        return book.plan(call, steps, List.of(), before);
    }

    private Plan leaveConference(ControlledCall call) {
        if (call.state != State.CONFERENCE) {
            return CallControlBook.refuse(call, "bad-state", "the call is not a conference");
        }
        ControlledCall before = call.copy();
        List<Step> steps = List.of(new Step.Kick(call.conference, call.agentChannel));
        if (call.partyIsAgent && !call.partyChannel.isEmpty()) {
            book.handOverToParty(call);
        } else {
            // the caller stays with the outside number: nothing left for an agent to control
            call.state = State.TRANSFERRING;
        }
        return book.plan(call, steps, List.of(), before);
    }

    private Plan hangup(ControlledCall call) {
        ControlledCall before = call.copy();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Hangup(call.callerChannel, false));
        steps.add(new Step.Hangup(call.agentChannel, true));
        if (!call.partyChannel.isEmpty()) {
            steps.add(new Step.Hangup(call.partyChannel, true));
        }
        return book.plan(call, steps, List.of(), before);
    }

    private Plan recording(ControlledCall call, Request r, Instant at) {
        ControlledCall before = call.copy();
        String by = r.actor();
        switch (r.intent()) {
            case "record-start":
                if (call.recording != Recording.OFF) {
                    return CallControlBook.refuse(call, "bad-state", "the call is already recorded");
                }
                return book.plan(call, List.of(book.startFile(call, call.files == 0 ? "started" : "resumed", by, "", at)),
                        List.of(), before);
            case "record-pause":
                if (call.recording != Recording.ON) {
                    return CallControlBook.refuse(call, "bad-state", "the call is not being recorded");
                }
                return book.plan(call, List.of(book.stopFile(call, "paused", by, r.notes(), at)), List.of(), before);
            case "record-resume":
                if (call.recording != Recording.PAUSED) {
                    return CallControlBook.refuse(call, "bad-state", "the recording is not paused");
                }
                return book.plan(call, List.of(book.startFile(call, "resumed", by, "", at)), List.of(), before);
            default:
                if (call.recording == Recording.OFF) {
                    return CallControlBook.refuse(call, "bad-state", "the call is not being recorded");
                }
                if (call.recording == Recording.PAUSED) {
                    call.recording = Recording.OFF;
                    book.changed(call);
                    return book.plan(call, List.of(), List.of(), before);
                }
                return book.plan(call, List.of(book.stopFile(call, "stopped", by, "", at)), List.of(), before);
        }
    }

    private Optional<DialDecision> refusedNumber(ControlledCall call, Request r, Instant at) {
        DialDecision d = numbers.check(new DialRequest(asciiDigits(r.target()), Optional.empty(), r.actor(), 0, 0, at));
        book.audited(new AuditEntry(at, r.actor(), r.interactionId(), r.agentId(), "dial", r.target(),
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
}
