package cc.ivr.adapter.yaml;

import cc.ivr.domain.flow.Checksum;
import cc.ivr.domain.flow.Flow;
import cc.ivr.domain.flow.FlowValidator;
import cc.ivr.domain.flow.Node;
import cc.ivr.domain.flow.Prompt;
import cc.ivr.domain.speech.Currency;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one flow from YAML (the keys are documented in {@code config/ivr/README.md}). Every problem is collected, not
 * just the first, each as {@code <file>: node '<id>': <what>}; a flow with any problem is refused as a whole.
 *
 * <p>Threading: stateless; safe from any thread.
 */
public final class YamlFlowLoader {

    public Flow load(String fileName, String text) throws FlowConfigException {
        try {
            return read(fileName, text);
        } catch (FlowConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            // a top-level key of the wrong shape (timezone: [..], found by FlowYamlFuzzTest) or any other slip:
            // the flow is refused with the file named, never with a bare exception
            throw new FlowConfigException(List.of(fileName + ": " + e.getMessage()));
        }
    }

    private Flow read(String fileName, String text) throws FlowConfigException {
        String name = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5)
                : fileName.endsWith(".yml") ? fileName.substring(0, fileName.length() - 4) : fileName;
        List<String> problems = new ArrayList<>();
        Object root;
        try {
            root = new Yaml(new SafeConstructor(cc.core.config.ConfigNode.strict())).load(text);
        } catch (RuntimeException e) {
            throw new FlowConfigException(List.of(fileName + ": not valid YAML: " + e.getMessage()));
        }
        if (!(root instanceof Map)) {
            throw new FlowConfigException(List.of(fileName + ": expected a mapping with languages, start and nodes"));
        }
        Keys top = new Keys(fileName + ": ", asMap(root), problems);
        List<String> languages = top.strings("languages", true);
        if (languages.isEmpty()) {
            problems.add(fileName + ": languages: at least one language is required");
            languages = List.of("en");
        }
        ZoneId zone = ZoneId.of("UTC");
        String zoneName = top.string("timezone", "UTC");
        try {
            zone = ZoneId.of(zoneName);
        } catch (RuntimeException e) {
            problems.add(fileName + ": timezone: unknown zone '" + zoneName + "'");
        }
        String start = top.string("start", "");
        if (start.isEmpty()) {
            problems.add(fileName + ": start: required");
        }
        Map<String, Object> nodesRaw = top.map("nodes");
        top.done();
        Map<String, Node> nodes = new LinkedHashMap<>();
        nodesRaw.forEach((id, raw) -> {
            Keys k = new Keys(fileName + ": node '" + id + "': ", raw instanceof Map ? asMap(raw) : Map.of(), problems);
            if (!(raw instanceof Map)) {
                problems.add(fileName + ": node '" + id + "': expected a mapping with a type");
                return;
            }
            try {
                Node n = node(id, k);
                nodes.put(id, n);
                k.done();
            } catch (RuntimeException e) {
                problems.add(k.where + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new FlowConfigException(problems);
        }
        Flow flow = new Flow(name, hash(text), languages, zone, start, nodes);
        for (String p : FlowValidator.problems(flow)) {
            problems.add(fileName + ": " + p);
        }
        if (!problems.isEmpty()) {
            throw new FlowConfigException(problems);
        }
        return flow;
    }

    private Node node(String id, Keys k) {
        String type = k.string("type", "");
        switch (type) {
            case "answer":
                return new Node.Answer(id, k.next());
            case "play":
                return new Node.Play(id, k.prompt("prompt"), k.next());
            case "menu":
                return new Node.Menu(id, k.prompt("prompt"), k.stringMap("choices"), k.duration("timeout", "5s"),
                        k.integer("retries", 2), k.prompt("invalid"), k.string("fallback", ""), k.string("set", ""));
            case "collect": {
                String p = k.string("pattern", "");
                Optional<Pattern> pattern = Optional.empty();
                if (!p.isEmpty()) {
                    try {
                        pattern = Optional.of(Pattern.compile(p));
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException("pattern: not a valid regular expression: "
                                + e.getDescription());
                    }
                }
                String cs = k.string("checksum", "");
                Optional<Checksum> checksum = cs.isEmpty() ? Optional.empty() : Optional.of(Checksum.parse(cs));
                String term = k.string("terminator", "#");
                if (term.length() > 1 || (!term.isEmpty() && "0123456789*#".indexOf(term.charAt(0)) < 0)) {
                    throw new IllegalArgumentException("terminator: one key of 0-9, * or #, or empty");
                }
                return new Node.Collect(id, k.prompt("prompt"), k.required("variable"), k.integer("min-digits", 1),
                        k.integer("max-digits", 20), term, k.duration("timeout", "5s"), pattern, checksum,
                        k.integer("retries", 2), k.prompt("invalid"), k.next(), k.string("fallback", ""));
            }
            case "say": {
                String kind = k.required("kind");
                Node.SayKind sk;
                try {
                    sk = Node.SayKind.valueOf(kind.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("kind: unknown '" + kind + "' (number, digits, date, time, money)");
                }
                String currency = k.string("currency", "");
                if (sk == Node.SayKind.MONEY && currency.isEmpty()) {
                    throw new IllegalArgumentException("currency: required for kind money");
                }
                if (!currency.isEmpty() && !currency.contains("${")) {
                    Currency.parse(currency);
                }
                return new Node.Say(id, sk, k.string("value", ""), currency, k.prompt("before"), k.prompt("after"),
                        k.next());
            }
            case "language":
                return new Node.ChooseLanguage(id, k.prompt("prompt"), k.stringMap("choices"),
                        k.duration("timeout", "5s"), k.integer("retries", 1), k.next());
            case "set":
                return new Node.SetVariables(id, k.stringMap("values"), k.next());
            case "lookup-customer": {
                String by = k.string("by", "caller-id");
                Node.LookupBy lb;
                if (by.equals("caller-id")) {
                    lb = Node.LookupBy.CALLER_ID;
                } else if (by.equals("account")) {
                    lb = Node.LookupBy.ACCOUNT;
                } else {
                    throw new IllegalArgumentException("by: unknown '" + by + "' (caller-id, account)");
                }
                String key = k.string("key", lb == Node.LookupBy.CALLER_ID ? "${caller.id}" : "${account}");
                return new Node.LookupCustomer(id, lb, key, k.required("found"), k.required("not-found"));
            }
            case "lookup": {
                // keys: what the lookup's URL template needs, from the session ({accountNumber: '${customer.account}'})
                // the variables' prefix: 'as', else the lookup's name (else "lookup" when the name is a template)
                String lookup = k.required("lookup");
                return new Node.Lookup(id, lookup, k.stringMap("keys"), k.duration("budget", "1s"),
                        k.string("as", lookup.contains("${") ? "lookup" : lookup), k.required("found"),
                        k.required("none"), k.required("unavailable"));
            }
            case "http": {
                String method = k.string("method", "GET").toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT").contains(method)) {
                    throw new IllegalArgumentException("method: GET, POST or PUT, not '" + method + "'");
                }
                return new Node.Http(id, method, k.required("url"), k.stringMap("headers"), k.string("body", ""),
                        k.duration("timeout", "2s"), k.string("as", "http"), k.next(), k.required("fallback"));
            }
            case "hours":
                return new Node.Hours(id, openHours(k), holidays(k), k.required("open"), k.required("closed"),
                        k.string("holiday", k.raw().getOrDefault("closed", "").toString()));
            case "branch":
                return new Node.Branch(id, rules(k), k.required("otherwise"));
            case "self-service": {
                String q = k.required("query");
                Node.Query query;
                if (q.equals("balance")) {
                    query = Node.Query.BALANCE;
                } else if (q.equals("order-status")) {
                    query = Node.Query.ORDER_STATUS;
                } else {
                    throw new IllegalArgumentException("query: unknown '" + q + "' (balance, order-status)");
                }
                return new Node.SelfService(id, query, k.string("key", "${account}"), k.required("found"),
                        k.required("not-found"));
            }
            case "enqueue": {
                Map<String, Integer> bySegment = new LinkedHashMap<>();
                k.map("priority-by-segment").forEach((seg, p) -> {
                    if (!(p instanceof Integer)) {
                        throw new IllegalArgumentException("priority-by-segment: " + seg + " must be a whole number");
                    }
                    bySegment.put(seg, (Integer) p);
                });
                return new Node.Enqueue(id, k.required("queue"), k.integer("priority", 0), bySegment,
                        k.strings("data", false), k.duration("timeout", "5s"), k.required("fallback"));
            }
            case "callback":
                return new Node.Callback(id, k.string("number", "${caller.id}"), k.required("queue"),
                        k.prompt("confirm"), k.next());
            case "voicemail":
                return new Node.Voicemail(id, k.prompt("prompt"), k.duration("max-length", "120s"), k.next());
            case "transfer":
                return new Node.Transfer(id, k.required("to"));
            case "survey":
                return new Node.Survey(id, k.prompt("prompt"), k.duration("timeout", "5s"), k.integer("retries", 1),
                        k.prompt("invalid"), k.prompt("thanks"), k.next());
            case "hangup":
                return new Node.Hangup(id, k.prompt("prompt"));
            case "return": {
                Map<String, String> variables = new LinkedHashMap<>();
                // an empty value clears the variable (GOSUB_RESULT: '' lets Dial bridge); a bare key means empty too
                k.map("variables").forEach((name, v) -> variables.put(name, v == null ? "" : String.valueOf(v)));
                for (String name : variables.keySet()) {
                    if (!Node.Return.VARIABLE.matcher(name).matches()) {
                        throw new IllegalArgumentException("variables: '" + name
                                + "' is not a channel variable a flow may set (GOSUB_RESULT or CC_...)");
                    }
                }
                return new Node.Return(id, k.prompt("prompt"), variables);
            }
            case "":
                throw new IllegalArgumentException("type: required");
            default:
                throw new IllegalArgumentException("type: unknown node type '" + type + "' (answer, play, menu, "
                        + "collect, say, language, set, lookup-customer, http, hours, branch, self-service, "
                        + "enqueue, callback, voicemail, transfer, survey, hangup, return)");
        }
    }

    private static List<Node.OpenHours> openHours(Keys k) {
        List<Node.OpenHours> out = new ArrayList<>();
        k.map("week").forEach((days, ranges) -> {
            List<DayOfWeek> dayList = days(days);
            List<Object> rs = ranges instanceof List ? asList(ranges) : List.of(ranges);
            for (Object r : rs) {
                String[] fromTo = String.valueOf(r).split("-");
                if (fromTo.length != 2) {
                    throw new IllegalArgumentException("week: " + days + ": '" + r + "' is not HH:MM-HH:MM");
                }
                LocalTime from = LocalTime.parse(fromTo[0].trim().length() == 4 ? "0" + fromTo[0].trim() : fromTo[0].trim());
                LocalTime to = fromTo[1].trim().equals("24:00") ? LocalTime.MAX
                        : LocalTime.parse(fromTo[1].trim().length() == 4 ? "0" + fromTo[1].trim() : fromTo[1].trim());
                for (DayOfWeek d : dayList) {
                    out.add(new Node.OpenHours(d, from, to));
                }
            }
        });
        return out;
    }

    private static List<DayOfWeek> days(String spec) {
        List<DayOfWeek> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] range = part.trim().split("-");
            DayOfWeek a = day(range[0]);
            DayOfWeek b = range.length > 1 ? day(range[1]) : a;
            for (DayOfWeek d = a; ; d = d.plus(1)) {
                out.add(d);
                if (d == b) {
                    break;
                }
            }
        }
        return out;
    }

    private static DayOfWeek day(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(t) && t.length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException("week: unknown day '" + s + "' (mon, tue, wed, thu, fri, sat, sun)");
    }

    private static List<Node.Holiday> holidays(Keys k) {
        List<Node.Holiday> out = new ArrayList<>();
        for (String h : k.strings("holidays", false)) {
            String[] cal = h.split(":", 2);
            if (cal.length != 2 || !(cal[0].equals("jalali") || cal[0].equals("gregorian"))) {
                throw new IllegalArgumentException("holidays: '" + h + "' is not jalali:MM-DD, jalali:YYYY-MM-DD, "
                        + "gregorian:MM-DD or gregorian:YYYY-MM-DD");
            }
            String[] parts = cal[1].split("-");
            try {
                if (parts.length == 2) {
                    out.add(new Node.Holiday(cal[0].equals("jalali"), Optional.empty(), Integer.parseInt(parts[0]),
                            Integer.parseInt(parts[1])));
                } else if (parts.length == 3) {
                    out.add(new Node.Holiday(cal[0].equals("jalali"), Optional.of(Integer.parseInt(parts[0])),
                            Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("holidays: '" + h + "' has no valid date");
            }
        }
        return out;
    }

    private static List<Node.Rule> rules(Keys k) {
        List<Node.Rule> out = new ArrayList<>();
        Object raw = k.raw().get("rules");
        k.consume("rules");
        if (!(raw instanceof List)) {
            throw new IllegalArgumentException("rules: a list of {variable, <test>, next}");
        }
        int i = 0;
        for (Object o : asList(raw)) {
            i++;
            if (!(o instanceof Map)) {
                throw new IllegalArgumentException("rules[" + i + "]: expected a mapping");
            }
            Map<String, Object> r = asMap(o);
            String var = String.valueOf(r.getOrDefault("variable", ""));
            String next = String.valueOf(r.getOrDefault("next", ""));
            if (var.isEmpty() || next.isEmpty()) {
                throw new IllegalArgumentException("rules[" + i + "]: variable and next are required");
            }
            Node.Test test = null;
            List<String> values = List.of();
            Optional<Pattern> pattern = Optional.empty();
            for (String t : List.of("equals", "not-equals", "in", "matches", "present", "absent", "less-than",
                    "at-least")) {
                if (r.containsKey(t)) {
                    test = Node.Test.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_'));
                    Object v = r.get(t);
                    values = v instanceof List ? asList(v).stream().map(String::valueOf).toList()
                            : List.of(String.valueOf(v));
                    if (test == Node.Test.MATCHES) {
                        try {
                            pattern = Optional.of(Pattern.compile(values.get(0)));
                        } catch (PatternSyntaxException e) {
                            throw new IllegalArgumentException("rules[" + i + "]: matches: not a valid regular "
                                    + "expression: " + e.getDescription());
                        }
                    }
                }
            }
            if (test == null) {
                throw new IllegalArgumentException("rules[" + i + "]: needs one test of equals, not-equals, in, "
                        + "matches, present, absent, less-than, at-least");
            }
            out.add(new Node.Rule(var, test, values, pattern, next));
        }
        return out;
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) o).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) {
        return (List<Object>) o;
    }

    /** Reads keys of one mapping and reports the ones nobody read (typos). */
    private static final class Keys {
        final String where;
        private final Map<String, Object> map;
        private final List<String> problems;
        private final Set<String> used = new HashSet<>();

        Keys(String where, Map<String, Object> map, List<String> problems) {
            this.where = where;
            this.map = map;
            this.problems = problems;
        }

        Map<String, Object> raw() {
            return map;
        }

        void consume(String key) {
            used.add(key);
        }

        void done() {
            for (String key : map.keySet()) {
                if (!used.contains(key)) {
                    problems.add(where + "unknown key '" + key + "'");
                }
            }
        }

        String string(String key, String dflt) {
            used.add(key);
            Object v = map.get(key);
            if (v == null) {
                return dflt;
            }
            if (v instanceof Map || v instanceof List) {
                throw new IllegalArgumentException(key + ": expected a single value");
            }
            return String.valueOf(v);
        }

        String required(String key) {
            String v = string(key, "");
            if (v.isEmpty()) {
                throw new IllegalArgumentException(key + ": required");
            }
            return v;
        }

        String next() {
            return required("next");
        }

        int integer(String key, int dflt) {
            used.add(key);
            Object v = map.get(key);
            if (v == null) {
                return dflt;
            }
            if (!(v instanceof Integer)) {
                throw new IllegalArgumentException(key + ": expected a whole number, got '" + v + "'");
            }
            return (Integer) v;
        }

        Duration duration(String key, String dflt) {
            String v = string(key, dflt).trim();
            try {
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
                }
                if (v.endsWith("s")) {
                    return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
                }
                if (v.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
                }
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": '" + v + "' is not a duration (1500ms, 5s, 2m)");
            }
        }

        List<String> strings(String key, boolean required) {
            used.add(key);
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (v instanceof List) {
                return asList(v).stream().map(String::valueOf).toList();
            }
            return List.of(String.valueOf(v));
        }

        Map<String, Object> map(String key) {
            used.add(key);
            Object v = map.get(key);
            if (v == null) {
                return Map.of();
            }
            if (!(v instanceof Map)) {
                throw new IllegalArgumentException(key + ": expected a mapping");
            }
            return asMap(v);
        }

        Map<String, String> stringMap(String key) {
            Map<String, String> out = new LinkedHashMap<>();
            map(key).forEach((k, v) -> out.put(k, String.valueOf(v)));
            return out;
        }

        /** {@code prompt: file}, {@code prompt: [a, b]} or {@code prompt: {fa: ..., en: ...}}. */
        Prompt prompt(String key) {
            used.add(key);
            Object v = map.get(key);
            if (v == null) {
                return Prompt.NONE;
            }
            if (!(v instanceof Map)) {
                throw new IllegalArgumentException(key + ": give the files per language, e.g. {fa: fa/x, en: en/x}");
            }
            Map<String, List<String>> files = new LinkedHashMap<>();
            asMap(v).forEach((lang, f) -> files.put(lang, f instanceof List
                    ? asList(f).stream().map(String::valueOf).toList() : List.of(String.valueOf(f))));
            return new Prompt(files);
        }
    }
}
