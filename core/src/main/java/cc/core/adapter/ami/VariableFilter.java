package cc.core.adapter.ami;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which channel variables become {@code VariableSet} call events: exact names ({@code AMDSTATUS}) and prefixes
 * written with a trailing star ({@code CC_*}). Every other VarSet is dropped at the listener without work.
 * Immutable; safe on any thread.
 */
public final class VariableFilter {
    private final Set<String> names;
    private final String[] prefixes;

    private VariableFilter(Set<String> names, List<String> prefixes) {
        this.names = Set.copyOf(names);
        this.prefixes = prefixes.toArray(String[]::new);
    }

    /** A filter from patterns such as {@code AMDSTATUS}, {@code AMDCAUSE}, {@code CC_*}. */
    public static VariableFilter of(Collection<String> patterns) {
        Set<String> names = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String p : patterns) {
            String pattern = p.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            if (pattern.endsWith("*")) {
                prefixes.add(pattern.substring(0, pattern.length() - 1));
            } else {
                names.add(pattern);
            }
        }
        return new VariableFilter(names, prefixes);
    }

    /** The variables the contact center reads: answering-machine detection results and our own CC_ variables. */
    public static VariableFilter defaults() {
        return of(List.of("AMDSTATUS", "AMDCAUSE", "CC_*"));
    }

    public boolean accepts(String variable) {
        if (variable == null) {
            return false;
        }
        if (names.contains(variable)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (variable.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
