package cc.core.contract;

import java.time.Instant;

/**
 * A caller entered an IVR node.
 *
 * @param uniqueId the caller's channel Uniqueid (from {@code agi_uniqueid})
 * @param channel  the caller's channel name
 * @param flow     the flow's name
 * @param node     the node's id in the flow
 * @param at       when
 */
public record IvrStepEntered(String uniqueId, String channel, String flow, String node, Instant at) {}
