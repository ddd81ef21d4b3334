package cc.core.domain.callcontrol;

import java.util.Map;

/**
 * One command a plan carries out, in order. A step marked best effort may fail without failing the plan (hanging up
 * a leg that may already be gone); any other failure stops the plan and runs its undo steps.
 */
public sealed interface Step {

    /** Whether a failure of this step leaves the plan's goal reached anyway. */
    default boolean bestEffort() {
        return false;
    }

    /** Sends the channel to {@code exten@context}, priority 1 (the caller to the music, out to a number...). */
    record Redirect(String channel, String context, String exten) implements Step {}

    /** Sends two channels together to {@code exten@context} (AMI Redirect with ExtraChannel): into a conference. */
    record RedirectBoth(String channel, String extraChannel, String context, String exten) implements Step {}

    /** Joins two channels that wait in the dialplan (AMI Bridge, trace ami-17). */
    record Bridge(String channel1, String channel2) implements Step {}

    record Hangup(String channel, boolean bestEffort) implements Step {}

    /** Places a call to a number into {@code exten@context}; its answer or failure comes back as a fact later. */
    record Dial(String dialString, String context, String exten, Map<String, String> variables) implements Step {
        public Dial {
            variables = Map.copyOf(variables);
        }
    }

    /** Hands the call back to the ACD ({@code cc.core.contract.TransferCall}). */
    record AcdTransfer(String callId, String queue, String agentId, String byAgent, String notes) implements Step {}

    /** Asks the ACD to ring one agent for this call ({@code cc.core.contract.RingAgentFor}). */
    record AcdRing(String ringId, String forCall, String agentId, String bridgeWith, String conference, String byAgent,
                   String notes) implements Step {}

    /** Withdraws a ring of one agent nobody answered yet ({@code cc.core.contract.CancelRing}). */
    record AcdCancelRing(String ringId) implements Step {
        @Override
        public boolean bestEffort() {
            return true;
        }
    }

    /** Starts recording the channel and its bridge peers into {@code file} (relative to the recordings directory). */
    record StartRecording(String channel, String file) implements Step {}

    /** Stops the recording with that id on the channel. */
    record StopRecording(String channel, String recordingId, boolean bestEffort) implements Step {}

    /** Takes a participant out of a conference. */
    record Kick(String conference, String channel) implements Step {}
}
