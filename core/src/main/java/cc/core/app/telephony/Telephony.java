package cc.core.app.telephony;

import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import io.vertx.core.Future;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Call control and call events, for every configured telephony server.
 *
 * <p>Threading: every command returns at once; its future completes on the Vert.x context of the caller.
 * Event handlers are called on one Vert.x context per server, in the order the server sent the events.
 * A failed command fails its future with a {@link TelephonyException}.
 */
public interface Telephony {

    /** Places a call; completes when it is answered or has failed (with the platform's reason). */
    Future<OriginateResult> originate(OriginateRequest request);

    /** Sends a channel elsewhere in the dialplan. */
    Future<Void> redirect(String server, String channel, String context, String exten, int priority);

    /** Joins two channels in one bridge (both must be up). */
    Future<Void> bridge(String server, String channel1, String channel2);

    /** Hangs a channel up with a Q.850 cause (16 normal clearing). */
    Future<Void> hangup(String server, String channel, int cause);

    Future<Void> setVariable(String server, String channel, String name, String value);

    /** The channel variable, empty when it is not set. */
    Future<Optional<String>> getVariable(String server, String channel, String name);

    // ---- call control on a call in progress (traces ami-21 to ami-25 show how Asterisk 22 answers each) ----

    /**
     * Sends two channels elsewhere in the dialplan at once (AMI {@code Redirect} with {@code ExtraChannel}): both
     * leave their bridge together, e.g. a caller and an agent into a conference. A leg that runs {@code Bridge()} as
     * its originate's application hangs up instead of moving (ami-24).
     */
    Future<Void> redirectBoth(String server, String channel, String extraChannel, String context, String exten);

    /**
     * Blind transfer: the party bridged with {@code transferer} goes to {@code exten@context} and the transferer's
     * leg is hung up (AMI {@code BlindTransfer}, ami-22). Fails REFUSED when the channel is in no bridge.
     */
    Future<Void> blindTransfer(String server, String transferer, String context, String exten);

    /**
     * Starts a consultative transfer from {@code transferer} to {@code exten@context} (AMI {@code Atxfer}, ami-23):
     * the other party hears music while the transferer talks to the target; the transferer hanging up completes it.
     * Needs the {@code atxfer} feature code configured in Asterisk and the transfer feature on the channel.
     */
    Future<Void> attendedTransfer(String server, String transferer, String context, String exten);

    /** Cancels a consultative transfer in progress: the transferer is back with the other party (AMI {@code CancelAtxfer}). */
    Future<Void> cancelAttendedTransfer(String server, String transferer);

    /**
     * Starts recording the channel and whoever it is bridged with into {@code file} on the telephony server (AMI
     * {@code MixMonitor} with options {@code b} and {@code i(...)}, ami-21); completes with the recording's id, which
     * stops this recording only.
     */
    Future<String> startRecording(String server, String channel, String file);

    /** Pauses ({@code muted}) or resumes a recording: the paused part is written as silence (AMI {@code MixMonitorMute}). */
    Future<Void> muteRecording(String server, String channel, boolean muted);

    /**
     * Stops the recording with that id on the channel, or (empty id) whatever records the channel (AMI
     * {@code StopMixMonitor}); REFUSED when none runs.
     */
    Future<Void> stopRecording(String server, String channel, String recordingId);

    /** Takes a participant out of a conference; the others stay (AMI {@code ConfbridgeKick}, ami-24). */
    Future<Void> leaveConference(String server, String conference, String channel);

    /** Registers a handler for call events of all servers. */
    void onCallEvent(Consumer<CallEvent> handler);

    /** Registers a handler for link state changes of all servers. */
    void onLinkEvent(Consumer<LinkEvent> handler);

    /** Whether the named server's control link is logged in now. */
    boolean isUp(String server);
}
