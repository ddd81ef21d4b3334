package cc.console.domain.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last hour of every queue, one point per minute, in a fixed ring of {@value #MINUTES} slots per queue (memory
 * stays constant however long the server runs). Within a minute the point keeps the most callers waiting and the
 * latest cumulative figures.
 *
 * <p>Not thread-safe: owned by one verticle.
 */
public final class QueueHistory {
    public static final int MINUTES = 60;

    /** One minute of one queue. */
    public record Point(Instant minute, int maxWaiting, long answered, long abandoned, double serviceLevel) {}

    private final Map<String, Point[]> rings = new HashMap<>();

    /** Records a sample of {@code queue} taken at {@code at}. */
    public void record(String queue, Instant at, int waiting, long answered, long abandoned, double serviceLevel) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        Point[] ring = rings.computeIfAbsent(queue, q -> new Point[MINUTES]);
        int slot = (int) Math.floorMod(minute.getEpochSecond() / 60, (long) MINUTES);
        Point old = ring[slot];
        int max = old != null && old.minute().equals(minute) ? Math.max(old.maxWaiting(), waiting) : waiting;
        ring[slot] = new Point(minute, max, answered, abandoned, serviceLevel);
    }

    /** The queue's points of the hour ending at {@code now}, oldest first; minutes without a sample are absent. */
    public List<Point> lastHour(String queue, Instant now) {
        Point[] ring = rings.get(queue);
        List<Point> out = new ArrayList<>();
        if (ring == null) {
            return out;
        }
        Instant from = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES - 1));
        for (Point p : ring) {
            if (p != null && !p.minute().isBefore(from) && !p.minute().isAfter(now)) {
                out.add(p);
            }
        }
        out.sort((a, b) -> a.minute().compareTo(b.minute()));
        return out;
    }

    public List<String> queues() {
        return rings.keySet().stream().sorted().toList();
    }
}
