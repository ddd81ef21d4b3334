package cc.simulator.channel;

import java.util.Map;
import java.util.TreeMap;

/** Named counters of what the simulator did. Written on the event loop only; read through {@link #snapshot()}. */
public final class Counters {
    private final Map<String, Long> values = new TreeMap<>();

    public void inc(String key) {
        values.merge(key, 1L, Long::sum);
    }

    public long get(String key) {
        return values.getOrDefault(key, 0L);
    }

    public Map<String, Long> snapshot() {
        return new TreeMap<>(values);
    }
}
