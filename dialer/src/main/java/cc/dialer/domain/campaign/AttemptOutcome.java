package cc.dialer.domain.campaign;

/** How one dial attempt to a contact ended. */
public enum AttemptOutcome {
    /** A live person reached an agent; the contact is done unless a callback is booked. */
    CONNECTED,
    /** A live person answered but no agent was free in time. */
    ABANDONED,
    BUSY,
    NO_ANSWER,
    /** An answering machine or voicemail answered. */
    MACHINE,
    /** The network refused the call (invalid number, congestion). */
    FAILED
}
