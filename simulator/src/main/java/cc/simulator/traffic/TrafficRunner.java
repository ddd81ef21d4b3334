package cc.simulator.traffic;

import cc.simulator.DtmfStep;
import cc.simulator.InboundCall;
import cc.simulator.TrafficProfile;
import cc.simulator.calls.InboundCalls;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places inbound calls with exponentially distributed gaps. A 5 ms periodic tick places every call whose arrival
 * time has passed, so hundreds of calls per second cost one timer, not one per call.
 *
 * <p>Threading: started and ticking on the simulator's event loop; {@link #placed()} may be read anywhere.
 */
public final class TrafficRunner {
    private final Vertx vertx;
    private final InboundCalls calls;
    private final TrafficProfile profile;
    private final Random random;
    private final AtomicLong placed = new AtomicLong();
    private volatile boolean running;
    private long timerId = -1;
    private double nextArrivalMs;
    private long startMs;
    private long callerSeq;

    public TrafficRunner(Vertx vertx, InboundCalls calls, TrafficProfile profile, Random random) {
        this.vertx = vertx;
        this.calls = calls;
        this.profile = profile;
        this.random = random;
    }

    public void start() {
        running = true;
        startMs = System.currentTimeMillis();
        nextArrivalMs = gap();
        timerId = vertx.setPeriodic(5, id -> tick());
    }

    public void stop() {
        running = false;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    public long placed() {
        return placed.get();
    }

    public boolean running() {
        return running;
    }

    private double gap() {
        return -Math.log(1 - random.nextDouble()) * 1000.0 / profile.callsPerSecond();
    }

    private void tick() {
        if (!running) {
            return;
        }
        long elapsed = System.currentTimeMillis() - startMs;
        while (nextArrivalMs <= elapsed && running) {
            placeOne();
            nextArrivalMs += gap();
        }
    }

    private void placeOne() {
        String did = profile.dids().get(random.nextInt(profile.dids().size()));
        String number = profile.callerNumberPrefix() + String.format("%07d", callerSeq++ % 10_000_000);
        InboundCall call = new InboundCall(number, "Caller " + callerSeq, did, profile.context(), pickScript(),
            profile.patience() == null ? 0 : Math.max(1, profile.patience().sample(random)),
            profile.talkTime() == null ? 0 : Math.max(1, profile.talkTime().sample(random)));
        calls.place(call, outcome -> { });
        placed.incrementAndGet();
    }

    private List<DtmfStep> pickScript() {
        List<TrafficProfile.WeightedScript> scripts = profile.scripts();
        if (scripts.isEmpty()) {
            return List.of();
        }
        double total = 0;
        for (TrafficProfile.WeightedScript s : scripts) {
            total += s.weight();
        }
        double r = random.nextDouble() * total;
        for (TrafficProfile.WeightedScript s : scripts) {
            r -= s.weight();
            if (r <= 0) {
                return s.steps();
            }
        }
        return scripts.get(scripts.size() - 1).steps();
    }
}
