package cc.core.app.telephony;

/** A telephony command was refused or could not be sent; the message says which server and why. */
public class TelephonyException extends RuntimeException {
    /** What kind of failure: the engines react differently to each. */
    public enum Kind { NOT_CONNECTED, NO_SUCH_CHANNEL, REFUSED, TIMEOUT }

    private final Kind kind;

    public TelephonyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
