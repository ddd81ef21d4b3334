package cc.dialer.domain.clicktotalk;

import java.util.Locale;

/**
 * Where a click-to-talk request stands; the wire names are those of {@code ClickToTalkStatus}. A request moves
 * scheduled → dialling → confirming → waiting → connected, or ends unconfirmed, not-reached, abandoned (hung up while
 * waiting for an agent), cancelled or refused. In a "ring the agent first" queue: scheduled → dialling (handed to the
 * ACD) → waiting (for a free agent, keeping its place) → ringing-agent → calling-customer (the agent answered; the
 * agent's phone calls the customer, who must press 1) → connected, or declined (answered, no 1) or not-reached.
 */
public enum CallMeState {
    SCHEDULED, DIALLING, CONFIRMING, WAITING, CONNECTED, UNCONFIRMED, NOT_REACHED, ABANDONED, CANCELLED, REFUSED,
    RINGING_AGENT, CALLING_CUSTOMER, DECLINED;

    /** The contract's name: {@code not-reached}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CallMeState fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** A call to the customer's number exists in this state (dialled, answered, queued or with an agent). */
    public boolean onCall() {
        return this == DIALLING || this == CONFIRMING || this == WAITING || this == CONNECTED
                || this == RINGING_AGENT || this == CALLING_CUSTOMER;
    }

    /** Nothing more will happen to the request (connected counts: the customer reached an agent). */
    public boolean done() {
        return this == CONNECTED || this == UNCONFIRMED || this == NOT_REACHED || this == ABANDONED
                || this == CANCELLED || this == REFUSED || this == DECLINED;
    }
}
