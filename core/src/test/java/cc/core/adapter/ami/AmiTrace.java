package cc.core.adapter.ami;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded AMI trace (test resources {@code traces/ami-*.txt}, copied from the real Asterisk 22 recordings): the
 * client's actions, each with the lines Asterisk sent after it until the client's next action.
 */
final class AmiTrace {
    private static final Pattern LINE = Pattern.compile("^\\+\\s*[0-9.]+ ([<>*#])(?: (.*))?$");

    /** One action the recorder sent and what Asterisk answered (response and events) before the next one. */
    record Exchange(String connection, String action, String actionId, List<String> sent, List<String> received) {}

    private final String name;
    private final List<Exchange> exchanges;

    private AmiTrace(String name, List<Exchange> exchanges) {
        this.name = name;
        this.exchanges = List.copyOf(exchanges);
    }

    static AmiTrace load(String resource) {
        try (InputStream in = AmiTrace.class.getResourceAsStream("/traces/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no trace resource traces/" + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AmiTrace parse(String name, String text) {
        List<Exchange> out = new ArrayList<>();
        String connection = "main";
        List<String> sent = new ArrayList<>();
        List<String> received = new ArrayList<>();
        boolean sending = false;
        for (String raw : text.split("\r?\n", -1)) {
            if (raw.startsWith("## ---- connection:")) {
                flush(out, connection, sent, received);
                sent = new ArrayList<>();
                received = new ArrayList<>();
                connection = raw.substring("## ---- connection:".length()).replace("----", "").trim();
                continue;
            }
            Matcher m = LINE.matcher(raw);
            if (!m.matches()) {
                continue;
            }
            String dir = m.group(1);
            String line = m.group(2) == null ? "" : m.group(2);
            if (dir.equals(">")) {
                if (!sending) {
                    flush(out, connection, sent, received);
                    sent = new ArrayList<>();
                    received = new ArrayList<>();
                    sending = true;
                }
                sent.add(line);
            } else if (dir.equals("<")) {
                sending = false;
                received.add(line);
            }
        }
        flush(out, connection, sent, received);
        return new AmiTrace(name, out);
    }

    private static void flush(List<Exchange> out, String connection, List<String> sent, List<String> received) {
        if (sent.isEmpty()) {
            return;
        }
        String action = header(sent, "Action");
        out.add(new Exchange(connection, action == null ? "" : action, header(sent, "ActionID"), List.copyOf(sent),
                List.copyOf(received)));
    }

    static String header(List<String> lines, String key) {
        String prefix = key.toLowerCase(Locale.ROOT) + ":";
        for (String l : lines) {
            if (l.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return l.substring(prefix.length()).trim();
            }
        }
        return null;
    }

    String name() {
        return name;
    }

    List<Exchange> exchanges() {
        return exchanges;
    }

    /** The exchanges of one action name (case-insensitive), in trace order, optionally of one recorded connection. */
    List<Exchange> exchanges(String action) {
        List<Exchange> out = new ArrayList<>();
        for (Exchange e : exchanges) {
            if (e.action().equalsIgnoreCase(action)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first exchange with this recorded ActionID. */
    Exchange byActionId(String actionId) {
        for (Exchange e : exchanges) {
            if (actionId.equals(e.actionId())) {
                return e;
            }
        }
        throw new IllegalArgumentException(name + " has no action with ActionID " + actionId);
    }
}
