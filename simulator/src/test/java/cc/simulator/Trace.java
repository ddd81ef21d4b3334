package cc.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A recorded trace file: TCP connections, each a list of timed wire lines in both directions. */
final class Trace {
    private static final Pattern LINE = Pattern.compile("^\\+\\s*([0-9.]+) ([<>*#])(?: (.*))?$");

    record Line(double time, char dir, String text) {
    }

    /** A message (AMI: header lines until the empty line) in one direction, with the time of its first line. */
    record Message(double time, char dir, List<String[]> headers) {
        String get(String key) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(key)) {
                    return h[1];
                }
            }
            return null;
        }

        List<String> keys() {
            List<String> k = new ArrayList<>();
            for (String[] h : headers) {
                k.add(h[0]);
            }
            return k;
        }
    }

    record Connection(String title, List<Line> lines) {
        /** AMI messages; the banner (first line from Asterisk, no empty line after it) is dropped. */
        List<Message> amiMessages() {
            List<Message> out = new ArrayList<>();
            List<String[]> cur = new ArrayList<>();
            double t = 0;
            char dir = 0;
            boolean bannerSeen = false;
            for (Line l : lines) {
                if (l.dir != '<' && l.dir != '>') {
                    continue;
                }
                if (l.dir == '<' && !bannerSeen && l.text.startsWith("Asterisk Call Manager")) {
                    bannerSeen = true;
                    continue;
                }
                if (l.text.isEmpty()) {
                    if (!cur.isEmpty()) {
                        out.add(new Message(t, dir, cur));
                        cur = new ArrayList<>();
                    }
                    continue;
                }
                if (cur.isEmpty()) {
                    t = l.time;
                    dir = l.dir;
                }
                int colon = l.text.indexOf(':');
                String key = colon < 0 ? l.text : l.text.substring(0, colon);
                String value = colon < 0 ? "" : l.text.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                cur.add(new String[] {key, value});
            }
            return out;
        }

        boolean closedByAsterisk() {
            for (Line l : lines) {
                if (l.dir == '*' && l.text.contains("closed by Asterisk")) {
                    return true;
                }
            }
            return false;
        }

        double firstTime() {
            return lines.isEmpty() ? 0 : lines.get(0).time;
        }

        double lastTime() {
            return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).time;
        }
    }

    final String name;
    final List<Connection> connections;

    private Trace(String name, List<Connection> connections) {
        this.name = name;
        this.connections = connections;
    }

    static Trace load(String name) {
        try (InputStream in = Trace.class.getResourceAsStream("/traces/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("trace not on the test classpath: " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Connection> conns = new ArrayList<>();
            List<Line> cur = new ArrayList<>();
            String title = "main";
            String s;
            while ((s = r.readLine()) != null) {
                if (s.startsWith("## ---- connection:")) {
                    if (!cur.isEmpty()) {
                        conns.add(new Connection(title, cur));
                    }
                    cur = new ArrayList<>();
                    title = s.substring("## ---- connection:".length()).replace("----", "").trim();
                    continue;
                }
                Matcher m = LINE.matcher(s);
                if (!m.matches()) {
                    continue;
                }
                char dir = m.group(2).charAt(0);
                String text = m.group(3) == null ? "" : m.group(3);
                double time = Double.parseDouble(m.group(1));
                if (dir == '*' && text.startsWith("(accepted FastAGI") && !cur.isEmpty()) {
                    conns.add(new Connection(title, cur));
                    cur = new ArrayList<>();
                }
                cur.add(new Line(time, dir, text));
            }
            if (!cur.isEmpty()) {
                conns.add(new Connection(title, cur));
            }
            return new Trace(name, conns);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
