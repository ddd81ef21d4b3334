package cc.simulator;

/** A live channel as seen at one moment. {@code bridgeId} is empty when not bridged. */
public record ChannelSnapshot(String name, String uniqueid, String linkedid, int stateCode, String state,
                              String context, String exten, int priority, String application, String bridgeId,
                              String callerIdNum) {
}
