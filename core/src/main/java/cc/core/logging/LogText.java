package cc.core.logging;

/**
 * Text from outside (a FastAGI peer's line, a header) made safe to put in a log line: control characters, lone
 * surrogates and the like written as {@code \\uXXXX}, so a peer cannot forge log lines with a newline or break the
 * log's encoding, and cut at {@link #MAX} characters.
 *
 * <p>Why: the FastAGI fuzzing wrote thousands of such lines raw, and a test run's output stream once lost its framing
 * after them.
 */
public final class LogText {
    public static final int MAX = 300;

    private LogText() {
    }

    public static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 16);
        int n = Math.min(text.length(), MAX);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairedHigh) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFD'
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.UNASSIGNED) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > MAX) {
            out.append("...(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
