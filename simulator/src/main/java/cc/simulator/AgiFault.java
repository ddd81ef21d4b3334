package cc.simulator;

/**
 * Named failure of the FastAGI side (a control-plane instruction, nothing Asterisk itself would choose to do): at the
 * {@code atCommand}-th command of a caller's session (1 = the first), the simulated Asterisk misbehaves as a hung
 * process, a corrupting middlebox or a dropped link would. The channel itself stays up; when the socket ends the
 * dialplan goes on after {@code AGI()} as it does after any session.
 *
 * @param atCommand which command (counted from 1) meets the fault
 * @param kind      what happens then
 */
public record AgiFault(int atCommand, Kind kind) {

    public enum Kind {
        /** The command gets no reply, nor does anything after it: the session hangs until the server gives up. */
        SILENT,
        /** A line that is no AGI reply is written instead of the reply; nothing is answered after it. */
        GARBAGE,
        /** The socket is closed instead of replying (as a link cut mid-command). */
        DISCONNECT,
        /** The command is answered normally, then the socket is closed while the server works on its next step. */
        DISCONNECT_AFTER_REPLY
    }

    public AgiFault {
        if (atCommand < 1) {
            throw new IllegalArgumentException("atCommand counts from 1, was " + atCommand);
        }
        if (kind == null) {
            throw new IllegalArgumentException("a fault needs its kind");
        }
    }

    /** The line written for {@link Kind#GARBAGE}: neither a reply code nor HANGUP. */
    public static final String GARBAGE_LINE = "\u0007garbage \u00ff\u00fe no reply here";
}
