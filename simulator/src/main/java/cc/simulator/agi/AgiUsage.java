package cc.simulator.agi;

import java.util.Map;

/** The usage text Asterisk 22 prints inside a 520 reply (still with its documentation markup). */
final class AgiUsage {
    private static final Map<String, String> USAGE = Map.of(
        "WAIT FOR DIGIT", "Waits up to <replaceable>timeout</replaceable> milliseconds for channel to receive a DTMF digit. Returns <literal>-1</literal> on channel failure, <literal>0</literal> if no digit is received in the timeout, or the numerical value of the ascii of the digit if one is received. Use <literal>-1</literal> for the <replaceable>timeout</replaceable> value if you desire the call to block indefinitely.",
        "SAY NUMBER", "Say a given number, returning early if any of the given DTMF digits are received on the channel.  Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed or <literal>-1</literal> on error/hangup.",
        "GET DATA", "Stream the given <replaceable>file</replaceable>, and receive DTMF data.\nReturns the digits received from the channel at the other end.",
        "STREAM FILE", "Send the given file, allowing playback to be interrupted by the given digits, if any. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed, or <literal>-1</literal> on error or if the channel was disconnected. If musiconhold is playing before calling stream file it will be automatically stopped and will not be restarted after completion.\nIt sets the following channel variables upon completion:\n<variable>PLAYBACKSTATUS</variable>: The status of the playback attempt as a text string.\n    <value>SUCCESS</value>\n    <value>FAILED</value>",
        "SET VARIABLE", "Sets a variable to the current channel.",
        "SAY DIGITS", "Say a given digit string, returning early if any of the given DTMF digits are received on the channel. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed or <literal>-1</literal> on error/hangup.",
        "GET VARIABLE", "Returns <literal>0</literal> if <replaceable>variablename</replaceable> is not set. Returns <literal>1</literal> if <replaceable>variablename</replaceable> is set and returns the variable in parentheses.",
        "EXEC", "Executes <replaceable>application</replaceable> with given <replaceable>options</replaceable>.");

    private AgiUsage() {
    }

    static String reply(String command) {
        String usage = USAGE.getOrDefault(command, "Usage: " + command);
        return "520-Invalid command syntax.  Proper usage follows:\n" + usage + "\n520 End of proper usage.";
    }
}
