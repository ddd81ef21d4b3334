package cc.integration.lookup;

import cc.core.config.ConfigNode;
import cc.integration.lookup.domain.LookupDefinition;
import cc.integration.lookup.domain.UrlTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code config/lookups.yaml} (every key documented there): the lookups into other systems, and which of them the
 * pop shows within what budget. A bad value is refused naming the file and the key ({@code lookups[0].url}).
 *
 * @param lookups the configured lookups, by name in the order written
 * @param pop     the lookups shown on the agent's pop, and how long the pop waits for them
 */
public record LookupSettings(List<LookupDefinition> lookups, Pop pop) {

    /** @param show names of lookups on the pop; @param budget how long the pop waits for them at most */
    public record Pop(List<String> show, Duration budget) {
        public Pop {
            show = List.copyOf(show);
        }
    }

    public LookupSettings {
        lookups = List.copyOf(lookups);
    }

    public static LookupSettings none() {
        return new LookupSettings(List.of(), new Pop(List.of(), Duration.ofMillis(400)));
    }

    public Optional<LookupDefinition> find(String name) {
        return lookups.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** Reads the file; no file means no lookups. */
    public static LookupSettings load(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        ConfigNode root = ConfigNode.load(file);
        LookupSettings s = read(root);
        root.finish();
        return s;
    }

    public static LookupSettings read(ConfigNode root) {
        Map<String, LookupDefinition> byName = new LinkedHashMap<>();
        for (ConfigNode n : root.children("lookups")) {
            LookupDefinition d = lookup(n);
            if (byName.put(d.name(), d) != null) {
                throw n.error("name", "\"" + d.name() + "\" is configured twice");
            }
        }
        ConfigNode pop = root.child("pop");
        List<String> show = pop.strings("show", List.of());
        for (String name : show) {
            if (!byName.containsKey(name)) {
                throw pop.error("show", "names \"" + name + "\", which is not in lookups");
            }
        }
        Duration budget = pop.duration("budget", Duration.ofMillis(400));
        if (budget.toMillis() < 50 || budget.toMillis() > 5_000) {
            throw pop.error("budget", "must be from 50ms to 5s, was " + budget.toMillis() + "ms");
        }
        return new LookupSettings(new ArrayList<>(byName.values()), new Pop(show, budget));
    }

    private static LookupDefinition lookup(ConfigNode n) {
        String name = n.requiredString("name").trim();
        if (!name.matches("[a-z][a-z0-9_-]{0,39}")) {
            throw n.error("name", "must be 1 to 40 lower-case letters, digits, '-' or '_', starting with a letter, was \""
                    + name + "\"");
        }
        String url = n.requiredString("url").trim();
        if (!url.matches("https?://[^\\s/]+.*")) {
            throw n.error("url", "must be an http:// or https:// URL, was \"" + url + "\"");
        }
        Map<String, String> headerMap = new LinkedHashMap<>();
        for (ConfigNode h : n.children("headers")) {
            String header = h.requiredString("name").trim();
            if (!header.matches("[A-Za-z0-9-]+")) {
                throw h.error("name", "must be an HTTP header name, was \"" + header + "\"");
            }
            headerMap.put(header, h.requiredString("value"));
        }
        Duration timeout = n.duration("timeout", Duration.ofSeconds(2));
        if (timeout.toMillis() < 10 || timeout.toMinutes() > 1) {
            throw n.error("timeout", "must be from 10ms to 1m, was " + timeout.toMillis() + "ms");
        }
        ConfigNode cache = n.child("cache");
        Duration ttl = cache.duration("ttl", Duration.ofSeconds(60));
        int size = cache.integer("size", 10_000, 0, 10_000_000);
        ConfigNode cb = n.child("circuitBreaker");
        int window = cb.integer("window", 10, 1, 10_000);
        LookupDefinition.Circuit circuit = new LookupDefinition.Circuit(cb.integer("failureRate", 50, 1, 100),
                cb.integer("minimumCalls", 5, 1, 10_000), window, cb.duration("slowCall", timeout),
                cb.duration("openFor", Duration.ofSeconds(30)), cb.integer("halfOpenCalls", 2, 1, 100));
        if (circuit.openFor().isZero()) {
            throw cb.error("openFor", "must be more than 0s");
        }
        List<LookupDefinition.Field> fields = new ArrayList<>();
        for (ConfigNode f : n.children("fields")) {
            String key = f.requiredString("key").trim();
            String en = f.string("en", key);
            fields.add(new LookupDefinition.Field(key, en, f.string("fa", en)));
        }
        if (fields.isEmpty()) {
            throw n.error("fields", "must list at least one field to show");
        }
        return new LookupDefinition(name, labels(n.child("system"), "the " + name + " system"),
                labels(n.child("title"), name), new UrlTemplate(url), headerMap, n.string("rowsAt", "").trim(),
                n.integer("maxRows", 5, 1, 100), timeout, ttl, size, circuit, fields);
    }

    private static LookupDefinition.Labels labels(ConfigNode n, String fallback) {
        String en = n.string("en", fallback);
        return new LookupDefinition.Labels(en, n.string("fa", en));
    }
}
