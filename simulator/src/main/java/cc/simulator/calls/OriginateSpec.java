package cc.simulator.calls;

import cc.simulator.channel.CallerId;
import java.util.Map;

/**
 * An Originate as the AMI action describes it. Either {@code application} (with {@code data}) or
 * {@code context}/{@code exten}/{@code priority} says where the answered channel goes. {@code callerId} is
 * {@link CallerId#UNKNOWN} when the action has none. {@code channelId} and {@code otherChannelId}, when given, are the
 * uniqueids of the channel (Local {@code ;1}) and of the Local {@code ;2}, as the AMI ChannelId/OtherChannelId
 * headers ask.
 */
public record OriginateSpec(String channel, String context, String exten, int priority, String application,
                            String data, CallerId callerId, long timeoutMs,
                            Map<String, String> variables, String channelId, String otherChannelId) {

    public OriginateSpec {
        callerId = callerId == null ? CallerId.UNKNOWN : callerId;
        variables = variables == null ? Map.of() : variables;
    }
}
