package cc.simulator.dialplan;

/** One priority of an extension: an application and its raw argument string, as written in extensions.conf. */
public record Step(String app, String data) {

    /** Parses {@code App(data)} or a bare {@code App}. */
    public static Step parse(String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        if (open < 0) {
            return new Step(t, "");
        }
        if (!t.endsWith(")")) {
            throw new IllegalArgumentException("dialplan step without closing parenthesis: " + text);
        }
        return new Step(t.substring(0, open).trim(), t.substring(open + 1, t.length() - 1));
    }
}
