package cc.core.domain.interaction;

import java.util.Locale;

/** What a caller was doing during one part of a contact. */
public enum SegmentKind {
    /** In an IVR flow (self-service or on the way to a queue). */
    IVR,
    /** Waiting in an ACD queue (or holding a place as a callback). */
    QUEUE,
    /** An agent's phone rang with the call. */
    OFFER,
    /** The caller and an agent were connected. */
    TALK,
    /** The agent put the caller on hold. */
    HOLD,
    /** An agent transferred the caller (to an agent, a queue or a number). */
    TRANSFER,
    /** The caller was in a conference with more than one agent or party. */
    CONFERENCE,
    /** The dialer found no agent in time for a live answer and played the abandon message. */
    ABANDON_MESSAGE,
    /** The agent wrapped the call up after it ended. */
    WRAP_UP,
    /**
     * The ACD's score rules acted on the caller as it entered (an instant: it starts and ends together); queue is where
     * the caller went, detail what each matching rule saw and did.
     */
    ROUTING;

    /** The name stored and shown: {@code ivr}, {@code wrap-up}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SegmentKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
