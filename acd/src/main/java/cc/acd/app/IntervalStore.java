package cc.acd.app;

import cc.acd.domain.metrics.IntervalSnapshot;
import io.vertx.core.Future;

/** Where closed reporting intervals are kept for reports. Implementations may be called from any thread. */
public interface IntervalStore {
    /** Stores the interval; storing the same interval again replaces it. */
    Future<Void> store(IntervalSnapshot snapshot);
}
