package cc.core.domain.interaction;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How a call's interaction gets its id when the tracker opens it.
 *
 * <p>With several nodes every node follows every call, and whichever records it must write the same row: {@link
 * #ofCall()} derives the id from the Asterisk server, the call's Linkedid and the Uniqueid of the leg that opened it,
 * so a node taking the recording over (or an AMI resync that opens the call again) names the row the first node
 * wrote. One node keeps random ids ({@link #random()}), as before.
 */
@FunctionalInterface
public interface InteractionIds {

    /** The id of the interaction the leg {@code openingUniqueId} of call {@code callId} on {@code server} opens. */
    String idOf(String server, String callId, String openingUniqueId);

    /** A random UUID for each new interaction (one node). */
    static InteractionIds random() {
        return (server, callId, openingUniqueId) -> UUID.randomUUID().toString();
    }

    /**
     * A name-based UUID of server, call and opening leg: the same on every node that sees the call. Asterisk's
     * Uniqueids carry the epoch second, so they do not come back after Asterisk restarts.
     */
    static InteractionIds ofCall() {
        return (server, callId, openingUniqueId) -> UUID.nameUUIDFromBytes(
                ("cc-interaction\n" + server + "\n" + callId + "\n" + openingUniqueId)
                        .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Ids from a supplier, whatever the call (a counter in tests). */
    static InteractionIds from(Supplier<String> next) {
        return (server, callId, openingUniqueId) -> next.get();
    }
}
