package cc.integration.lookup.domain;

import java.util.List;
import java.util.Map;

/**
 * What asking a system gave: rows (perhaps none), or why there are none to show.
 *
 * @param available whether the system answered (now, or earlier and the answer is cached)
 * @param rows      the rows, each a flat map of the configured fields in order
 * @param fromCache whether the rows are a cached answer
 * @param reason    when not available, why
 */
public record LookupOutcome(boolean available, List<Map<String, String>> rows, boolean fromCache, Reason reason) {

    public LookupOutcome {
        rows = List.copyOf(rows);
    }

    public static LookupOutcome answered(List<Map<String, String>> rows, boolean fromCache) {
        return new LookupOutcome(true, rows, fromCache, Reason.NONE);
    }

    public static LookupOutcome unavailable(Reason reason) {
        return new LookupOutcome(false, List.of(), false, reason);
    }
}
