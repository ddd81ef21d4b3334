package cc.bench.cluster;

import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every change of the leases' holders in Redis, polled every 20 ms on a thread of its own, each told as following a
 * kill of the old holder (within a minute) or not: a lease that moves with no node killed is a node that could not
 * renew it in time (starved of CPU, its event loop stalled), and for a moment two nodes may each believe they hold it.
 */
final class LeaseWatch {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    record Change(Instant at, long nanos, String lease, String from, String to) {}

    private record Kill(long nanos, String node) {}

    private final StatefulRedisConnection<String, String> redis;
    private final String prefix;
    private final List<String> leases;
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final List<Kill> kills = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private Thread poller;

    LeaseWatch(StatefulRedisConnection<String, String> redis, String prefix, List<String> leases) {
        this.redis = redis;
        this.prefix = prefix;
        this.leases = List.copyOf(leases);
    }

    void start() {
        poller = new Thread(() -> {
            Map<String, String> last = new HashMap<>();
            while (running) {
                for (String lease : leases) {
                    String now = "none";
                    try {
                        String h = redis.sync().get(prefix + "lease:" + lease);
                        now = h == null ? "none" : h;
                    } catch (RuntimeException e) {
                        continue; // Redis slow to answer: read again next time
                    }
                    String before = last.put(lease, now);
                    if (before != null && !before.equals(now)) {
                        changes.add(new Change(Instant.now(), System.nanoTime(), lease, before, now));
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lease-watch");
        poller.setDaemon(true);
        poller.start();
    }

    void killed(String node, long nanos) {
        kills.add(new Kill(nanos, node));
    }

    /** The changes no kill explains (the old holder was not killed in the minute before), one line each. */
    List<String> unexplained() {
        List<String> out = new ArrayList<>();
        for (Change c : changes) {
            boolean explained = kills.stream().anyMatch(k -> (c.from().equals(k.node()) || c.from().equals("none"))
                    && c.nanos() - k.nanos() >= 0 && c.nanos() - k.nanos() < 60_000_000_000L);
            if (!explained) {
                out.add(TIME.format(c.at()) + " " + c.lease() + ": " + c.from() + " -> " + c.to());
            }
        }
        return out;
    }

    int changeCount() {
        return changes.size();
    }

    void stop() throws InterruptedException {
        running = false;
        poller.join();
    }
}
