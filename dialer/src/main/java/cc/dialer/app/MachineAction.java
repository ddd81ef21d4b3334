package cc.dialer.app;

import java.util.Locale;

/** What a campaign does when answering-machine detection hears a machine (the dialplan carries it out). */
public enum MachineAction {
    /** Hang up at once. */
    HANGUP,
    /** Play the campaign's machine message, then hang up. */
    MESSAGE,
    /** Hold the call for an agent like a live one (to leave a personal message); hung up when none is free in time. */
    AGENT;

    /** The value of {@code CC_MACHINE_ACTION} that {@code config/asterisk/dialer.conf} tests. */
    public String dialplanValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
