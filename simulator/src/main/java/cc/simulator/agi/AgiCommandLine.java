package cc.simulator.agi;

import java.util.ArrayList;
import java.util.List;

/** Splits an AGI command line the way Asterisk's parse_args does: whitespace, double quotes, backslash escapes. */
public final class AgiCommandLine {
    private AgiCommandLine() {
    }

    public static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        boolean inToken = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escaped) {
                cur.append(c);
                escaped = false;
                inToken = true;
                continue;
            }
            if (c == '\\') {
                escaped = true;
                inToken = true;
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
                inToken = true;
                continue;
            }
            if (!quoted && (c == ' ' || c == '\t')) {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
                continue;
            }
            cur.append(c);
            inToken = true;
        }
        if (inToken) {
            out.add(cur.toString());
        }
        return out;
    }
}
