package cc.simulator;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of what the simulator did since it started.
 *
 * @param originatesByOutcome {@code answered} and {@code failed.reason-N} counts
 * @param actionsByName AMI actions received, by lower-case name
 * @param all every raw counter
 */
public record SimulatorStats(long callsStarted, long callsAnswered, long callsAbandoned, long callsCompleted,
                             long agiSessions, long agiConnectFailures, int amiSessions,
                             Map<String, Long> originatesByOutcome, Map<String, Long> actionsByName,
                             Map<String, Long> all) {

    static SimulatorStats from(Map<String, Long> c, int amiSessions) {
        Map<String, Long> originates = new TreeMap<>();
        Map<String, Long> actions = new TreeMap<>();
        c.forEach((k, v) -> {
            if (k.startsWith("originates.")) {
                originates.put(k.substring("originates.".length()), v);
            } else if (k.startsWith("ami.actions.")) {
                actions.put(k.substring("ami.actions.".length()), v);
            }
        });
        return new SimulatorStats(c.getOrDefault("calls.started", 0L), c.getOrDefault("calls.answered", 0L),
            c.getOrDefault("calls.abandoned", 0L), c.getOrDefault("calls.completed", 0L),
            c.getOrDefault("agi.sessions", 0L), c.getOrDefault("agi.connect-failures", 0L), amiSessions,
            Map.copyOf(originates), Map.copyOf(actions), Map.copyOf(c));
    }
}
