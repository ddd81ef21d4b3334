package cc.core.app.telephony;

/**
 * Why an originate failed: Asterisk's OriginateResponse {@code Reason} codes (include/asterisk/frame.h
 * AST_CONTROL_*), the ones real Asterisk 22 sends.
 */
public enum OriginateFailure {
    /** Reason 0: no such extension, unknown channel technology, rejected before answer, ... */
    FAILED(0),
    /** Reason 1: hung up before answer. */
    HANGUP(1),
    /** Reason 3: rang until the timeout without an answer. */
    NO_ANSWER(3),
    /** Reason 5: the called party was busy. */
    BUSY(5),
    /** Reason 8: congestion (no circuit, trunk full). */
    CONGESTION(8);

    private final int asteriskReason;

    OriginateFailure(int asteriskReason) {
        this.asteriskReason = asteriskReason;
    }

    public int asteriskReason() {
        return asteriskReason;
    }

    /** The failure for Asterisk's reason code; unknown codes map to {@link #FAILED}. */
    public static OriginateFailure ofAsteriskReason(int reason) {
        for (OriginateFailure f : values()) {
            if (f.asteriskReason == reason) {
                return f;
            }
        }
        return FAILED;
    }
}
