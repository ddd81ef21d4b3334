package cc.dialer.app;

/** What a campaign does when answering-machine detection hears a machine (the dialplan carries it out). */
public enum MachineAction {
    /** Hang up at once. */
    HANGUP,
    /** Play the campaign's machine message, then hang up. */
    MESSAGE;

    /** The value of {@code CC_MACHINE_ACTION} that {@code config/asterisk/dialer.conf} tests. */
    public String dialplanValue() {
        return this == HANGUP ? "hangup" : "message";
    }
}
