package cc.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The security review's access table, read from {@code agent-console/README.md} ("## Access table"): one row per
 * route of the server's HTTP router and one per live message type, each with its rule and the tests that prove it.
 * Tests compare it with what the code registers, so an endpoint or message nobody wrote a rule for fails the build.
 *
 * <p>A route row: {@code | METHOD | path | rule | who may call | proved by |}, the method and path exactly as the router
 * lists them ({@code *} for a route taking every method, {@code DELETE,GET} for several), the rule one of
 * {@link #RULES}. A message row: {@code | channel | in or out | type | who | proved by |}. "Proved by" names tests as
 * {@code Class#method}, several separated by commas.
 */
public final class AccessTable {
    /**
     * {@code public}: no sign-in; {@code signed-in}: any signed-in user; {@code own}: signed in, and an agent only on
     * what is theirs (their calls, chats, cases, records; checked by the handler); {@code supervisor}: supervisors and
     * admins; {@code admin}: admins; {@code api-key}: a back-office API key with the scope in "who"; {@code filter}: not
     * an endpoint but a step every matching request passes (headers, body limits, the sign-in check, 404).
     */
    public static final Set<String> RULES = Set.of("public", "signed-in", "own", "supervisor", "admin", "api-key",
            "filter");

    public record Route(String method, String path, String rule, String who, List<String> tests) {
        public String key() {
            return method + " " + path;
        }

        /** Whether a browser's cookie authenticates it (so CSRF applies to changes). */
        public boolean session() {
            return Set.of("signed-in", "own", "supervisor", "admin").contains(rule);
        }

        public boolean change() {
            return Set.of("POST", "PUT", "DELETE", "PATCH").contains(method);
        }
    }

    public record Message(String channel, String direction, String type, String who, List<String> tests) {
        public String key() {
            return channel + " " + direction + " " + type;
        }
    }

    private static final Pattern TEST = Pattern.compile("([A-Z][A-Za-z0-9_]*)#([a-z][A-Za-z0-9_]*)");

    private final Map<String, Route> routes;
    private final Map<String, Message> messages;

    private AccessTable(Map<String, Route> routes, Map<String, Message> messages) {
        this.routes = routes;
        this.messages = messages;
    }

    /** The repository's root, found upwards from the working directory (a module's directory under Maven). */
    public static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("agent-console/README.md"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no agent-console/README.md above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    public static AccessTable read() {
        return parse(readString(repositoryRoot().resolve("agent-console/README.md")));
    }

    static AccessTable parse(String readme) {
        int start = readme.indexOf("\n## Access table");
        if (start < 0) {
            throw new IllegalStateException("agent-console/README.md has no '## Access table' section");
        }
        int end = readme.indexOf("\n## ", start + 5);
        String section = end < 0 ? readme.substring(start) : readme.substring(start, end);
        Map<String, Route> routes = new TreeMap<>();
        Map<String, Message> messages = new TreeMap<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("|") || line.startsWith("| ---") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("(?<!\\\\)\\|", -1);
            if (cells.length != 5) {
                throw new IllegalStateException("access table row needs 5 cells: " + line);
            }
            String a = cell(cells[0]);
            String b = cell(cells[1]);
            if (a.equals("method") || a.equals("channel")) {
                continue;
            }
            List<String> tests = tests(cells[4]);
            if (b.equals("in") || b.equals("out")) {
                Message m = new Message(a, b, cell(cells[2]), cell(cells[3]), tests);
                if (messages.put(m.key(), m) != null) {
                    throw new IllegalStateException("two rows for message " + m.key());
                }
            } else {
                String rule = cell(cells[2]);
                if (!RULES.contains(rule)) {
                    throw new IllegalStateException("row " + a + " " + b + ": rule '" + rule + "' is not one of "
                            + RULES);
                }
                Route r = new Route(a, b, rule, cell(cells[3]), tests);
                if (routes.put(r.key(), r) != null) {
                    throw new IllegalStateException("two rows for route " + r.key());
                }
            }
        }
        return new AccessTable(routes, messages);
    }

    private static String cell(String raw) {
        return raw.strip().replace("\\|", "|").replace("`", "");
    }

    private static List<String> tests(String raw) {
        List<String> out = new ArrayList<>();
        Matcher m = TEST.matcher(raw);
        while (m.find()) {
            out.add(m.group(1) + "#" + m.group(2));
        }
        return out;
    }

    public Map<String, Route> routes() {
        return routes;
    }

    public Map<String, Message> messages() {
        return messages;
    }

    public Optional<Route> route(String key) {
        return Optional.ofNullable(routes.get(key));
    }

    /**
     * The tests the table names that do not exist: no {@code Class.java} under any module's {@code src/test/java}, or
     * no method of that name declared in it. A row proved by nothing is listed too, as {@code "<row>: no test"}.
     */
    public List<String> missingTests() {
        Path root = repositoryRoot();
        Map<String, List<Path>> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root, 12)) {
            files.filter(f -> f.toString().contains("/src/test/java/") && f.toString().endsWith(".java")
                            && !f.toString().contains("/target/"))
                    .forEach(f -> classes.computeIfAbsent(f.getFileName().toString().replace(".java", ""),
                            k -> new ArrayList<>()).add(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = new ArrayList<>();
        Map<String, List<String>> named = new TreeMap<>();
        routes.values().forEach(r -> named.put(r.key(), r.tests()));
        messages.values().forEach(m -> named.put(m.key(), m.tests()));
        for (var row : named.entrySet()) {
            if (row.getValue().isEmpty()) {
                missing.add(row.getKey() + ": no test");
            }
            for (String t : row.getValue()) {
                String cls = t.substring(0, t.indexOf('#'));
                String method = t.substring(t.indexOf('#') + 1);
                Pattern declared = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(");
                boolean found = classes.getOrDefault(cls, List.of()).stream()
                        .anyMatch(f -> declared.matcher(readString(f)).find());
                if (!found) {
                    missing.add(row.getKey() + ": " + t);
                }
            }
        }
        return missing;
    }

    private static String readString(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path with its parameters filled in ({@code :id} becomes {@code x1}), and {@code *} becoming {@code x}. */
    public static String concrete(String path) {
        return path.replaceAll(":[A-Za-z]+", "x1").replace("*", "x");
    }
}
