package cc.core.domain.call;

import java.time.Instant;

/** The state of the control link to one telephony server. */
public sealed interface LinkEvent permits LinkEvent.LinkUp, LinkEvent.LinkDown, LinkEvent.LinkResynced {

    String server();

    Instant at();

    /** Logged in; events flow. */
    record LinkUp(String server, Instant at) implements LinkEvent {}

    /** The link dropped; the adapter is reconnecting. Calls in progress are kept, not ended. */
    record LinkDown(String server, Instant at, String reason) implements LinkEvent {}

    /**
     * After a reconnect the adapter listed the live channels and brought its view up to date: it has already
     * emitted {@link CallEvent.CallHungUp} for the legs that ended while the link was down and
     * {@link CallEvent.CallStarted} for the ones that began, so consumers need not act on this; it is for
     * logs, metrics and health.
     */
    record LinkResynced(String server, Instant at, int liveLegs, int endedWhileDown, int startedWhileDown)
            implements LinkEvent {}
}
