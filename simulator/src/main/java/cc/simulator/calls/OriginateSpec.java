package cc.simulator.calls;

import java.util.Map;

/**
 * An Originate as the AMI action describes it. Either {@code application} (with {@code data}) or
 * {@code context}/{@code exten}/{@code priority} says where the answered channel goes. {@code channelId} and
 * {@code otherChannelId}, when given, are the uniqueids of the channel (Local {@code ;1}) and of the Local
 * {@code ;2}, as the AMI ChannelId/OtherChannelId headers ask.
 */
public record OriginateSpec(String channel, String context, String exten, int priority, String application,
                            String data, String callerIdNum, String callerIdName, long timeoutMs,
                            Map<String, String> variables, String channelId, String otherChannelId) {

    /** Parses {@code "Name" <number>}, {@code Name <number>} or a bare number; null when absent. */
    public static String[] parseCallerId(String callerId) {
        if (callerId == null || callerId.isBlank()) {
            return null;
        }
        String s = callerId.trim();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String num = s.substring(lt + 1, gt).trim();
            String name = s.substring(0, lt).trim();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                name = name.substring(1, name.length() - 1);
            }
            return new String[] {num, name};
        }
        return new String[] {s, ""};
    }
}
