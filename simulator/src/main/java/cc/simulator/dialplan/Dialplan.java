package cc.simulator.dialplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small dialplan: contexts of extensions (exact names or {@code _} patterns with X, Z, N, [..], '.' and '!'),
 * each a list of application steps. Immutable once built.
 */
public final class Dialplan {
    private final Map<String, List<Extension>> contexts;

    private Dialplan(Map<String, List<Extension>> contexts) {
        this.contexts = contexts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An extension with its steps; priority 1 is {@code steps.get(0)}. */
    public record Extension(String pattern, List<Step> steps) {
        public Step step(int priority) {
            return priority >= 1 && priority <= steps.size() ? steps.get(priority - 1) : null;
        }

        boolean matches(String exten) {
            if (!pattern.startsWith("_")) {
                return pattern.equals(exten);
            }
            return matchPattern(pattern.substring(1), 0, exten, 0);
        }
    }

    public boolean hasContext(String context) {
        return contexts.containsKey(context);
    }

    /** Exact names win over patterns; among patterns the first declared wins. */
    public Extension find(String context, String exten) {
        List<Extension> list = contexts.get(context);
        if (list == null || exten == null) {
            return null;
        }
        for (Extension e : list) {
            if (!e.pattern.startsWith("_") && e.pattern.equals(exten)) {
                return e;
            }
        }
        for (Extension e : list) {
            if (e.pattern.startsWith("_") && e.matches(exten)) {
                return e;
            }
        }
        return null;
    }

    static boolean matchPattern(String p, int pi, String s, int si) {
        if (pi == p.length()) {
            return si == s.length();
        }
        char c = p.charAt(pi);
        if (c == '.') {
            return si < s.length();
        }
        if (c == '!') {
            return true;
        }
        if (si >= s.length()) {
            return false;
        }
        char x = s.charAt(si);
        char u = Character.toUpperCase(c);
        if (u == 'X') {
            return Character.isDigit(x) && matchPattern(p, pi + 1, s, si + 1);
        }
        if (u == 'Z') {
            return x >= '1' && x <= '9' && matchPattern(p, pi + 1, s, si + 1);
        }
        if (u == 'N') {
            return x >= '2' && x <= '9' && matchPattern(p, pi + 1, s, si + 1);
        }
        if (c == '[') {
            int close = p.indexOf(']', pi);
            if (close < 0) {
                return false;
            }
            String set = p.substring(pi + 1, close);
            boolean in = false;
            for (int i = 0; i < set.length(); i++) {
                if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                    in |= x >= set.charAt(i) && x <= set.charAt(i + 2);
                    i += 2;
                } else {
                    in |= x == set.charAt(i);
                }
            }
            return in && matchPattern(p, close + 1, s, si + 1);
        }
        return c == x && matchPattern(p, pi + 1, s, si + 1);
    }

    public static final class Builder {
        private final Map<String, List<Extension>> contexts = new LinkedHashMap<>();

        /** Adds an extension to a context; steps are written like extensions.conf: {@code "Answer()"}, {@code "Wait(2)"}. */
        public Builder exten(String context, String pattern, String... steps) {
            List<Step> parsed = new ArrayList<>();
            for (String s : steps) {
                parsed.add(Step.parse(s));
            }
            contexts.computeIfAbsent(context, k -> new ArrayList<>()).add(new Extension(pattern, List.copyOf(parsed)));
            return this;
        }

        public Dialplan build() {
            Map<String, List<Extension>> copy = new LinkedHashMap<>();
            contexts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new Dialplan(copy);
        }
    }
}
