package cc.dialer.app;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbound lines every campaign of this server shares, so the global line cap holds across campaigns.
 *
 * <p>Threading: each campaign runs on its own context; the count is atomic so a line is never handed out twice.
 */
public final class OutboundLines {
    private final int cap;
    private final AtomicInteger inUse = new AtomicInteger();
    /**
     * Lines a dialer on another node left in use when this node took the dialer lease over: until when each is
     * assumed busy (its attempt's placing time plus the longest a dialler's call is assumed to last).
     */
    private volatile List<Instant> inheritedUntil = List.of();
    private volatile InstantSource clock = InstantSource.system();

    public OutboundLines(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("the line cap must not be negative");
        }
        this.cap = cap;
    }

    /** No shared cap (a campaign run on its own). */
    public static OutboundLines unlimited() {
        return new OutboundLines(Integer.MAX_VALUE);
    }

    public int cap() {
        return cap;
    }

    public int inUse() {
        return inUse.get();
    }

    /**
     * The lines another node's dialer still holds at a takeover (one per attempt it left open), each counted against
     * the cap until its time: the global cap holds across a takeover.
     */
    public void inherit(List<Instant> busyUntil, InstantSource clock) {
        this.clock = clock;
        this.inheritedUntil = List.copyOf(busyUntil);
    }

    /** Lines another node's dialer left in use and still counted. */
    public int inherited() {
        List<Instant> until = inheritedUntil;
        if (until.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int n = 0;
        for (Instant u : until) {
            if (u.isAfter(now)) {
                n++;
            }
        }
        if (n == 0) {
            inheritedUntil = List.of();
        }
        return n;
    }

    /** Takes a line if one is free. */
    public boolean tryAcquire() {
        int inheritedNow = inherited();
        while (true) {
            int n = inUse.get();
            if (n + inheritedNow >= cap) {
                return false;
            }
            if (inUse.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public void release() {
        inUse.decrementAndGet();
    }
}
