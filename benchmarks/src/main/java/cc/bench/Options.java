package cc.bench;

import java.util.HashMap;
import java.util.Map;

/** The benchmark programs' command-line options: {@code --name value} pairs. */
public final class Options {
    private Options() {}

    /** The options by name (without the dashes); a bare word where a name belongs is refused. */
    public static Map<String, String> parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }
}
