package cc.dialer.app;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbound lines every campaign of this server shares, so the global line cap holds across campaigns.
 *
 * <p>Threading: each campaign runs on its own context; the count is atomic so a line is never handed out twice.
 */
public final class OutboundLines {
    private final int cap;
    private final AtomicInteger inUse = new AtomicInteger();

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

    /** Takes a line if one is free. */
    public boolean tryAcquire() {
        while (true) {
            int n = inUse.get();
            if (n >= cap) {
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
