package cc.core.contract;

/**
 * The reply to {@link CallControlRequest}.
 *
 * @param ok      whether the intent was carried out (or, for one that rings someone, started)
 * @param error   empty when ok; else a code: {@code no-such-call}, {@code not-your-call}, {@code bad-request},
 *                {@code bad-state} (e.g. resume a call that is not held), {@code agent-unavailable},
 *                {@code no-such-queue}, {@code number-refused} (dial rules; {@code message} says which rule),
 *                {@code telephony} (Asterisk refused or the link is down)
 * @param message a sentence for the user
 * @param state   the call's control state after the intent (or as it is, when refused); null for {@code no-such-call}
 */
public record CallControlReply(boolean ok, String error, String message, CallControlChanged state) {
    public static CallControlReply done(CallControlChanged state) {
        return new CallControlReply(true, "", "", state);
    }

    public static CallControlReply refused(String error, String message, CallControlChanged state) {
        return new CallControlReply(false, error, message, state);
    }
}
