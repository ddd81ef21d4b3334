package cc.core.domain.callcontrol;

import cc.core.domain.callcontrol.ControlledCall.Recording;
import cc.core.domain.callcontrol.ControlledCall.State;

import java.util.Locale;

/**
 * How a node that does not control a call keeps it right from what the controlling node tells (several nodes). It
 * learnt the call's channels from the same connections and hears its hang-ups itself; the steps taken on the other
 * node (hold, transfer, consultation, conference, recording) reach it only as the call's states and recording files,
 * so it takes them as they are. A leg it cannot name (a number dialled there, an agent whose answer it did not see)
 * makes the call {@link ControlledCall#unsure() unsure}: should this node take control over, it refuses what it
 * cannot carry out rather than act on a wrong leg.
 */
final class Following {
    private Following() {
    }

    static void state(ControlledCall call, String agentId, String state, String party, String recording) {
        State s = parse(State.class, state);
        Recording r = parse(Recording.class, recording);
        if (s == null || r == null) {
            return;
        }
        if (!agentId.equals(call.agentId)) {
            // the call went on to the agent consulted or conferenced there: the leg this node saw answer, if any
            boolean seen = agentId.equals(call.ringAnsweredBy);
            call.agentId = agentId;
            call.agentChannel = seen ? call.ringAnsweredChannel : "";
            call.agentByConsultation = true;
        }
        if (!party.equals(call.party)) {
            CallControlBook.clearParty(call);
            call.party = party;
        }
        if (!party.isEmpty() && party.equals(call.ringAnsweredBy) && call.partyChannel.isEmpty()) {
            // the agent rung there answered (this node heard the ring's connection, before or after this state)
            call.partyIsAgent = true;
            call.partyChannel = call.ringAnsweredChannel;
            call.partyAnswered = true;
        }
        call.state = s;
        call.conference = s == State.CONFERENCE ? room(call) : "";
        if (r != call.recording) {
            // the running file's id is known only where it was started: stopping without one stops what records
            call.recordingId = "";
        }
        call.recording = r;
        if (call.agentChannel.isEmpty()) {
            call.unsure = "agent " + agentId + " took this call over on another node, whose leg this node did not see";
        } else if ((s == State.CONSULTING || s == State.CONFERENCE) && call.partyChannel.isEmpty()) {
            call.unsure = "the " + s.wireName() + " with " + party + " was set up on another node and cannot be carried"
                    + " on from here";
        } else {
            call.unsure = "";
        }
    }

    static void recording(ControlledCall call, String file, String change) {
        switch (change) {
            case "started":
            case "resumed":
                if (!file.equals(call.recordingFile)) {
                    call.files++;
                    call.recordingFile = file;
                    call.recordingId = "";
                }
                call.recording = Recording.ON;
                break;
            case "paused":
                call.recording = Recording.PAUSED;
                call.recordingId = "";
                break;
            default:
                call.recording = Recording.OFF;
                call.recordingId = "";
        }
    }

    /** The ConfBridge room of a call's conference (named by the call, so every node names it alike). */
    static String room(ControlledCall call) {
        return "cc-" + call.callId.replaceAll("[^A-Za-z0-9]", "-");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String wireName) {
        try {
            return Enum.valueOf(type, wireName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
