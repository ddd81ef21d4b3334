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

    /** Registers a handler for call events of all servers. */
    void onCallEvent(Consumer<CallEvent> handler);

    /** Registers a handler for link state changes of all servers. */
    void onLinkEvent(Consumer<LinkEvent> handler);

    /** Whether the named server's control link is logged in now. */
    boolean isUp(String server);
}
