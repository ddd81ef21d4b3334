package cc.core.adapter.memory;

import cc.core.app.livestate.LiveStateContract;
import cc.core.app.livestate.LiveStateStore;
import cc.core.testkit.ManualClock;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.time.Instant;

import static cc.core.testkit.Await.result;

/** The live-state contract on the one-node store, with lease time on a virtual clock. */
class MemoryLiveStateTest extends LiveStateContract {

    private Vertx vertx;
    private ManualClock clock;

    @BeforeAll
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    void stopVertx() {
        result(vertx.close());
    }

    @Override
    protected LiveStateStore open() {
        clock = new ManualClock(Instant.parse("2026-03-20T08:00:00Z"));
        return new MemoryLiveState(clock);
    }

    @Override
    protected void elapse(Duration d) {
        clock.advance(d);
    }

    @Override
    protected Duration expirySlack() {
        return Duration.ZERO;
    }

    @Override
    protected Vertx vertx() {
        return vertx;
    }
}
