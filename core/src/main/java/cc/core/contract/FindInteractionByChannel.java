package cc.core.contract;

/**
 * Asks core's recorder for the open interaction of the call that carries this channel (for example the caller's
 * channel named in a {@link CallOffered}). Replied with {@link InteractionFound}, or failed with 404.
 *
 * @param uniqueId a channel Uniqueid of the call
 */
public record FindInteractionByChannel(String uniqueId) {}
