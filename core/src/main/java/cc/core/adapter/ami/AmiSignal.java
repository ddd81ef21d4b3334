package cc.core.adapter.ami;

import java.time.Instant;
import java.util.List;

/**
 * What the AMI listener hands to a server's context: the few fields of an AMI event the adapter needs, copied out
 * of asterisk-java's bean on the library's dispatch thread, plus the link's own happenings, all in wire order.
 * Immutable, so the records cross threads through the intake queue safely.
 */
sealed interface AmiSignal {

    /** Newchannel. */
    record ChannelCreated(String uniqueId, String linkedId, String channel, String callerNumber, String callerName,
                          String exten, String context, Instant at) implements AmiSignal {}

    /** NewCallerid: the channel's caller ID was set or changed after the channel was created. */
    record CallerIdSet(String uniqueId, String linkedId, String channel, String callerNumber, String callerName,
                       Instant at) implements AmiSignal {}

    /** Newstate to Ringing (5) or Up (6); other states are not handed on. */
    record StateChanged(String uniqueId, String linkedId, String channel, boolean answered, Instant at)
            implements AmiSignal {}

    /** LocalBridge: the two halves of one Local channel. */
    record LocalPaired(String uniqueIdOne, String uniqueIdTwo) implements AmiSignal {}

    /** BridgeEnter ({@code entered}) or BridgeLeave. */
    record BridgeChanged(String bridgeId, String uniqueId, String linkedId, String channel, boolean entered,
                         Instant at) implements AmiSignal {}

    /** DTMFEnd received on a channel. */
    record DigitReceived(String uniqueId, String linkedId, String channel, String digit, Instant at)
            implements AmiSignal {}

    /** VarSet of a variable the filter accepts. */
    record VariableChanged(String uniqueId, String linkedId, String channel, String name, String value, Instant at)
            implements AmiSignal {}

    /** Hangup. */
    record HungUp(String uniqueId, String linkedId, String channel, int cause, String causeText, Instant at)
            implements AmiSignal {}

    /** OriginateResponse for the originate sent with {@code actionId}. */
    record OriginateOutcome(String actionId, boolean success, int reason, String channel, String uniqueId)
            implements AmiSignal {}

    /** A login succeeded on connection {@code generation}; the adapter now lists the live channels. */
    record LinkEstablished(long generation, Instant at) implements AmiSignal {}

    /** The CoreShowChannels answer of connection {@code generation}. */
    record ChannelsListed(long generation, List<LiveChannel> channels, Instant at) implements AmiSignal {
        public ChannelsListed {
            channels = List.copyOf(channels);
        }
    }

    /** Connection {@code generation} is gone. */
    record LinkLost(long generation, String reason, Instant at) implements AmiSignal {}

    /** One CoreShowChannel item. */
    record LiveChannel(String uniqueId, String linkedId, String channel, String callerNumber, String callerName,
                       String exten, String context, String bridgeId) {}
}
