package cc.core.contract;

import java.time.Instant;

/**
 * A caller pressed keys at an IVR node (a menu choice, an account number, a language choice): the keys belong to the
 * node where they were pressed, which the interaction's IVR path shows.
 *
 * @param uniqueId the caller's channel Uniqueid
 * @param flow     the flow's name
 * @param node     the node the keys were pressed at
 * @param input    the keys, as the caller pressed them (without the terminating {@code #})
 * @param at       when the input was complete
 */
public record IvrInputGiven(String uniqueId, String flow, String node, String input, Instant at) {}
