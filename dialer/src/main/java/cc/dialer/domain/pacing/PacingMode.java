package cc.dialer.domain.pacing;

/** How a campaign decides when to dial. */
public enum PacingMode {
    /** The agent sees the record first and dials it; the pacer never dials. */
    PREVIEW,
    /** One line per free agent: no call is ever abandoned, agents wait through every unanswered ring. */
    PROGRESSIVE,
    /** Lines dialled ahead of agents becoming free, from the estimates, under the abandon limit. */
    PREDICTIVE
}
