package cc.core.contract;

import io.vertx.core.eventbus.EventBus;

import java.util.List;

/** Event-bus addresses of customer scoring. Each constant names the body record it carries. */
public final class ScoringAddresses {
    private ScoringAddresses() {}

    /**
     * {@link RecomputeScores}: recompute every customer's scores now, training the churn model afresh (request; reply
     * {@link ScoresRecomputed} when the scores are stored; a request during a run gets that run's reply).
     */
    public static final String RECOMPUTE = "cc.core.scores.recompute";

    /** The body records of these addresses. */
    public static final List<Class<? extends Record>> RECORDS = List.of(RecomputeScores.class, ScoresRecomputed.class);

    /** Registers the local codec of every scoring record that has none yet on this event bus. */
    public static void registerCodecs(EventBus bus) {
        RECORDS.forEach(type -> LocalRecordCodec.register(bus, type));
    }
}
