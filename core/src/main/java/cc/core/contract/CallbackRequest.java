package cc.core.contract;

/**
 * A waiting caller chose to be called back instead of holding; the place in line is kept.
 *
 * @param callId the caller's channel Uniqueid
 * @param number the number to call back, empty for the caller ID the call came with
 */
public record CallbackRequest(String callId, String number) {
    public CallbackRequest {
        number = number == null ? "" : number;
    }
}
