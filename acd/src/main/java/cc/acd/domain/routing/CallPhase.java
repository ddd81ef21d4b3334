package cc.acd.domain.routing;

/** Where a caller is in the ACD. */
public enum CallPhase {
    /** A callback whose time has not come. */
    SCHEDULED,
    /** In line (on the phone, or as a virtual caller holding a callback's place). */
    WAITING,
    /** An agent's phone is ringing with this caller. */
    OFFERED,
    /** An agent is reserved while the callback is placed. */
    RESERVED,
    /** Talking with the agent. */
    CONNECTED
}
