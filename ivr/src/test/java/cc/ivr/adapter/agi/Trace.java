package cc.ivr.adapter.agi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A recorded FastAGI trace (see the traces' README): the first connection's lines, by direction. */
public final class Trace {
    record Line(boolean fromAsterisk, String text) {}

    private final List<Line> lines = new ArrayList<>();

    public static Trace load(String name) {
        try (InputStream in = Trace.class.getResourceAsStream("/traces/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no trace " + name);
            }
            Trace t = new Trace();
            boolean started = false;
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (raw.startsWith("## ---- ")) {
                    if (started) {
                        break;
                    }
                    continue;
                }
                if (!raw.startsWith("+")) {
                    continue;
                }
                // "+   0.000 < text": time, then direction, then one space, then the wire text (trailing spaces kept)
                String rest = raw.substring(1).stripLeading();
                int sp = rest.indexOf(' ');
                String dirAndText = rest.substring(sp + 1);
                char dir = dirAndText.charAt(0);
                if (dir != '<' && dir != '>') {
                    continue;
                }
                started = true;
                String text = dirAndText.length() > 1 ? dirAndText.substring(2) : "";
                t.lines.add(new Line(dir == '<', text));
            }
            return t;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The environment block, ending with its empty line. */
    public List<String> environment() {
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            out.add(l.text);
            if (l.text.isEmpty()) {
                return out;
            }
        }
        throw new IllegalStateException("trace has no environment block");
    }

    /** The lines Asterisk sent after the first command starting with {@code command}, up to the next command. */
    public List<String> replyTo(String command) {
        return reply(command, false);
    }

    /** As {@link #replyTo} for the command exactly as written (no arguments). */
    public List<String> replyToExactly(String command) {
        return reply(command, true);
    }

    private List<String> reply(String command, boolean exact) {
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!l.fromAsterisk && (exact ? l.text.equals(command) : l.text.startsWith(command))) {
                List<String> out = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && lines.get(j).fromAsterisk; j++) {
                    out.add(lines.get(j).text);
                }
                return out;
            }
        }
        throw new IllegalArgumentException("trace has no command " + command);
    }
}
