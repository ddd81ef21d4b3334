package cc.core.domain.call;

import java.time.Instant;

/**
 * What happens to a call, normalised from whichever telephony platform carries it.
 * The engines see only these; no Asterisk event type crosses the telephony adapter.
 */
public sealed interface CallEvent
        permits CallEvent.CallStarted, CallEvent.CallRinging, CallEvent.CallAnswered, CallEvent.LegsBridged,
        CallEvent.LegUnbridged, CallEvent.DtmfReceived, CallEvent.VariableSet, CallEvent.CallerIdChanged,
        CallEvent.CallHungUp {

    /** The leg the event is about. */
    Leg leg();

    /** When the adapter received the event (the platform's clock is not trusted across servers). */
    Instant at();

    /**
     * A new channel appeared.
     *
     * @param callerNumber caller ID number, empty when the platform did not know it
     * @param callerName   caller ID name, empty when unknown
     * @param dialedNumber the extension the channel was created for (for an inbound call: the number dialled)
     * @param context      the dialplan context the channel started in
     */
    record CallStarted(Leg leg, Instant at, String callerNumber, String callerName, String dialedNumber,
                       String context) implements CallEvent {}

    /** The leg's phone is ringing (outbound legs) or the leg is being offered (inbound). */
    record CallRinging(Leg leg, Instant at) implements CallEvent {}

    /** The leg was answered. */
    record CallAnswered(Leg leg, Instant at) implements CallEvent {}

    /** The leg entered a bridge; {@code bridgeId} groups the legs that talk to each other. */
    record LegsBridged(Leg leg, Instant at, String bridgeId) implements CallEvent {}

    /** The leg left a bridge. */
    record LegUnbridged(Leg leg, Instant at, String bridgeId) implements CallEvent {}

    /** A DTMF digit ended on the leg (the digit as a one-character string: 0-9, *, #, A-D). */
    record DtmfReceived(Leg leg, Instant at, String digit) implements CallEvent {}

    /** A channel variable was set, by the dialplan or by an application such as AMD. */
    record VariableSet(Leg leg, Instant at, String name, String value) implements CallEvent {}

    /**
     * The leg's caller ID changed: Asterisk sets an originated channel's caller ID only after the channel exists, and
     * the dialplan may rewrite it ({@code Set(CALLERID(num)=...)}) at any time (trace ami-20).
     *
     * @param callerNumber the new caller ID number, empty when unknown
     * @param callerName   the new caller ID name, empty when unknown
     */
    record CallerIdChanged(Leg leg, Instant at, String callerNumber, String callerName) implements CallEvent {}

    /** The leg hung up, with the Q.850 cause (16 normal clearing, 17 busy, 19 no answer, 26 answered elsewhere...). */
    record CallHungUp(Leg leg, Instant at, int cause, String causeText) implements CallEvent {}
}
