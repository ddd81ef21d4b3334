package cc.core.adapter.ami;

import org.slf4j.Logger;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs a warning once per kind of problem and then at most once a minute per kind with the number suppressed,
 * so a stream of bad frames cannot flood the log. Safe on any thread.
 */
final class RateLimitedLog {
    private static final long INTERVAL_NANOS = 60_000_000_000L;
    private static final int MAX_KINDS = 256;

    private final Logger log;
    private final ConcurrentHashMap<String, State> kinds = new ConcurrentHashMap<>();

    RateLimitedLog(Logger log) {
        this.log = log;
    }

    private static final class State {
        volatile long lastLogged;
        final AtomicLong suppressed = new AtomicLong();
    }

    void warn(String kind, String message, Object... args) {
        String key = kinds.size() >= MAX_KINDS && !kinds.containsKey(kind) ? "other" : kind;
        long now = System.nanoTime();
        boolean[] first = {false};
        State state = kinds.computeIfAbsent(key, k -> {
            first[0] = true;
            State s = new State();
            s.lastLogged = now;
            return s;
        });
        if (first[0]) {
            log.warn(message + " (logged once per minute for this kind)", args);
            return;
        }
        long last = state.lastLogged;
        if (now - last >= INTERVAL_NANOS) {
            state.lastLogged = now;
            long n = state.suppressed.getAndSet(0);
            log.warn(message + " ({} more of this kind in the last minute)", append(args, n));
        } else {
            state.suppressed.incrementAndGet();
        }
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] out = new Object[args.length + 1];
        System.arraycopy(args, 0, out, 0, args.length);
        out[args.length] = last;
        return out;
    }
}
