package cc.simulator;

import java.util.List;
import java.util.Map;

/**
 * How a simulated inbound call ended.
 *
 * @param reachedAgent the call was bridged to another channel at some point
 * @param abandoned the caller hung up because their patience ran out
 * @param agiStatus the last AGISTATUS set on the channel, null if AGI never ran
 * @param agiTranscript the FastAGI exchange, {@code > command} and {@code < reply} lines in order
 * @param variables the channel variables at hangup
 */
public record CallOutcome(String channel, String uniqueid, boolean answered, boolean reachedAgent, boolean abandoned,
                          int hangupCause, String agiStatus, List<String> agiTranscript, Map<String, String> variables) {
}
