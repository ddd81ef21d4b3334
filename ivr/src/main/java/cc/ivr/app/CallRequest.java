package cc.ivr.app;

import java.util.List;
import java.util.Map;

/**
 * A call arriving at the IVR, as the FastAGI request described it.
 *
 * @param uniqueId   the channel Uniqueid
 * @param channel    the channel name
 * @param callerId   the caller's number
 * @param callerName the caller's name as presented
 * @param flow       the flow asked for (the request path)
 * @param language   the language asked for ({@code lang} query parameter, else the channel's language)
 * @param parameters the request's query parameters
 * @param arguments  the dialplan's AGI arguments, in order
 * @param extension  the dialled extension
 */
public record CallRequest(String uniqueId, String channel, String callerId, String callerName, String flow,
                          String language, Map<String, String> parameters, List<String> arguments,
                          String extension) {
    public CallRequest {
        parameters = Map.copyOf(parameters);
        arguments = List.copyOf(arguments);
    }
}
