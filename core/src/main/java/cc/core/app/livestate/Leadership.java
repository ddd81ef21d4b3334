package cc.core.app.livestate;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;

/**
 * One named lease in the live-state store (the same {@link LiveStateStore#acquireLease} the ACD's routing lease uses),
 * taken and renewed on a timer every third of its time to live, so exactly one node of a cluster does a job that must
 * not run twice (the dialer's campaigns, the outbox relay). {@code gained} runs when this node takes the lease,
 * {@code lost} at once when a renewal says another node holds it or the store cannot be reached (better nobody for a
 * moment than two).
 *
 * <p>Threading: started from a Vert.x context; the timer and both callbacks run on that context.
 */
public final class Leadership {
    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final LiveStateStore store;
    private final String lease;
    private final String nodeId;
    private final Duration ttl;
    private volatile boolean holds;
    private boolean stopped;
    private long timer = -1;
    private Vertx vertx;
    private Runnable gained = () -> {};
    private Runnable lost = () -> {};

    public Leadership(LiveStateStore store, String lease, String nodeId, Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.toMillis() < 300) {
            throw new IllegalArgumentException("a lease must live at least 300 ms");
        }
    }

    /** Whether this node holds the lease now (as of the last renewal). */
    public boolean holds() {
        return holds;
    }

    public String name() {
        return lease;
    }

    /** Starts taking and renewing the lease on the caller's context; a first try is made at once. */
    public void start(Vertx vertx, Runnable gained, Runnable lost) {
        this.vertx = vertx;
        this.gained = gained;
        this.lost = lost;
        renew();
        timer = vertx.setPeriodic(Math.max(100, ttl.toMillis() / 3), id -> renew());
    }

    /**
     * Stops renewing and gives the lease up, so a standby takes it at its next renewal rather than after the time to
     * live (a node shut down in order); a node that dies simply stops renewing.
     */
    public void stop() {
        boolean halted = stopped;
        stopped = true;
        if (vertx != null) {
            vertx.cancelTimer(timer);
        }
        if (holds && !halted) {
            holds = false;
            store.releaseLease(lease, nodeId);
        }
    }

    /** Stops renewing and keeps the lease, as a node that dies does, even when {@link #stop} follows (tests). */
    public void halt() {
        stopped = true;
        if (vertx != null) {
            vertx.cancelTimer(timer);
        }
    }

    private void renew() {
        store.acquireLease(lease, nodeId, ttl).onComplete(ar -> {
            if (stopped) {
                return;
            }
            boolean now = ar.succeeded() && ar.result();
            if (ar.failed()) {
                log.warn("renewing the {} lease failed: {}", lease, ar.cause().getMessage());
            }
            if (now && !holds) {
                holds = true;
                log.info("node {} holds the {} lease", nodeId, lease);
                gained.run();
            } else if (!now && holds) {
                holds = false;
                log.error("node {} lost the {} lease", nodeId, lease);
                lost.run();
            }
        });
    }
}
