package cc.integration.domain.webhook;

import java.util.List;
import java.util.Set;

/**
 * The event types a subscription takes: wire names ({@code interaction.ended}), a family with a star
 * ({@code interaction.*}) or {@code *} for every type.
 */
public record EventFilter(List<String> patterns) {

    public EventFilter {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("a subscription takes at least one event type");
        }
    }

    public boolean wants(String wireType) {
        for (String p : patterns) {
            if (p.equals("*") || p.equals(wireType)
                    || (p.endsWith(".*") && wireType.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The patterns not naming one of {@code known} types or families (a typo in the configuration). */
    public List<String> unknown(Set<String> knownTypes) {
        return patterns.stream().filter(p -> !p.equals("*") && !knownTypes.contains(p)
                && !(p.endsWith(".*") && knownTypes.stream().anyMatch(t -> t.startsWith(p.substring(0,
                p.length() - 1))))).toList();
    }
}
