package cc.dialer.domain.pacing;

/** What became of a call a live person answered: the events the regulators count. */
public enum LiveOutcome {
    /** An agent was on the line within the allowed time after the greeting. */
    CONNECTED,
    /** No agent in time: the recorded message played and the call ended. */
    ABANDONED,
    /**
     * Answering-machine detection took a live person for a machine and the call was dropped or left a message.
     * Ofcom counts these as abandoned (from a reasoned estimate); the US rules do not measure them.
     */
    AMD_FALSE_POSITIVE
}
