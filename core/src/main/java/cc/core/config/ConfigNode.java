package cc.core.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of a YAML configuration file, read by key.
 *
 * <p>Every getter names the file and the dotted key path in its error. Keys are marked as read; {@link #finish()}
 * refuses keys nobody read (typos, keys of another version). Strings may refer to environment variables as
 * {@code ${NAME}}, {@code ${env:NAME}} or {@code ${NAME:-default}}, and to a file's content as
 * {@code ${file:/run/secrets/ami}} (a container's or systemd's secret file; one trailing line break dropped), so
 * secrets stay out of the file. Errors name the variable or file, never a value.
 *
 * <p>Not thread-safe; configuration is read once, at start.
 */
public final class ConfigNode {
    private static final Pattern ENV_REF = Pattern.compile(
            "\\$\\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}|\\$\\{file:([^}]+)}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final String file;
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();
    private final Function<String, String> env;
    private final List<ConfigNode> children = new ArrayList<>();

    private ConfigNode(String file, String path, Map<String, Object> values, Function<String, String> env) {
        this.file = file;
        this.path = path;
        this.values = values;
        this.env = env;
    }

    /** Reads a YAML file; an empty file is an empty mapping. */
    public static ConfigNode load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), r, System::getenv);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
    }

    /** Reads YAML from a classpath resource (the embedded defaults). */
    public static ConfigNode loadResource(String resource) {
        InputStream in = ConfigNode.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new ConfigException("classpath:" + resource + ": not found");
        }
        try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse("classpath:" + resource, r, System::getenv);
        } catch (IOException e) {
            throw new ConfigException("classpath:" + resource + ": cannot be read: " + e.getMessage());
        }
    }

    /** Parses YAML text; {@code env} resolves {@code ${NAME}} references (tests pass their own). */
    public static ConfigNode parse(String fileName, String yaml, Function<String, String> env) {
        return parse(fileName, new StringReader(yaml), env);
    }

    @SuppressWarnings("unchecked")
    private static ConfigNode parse(String fileName, Reader reader, Function<String, String> env) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(strict())).load(reader);
        } catch (YAMLException e) {
            throw new ConfigException(fileName + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (root == null) {
            return new ConfigNode(fileName, "", new LinkedHashMap<>(), env);
        }
        if (!(root instanceof Map)) {
            throw new ConfigException(fileName + ": the top level must be a mapping of keys");
        }
        return new ConfigNode(fileName, "", (Map<String, Object>) root, env);
    }

    /**
     * SnakeYAML's options with duplicate keys refused: by default the second {@code port:} silently replaced the
     * first with only a log line (found by fuzzing the shipped files), so a pasted block could change a server
     * without anyone seeing it. Public so every YAML reader of ours (flows too) refuses them the same way.
     */
    public static LoaderOptions strict() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /** The file this node came from, for messages of callers that validate further. */
    public String file() {
        return file;
    }

    /** The dotted path of a key under this node, e.g. {@code asterisk.servers[0].port}. */
    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An error about a key of this node, naming the file and the key. */
    public ConfigException error(String key, String problem) {
        return new ConfigException(file + ": " + keyPath(key) + ": " + problem);
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    public String string(String key, String defaultValue) {
        return optionalString(key).orElse(defaultValue);
    }

    public String requiredString(String key) {
        return optionalString(key).orElseThrow(() -> error(key, "is required"));
    }

    public Optional<String> optionalString(String key) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            throw error(key, "must be a single value, not a " + (v instanceof Map ? "mapping" : "list"));
        }
        return Optional.of(resolveEnv(key, String.valueOf(v)));
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> s = optionalString(key);
        if (s.isEmpty()) {
            return defaultValue;
        }
        int v;
        try {
            v = Integer.parseInt(s.get().trim());
        } catch (NumberFormatException e) {
            throw error(key, "must be a whole number from " + min + " to " + max + ", was \"" + s.get() + "\"");
        }
        if (v < min || v > max) {
            throw error(key, "must be from " + min + " to " + max + ", was " + v);
        }
        return v;
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        Optional<String> s = optionalString(key);
        if (s.isEmpty()) {
            return defaultValue;
        }
        double v;
        try {
            v = Double.parseDouble(s.get().trim());
        } catch (NumberFormatException e) {
            throw error(key, "must be a number from " + min + " to " + max + ", was \"" + s.get() + "\"");
        }
        if (v < min || v > max || Double.isNaN(v)) {
            throw error(key, "must be from " + min + " to " + max + ", was " + v);
        }
        return v;
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> s = optionalString(key);
        if (s.isEmpty()) {
            return defaultValue;
        }
        switch (s.get().trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on":
                return true;
            case "false": case "no": case "off":
                return false;
            default:
                throw error(key, "must be true or false, was \"" + s.get() + "\"");
        }
    }

    /** A duration written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    public Duration duration(String key, Duration defaultValue) {
        Optional<String> s = optionalString(key);
        if (s.isEmpty()) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(s.get().trim());
        if (!m.matches()) {
            throw error(key, "must be a duration such as 500ms, 30s, 5m, 2h or 1d, was \"" + s.get() + "\"");
        }
        try {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms": return Duration.ofMillis(n);
                case "s": return Duration.ofSeconds(n);
                case "m": return Duration.ofMinutes(n);
                case "h": return Duration.ofHours(n);
                default: return Duration.ofDays(n);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // more digits than a long holds, or more days than a Duration does (found by fuzzing): a bare
            // NumberFormatException stopped the server without naming the file or the key
            throw error(key, "is too long a duration, was \"" + s.get() + "\"");
        }
    }

    /** One of the allowed words (case-insensitive), returned in lower case. */
    public String oneOf(String key, String defaultValue, List<String> allowed) {
        String v = string(key, defaultValue).toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw error(key, "must be one of " + allowed + ", was \"" + v + "\"");
        }
        return v;
    }

    /** A nested mapping; an absent key gives an empty node, so defaults apply. */
    @SuppressWarnings("unchecked")
    public ConfigNode child(String key) {
        read.add(key);
        Object v = values.get(key);
        Map<String, Object> map;
        if (v == null) {
            map = new LinkedHashMap<>();
        } else if (v instanceof Map) {
            map = (Map<String, Object>) v;
        } else {
            throw error(key, "must be a mapping of keys");
        }
        ConfigNode c = new ConfigNode(file, keyPath(key), map, env);
        children.add(c);
        return c;
    }

    /** A list of mappings; absent gives an empty list. */
    @SuppressWarnings("unchecked")
    public List<ConfigNode> children(String key) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List)) {
            throw error(key, "must be a list");
        }
        List<ConfigNode> out = new ArrayList<>();
        List<Object> items = (List<Object>) v;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String itemPath = keyPath(key) + "[" + i + "]";
            if (!(item instanceof Map)) {
                throw new ConfigException(file + ": " + itemPath + ": must be a mapping of keys");
            }
            ConfigNode c = new ConfigNode(file, itemPath, (Map<String, Object>) item, env);
            children.add(c);
            out.add(c);
        }
        return out;
    }

    /** A list of single values; absent gives the default. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String key, List<String> defaultValue) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof List)) {
            throw error(key, "must be a list");
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) v) {
            if (o instanceof Map || o instanceof List) {
                throw error(key, "must be a list of single values");
            }
            out.add(resolveEnv(key, String.valueOf(o)));
        }
        return List.copyOf(out);
    }

    /**
     * Refuses keys nobody read, here and in every child read so far. Call once the whole file has been read.
     */
    public void finish() {
        // YAML keys need not be strings ("? " alone is a null key, "1: x" a number): found by ServerConfigFuzzTest
        for (Object k : values.keySet()) {
            String key = String.valueOf(k);
            if (!(k instanceof String) || !read.contains(key)) {
                throw error(key, "is not a known key" + suggestion(key));
            }
        }
        for (ConfigNode c : children) {
            c.finish();
        }
    }

    private String suggestion(String key) {
        String best = null;
        int bestDistance = 3;
        for (String known : read) {
            int d = distance(key.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private String resolveEnv(String key, String raw) {
        Matcher m = ENV_REF.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(3) != null) {
                value = fileContent(key, m.group(3).strip());
            } else {
                value = env.apply(m.group(1));
                if (value == null) {
                    if (m.group(2) == null) {
                        throw error(key, "refers to environment variable " + m.group(1) + ", which is not set");
                    }
                    value = m.group(2);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String fileContent(String key, String file) {
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            // echo "secret" > file leaves a line break nobody means as part of the secret
            if (text.endsWith("\r\n")) {
                return text.substring(0, text.length() - 2);
            }
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw error(key, "refers to file " + file + ", which cannot be read (" + e.getClass().getSimpleName()
                    + ")");
        }
    }
}
