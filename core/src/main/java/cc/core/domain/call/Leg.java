package cc.core.domain.call;

import java.util.Objects;

/**
 * One channel of a call on one Asterisk server.
 *
 * @param server      the configured name of the Asterisk server that carries the channel
 * @param uniqueId    Asterisk's Uniqueid of the channel, unique per server
 * @param channelName Asterisk's channel name, e.g. {@code PJSIP/1001-0000002a} or {@code Local/100@ivr-in-00000001;2}
 * @param callId      the call this leg belongs to: Asterisk's Linkedid, shared by every leg of one call
 */
public record Leg(String server, String uniqueId, String channelName, String callId) {
    public Leg {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(callId, "callId");
    }

    /** True for either half of a Local channel pair ({@code Local/...;1} or {@code ;2}). */
    public boolean isLocal() {
        return channelName.startsWith("Local/");
    }
}
