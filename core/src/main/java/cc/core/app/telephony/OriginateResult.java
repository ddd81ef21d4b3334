package cc.core.app.telephony;

/** How an originated call ended its setup. */
public sealed interface OriginateResult permits OriginateResult.Answered, OriginateResult.Failed {

    /** The called party answered; the new channel is known by its name and Uniqueid. */
    record Answered(String channel, String uniqueId) implements OriginateResult {}

    /** The call was not answered, for the reason the platform gave. */
    record Failed(OriginateFailure reason, String detail) implements OriginateResult {}
}
