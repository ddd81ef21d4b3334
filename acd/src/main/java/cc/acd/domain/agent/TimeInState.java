package cc.acd.domain.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long an agent spent in one state with one reason (paused per reason code; other states have no reason).
 *
 * @param state  the state's wire name
 * @param reason the pause reason code, empty for other states
 * @param time   the time spent
 */
public record TimeInState(String state, String reason, Duration time) {
    private static final Comparator<TimeInState> ORDER =
            Comparator.comparing(TimeInState::state).thenComparing(TimeInState::reason);

    /**
     * Time per state and reason of the given spells, each clipped to {@code [from, to)}; states with no time inside
     * the range are left out. Ordered by state, then reason.
     */
    public static List<TimeInState> of(List<AgentStateSpell> spells, Instant from, Instant to) {
        Map<Key, Duration> sums = new HashMap<>();
        for (AgentStateSpell s : spells) {
            Duration d = s.timeWithin(from, to);
            if (!d.isZero()) {
                sums.merge(new Key(s.state(), s.reason()), d, Duration::plus);
            }
        }
        return sums.entrySet().stream()
                .map(e -> new TimeInState(e.getKey().state(), e.getKey().reason(), e.getValue()))
                .sorted(ORDER)
                .toList();
    }

    private record Key(String state, String reason) {
    }
}
