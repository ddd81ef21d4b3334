package cc.core.app.telephony;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A call to place.
 *
 * @param server     which telephony server places it
 * @param dialString what to dial: {@code PJSIP/1001}, {@code Local/agent1@agents}, {@code PJSIP/trunk/0912...}
 * @param target     where the answered call goes
 * @param callerId   the caller ID to present, e.g. {@code "Contact Center" <02100000>}; empty for the default
 * @param ringTimeout how long the dialled party may ring before the attempt fails with reason no-answer
 * @param variables  channel variables set on the new channel, in the order given (Asterisk sets them in the
 *                   order of the {@code Variable} headers; the records read the number before the campaign)
 */
public record OriginateRequest(String server, String dialString, Target target, String callerId,
                               Duration ringTimeout, Map<String, String> variables) {
    public OriginateRequest {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(dialString, "dialString");
        Objects.requireNonNull(target, "target");
        callerId = callerId == null ? "" : callerId;
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        // not Map.copyOf: its order changes from run to run
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** Where an answered originated call goes. */
    public sealed interface Target permits DialplanTarget, ApplicationTarget {}

    /** Continue in the dialplan at context, extension, priority. */
    public record DialplanTarget(String context, String exten, int priority) implements Target {}

    /** Run one application directly, e.g. {@code Bridge} with the holding caller's channel as data. */
    public record ApplicationTarget(String application, String data) implements Target {}
}
