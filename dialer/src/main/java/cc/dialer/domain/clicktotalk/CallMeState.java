package cc.dialer.domain.clicktotalk;

import java.util.Locale;

/**
 * Where a click-to-talk request stands; the wire names are those of {@code ClickToTalkStatus}. A request moves
 * scheduled → dialling → confirming → waiting → connected, or ends unconfirmed, not-reached, abandoned (hung up while
 * waiting for an agent), cancelled or refused.
 */
public enum CallMeState {
    SCHEDULED, DIALLING, CONFIRMING, WAITING, CONNECTED, UNCONFIRMED, NOT_REACHED, ABANDONED, CANCELLED, REFUSED;

    /** The contract's name: {@code not-reached}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CallMeState fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** A call to the customer's number exists in this state (dialled, answered, queued or with an agent). */
    public boolean onCall() {
        return this == DIALLING || this == CONFIRMING || this == WAITING || this == CONNECTED;
    }

    /** Nothing more will happen to the request (connected counts: the customer reached an agent). */
    public boolean done() {
        return this == CONNECTED || this == UNCONFIRMED || this == NOT_REACHED || this == ABANDONED
                || this == CANCELLED || this == REFUSED;
    }
}
