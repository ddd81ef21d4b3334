package cc.core.app.scoring;

import cc.core.contract.RecomputeScores;
import cc.core.contract.ScoresRecomputed;
import cc.core.contract.ScoringAddresses;
import cc.core.domain.scoring.ChurnLearner;
import cc.core.domain.scoring.ChurnTraining;
import cc.core.domain.scoring.CustomerHistory;
import cc.core.domain.scoring.CustomerScore;
import cc.core.domain.scoring.CustomerScoring;
import cc.core.domain.scoring.OfferPropensity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Recomputes every customer's value, loyalty, churn risk and offer propensity per product: reads all histories page
 * by page, trains the churn model on them (held-out customers measure it), scores the customers still with us, and stores the scores with their
 * reasons and the run with its AUC. Runs every {@code every} (none when zero) and on {@link ScoringAddresses#RECOMPUTE}.
 *
 * <p>Threading: runs one at a time on this verticle's context; a request during a run gets that run's result.
 * Reading features, training and scoring are CPU work and run on a worker thread, off the event loop. Memory: one
 * feature vector per customer is held during a run (about 150 bytes each); scores are written a page at a time.
 */
public final class ScoreRecomputer extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(ScoreRecomputer.class);
    static final int PAGE = 1_000;
    /** Long enough that a server started for a test or a short demo is not busy scoring in it. */
    static final Duration FIRST_RUN = Duration.ofMinutes(10);

    private final CustomerScoreStore store;
    private final ChurnLearner learner;
    private final Duration every;
    private final InstantSource clock;
    private final MeterRegistry metrics;
    private Future<ScoresRecomputed> running;
    private volatile double lastAuc = Double.NaN;

    public ScoreRecomputer(CustomerScoreStore store, ChurnLearner learner, Duration every, InstantSource clock,
                           MeterRegistry metrics) {
        this.store = store;
        this.learner = learner;
        this.every = every;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        Gauge.builder("cc.scores.churn.auc", () -> lastAuc)
                .description("AUC of the churn model on held-out customers at the last scoring run").register(metrics);
        vertx.eventBus().<RecomputeScores>consumer(ScoringAddresses.RECOMPUTE, m -> {
            log.info("Customer scores recompute asked by {}", m.body() == null ? "?" : m.body().requestedBy());
            recompute().onSuccess(m::reply).onFailure(e -> m.fail(500, String.valueOf(e.getMessage())));
        });
        if (every.isZero()) {
            log.info("Customer scores are recomputed on request only (scores.recomputeEvery is 0)");
        } else {
            log.info("Customer scores are recomputed every {} (first in {}) and on request", every, FIRST_RUN);
            // the first run soon after start, so a server restarted more often than `every` still scores
            vertx.setPeriodic(Math.min(FIRST_RUN.toMillis(), every.toMillis()), every.toMillis(), t -> recompute()
                    .onFailure(e -> log.warn("Customer scoring failed; next in {}: {}", every, e.getMessage())));
        }
        return Future.succeededFuture();
    }

    /** Runs (or joins) a scoring run, on this verticle's context. */
    public Future<ScoresRecomputed> recompute() {
        if (running != null) {
            return running;
        }
        Instant now = clock.instant();
        running = read(0, now, new ArrayList<>(), new ArrayList<>())
                .compose(read -> vertx.executeBlocking(() -> train(read)).compose(model ->
                        write(read, model, now, 0, 0).map(scored -> new ScoresRecomputed(now,
                                read.customers().size(), scored, (int) read.customers().stream()
                                .filter(ChurnLearner.LabelledCustomer::churned).count(), model.auc()))))
                .compose(r -> store.saveRun(new CustomerScoreStore.ScoringRun(now, r.customers(), r.scored(),
                        r.churners(), Double.isNaN(r.heldOutAuc()) ? OptionalDouble.empty()
                                : OptionalDouble.of(r.heldOutAuc()))).map(r))
                .onSuccess(r -> {
                    lastAuc = r.heldOutAuc();
                    log.info("Customer scores computed: {} customers read, {} scored, {} churners; {}", r.customers(),
                            r.scored(), r.churners(), Double.isNaN(r.heldOutAuc())
                                    ? "churn model not trained (no churner or no stayer to learn from)"
                                    : String.format("churn model AUC %.3f on held-out customers", r.heldOutAuc()));
                })
                .andThen(r -> running = null);
        return running;
    }

    /** What a run keeps of each customer: their features and label, and their answers to offers (same order). */
    private record Read(List<ChurnLearner.LabelledCustomer> customers, List<OfferPropensity.CustomerOffers> offers) {}

    /**
     * The trained scoring, or none (value and loyalty only) when the history had nothing to learn churn from; offer
     * propensity from every customer's answers.
     */
    private record Trained(CustomerScoring scoring, double auc, OfferPropensity propensity) {}

    private Future<Read> read(long afterId, Instant now, List<ChurnLearner.LabelledCustomer> customers,
                              List<OfferPropensity.CustomerOffers> offers) {
        return store.histories(afterId, PAGE).compose(page -> {
            if (page.isEmpty()) {
                return Future.succeededFuture(new Read(customers, offers));
            }
            return vertx.executeBlocking(() -> {
                for (CustomerHistory h : page) {
                    customers.add(ChurnTraining.labelled(h, now));
                    offers.add(OfferPropensity.CustomerOffers.of(h, now));
                }
                return page.get(page.size() - 1).customerId();
            }).compose(last -> read(last, now, customers, offers));
        });
    }

    private Trained train(Read read) {
        OfferPropensity propensity = OfferPropensity.fit(read.offers());
        try {
            ChurnTraining.Result trained = new ChurnTraining(learner).trainOn(read.customers());
            return new Trained(new CustomerScoring(trained.model()), trained.heldOutAuc(), propensity);
        } catch (IllegalArgumentException nothingToLearn) {
            log.info("Churn model not trained, value and loyalty only: {}", nothingToLearn.getMessage());
            return new Trained(null, Double.NaN, propensity);
        }
    }

    /** Scores and stores the customers from {@code from} on, a page at a time; completes with how many it scored. */
    private Future<Integer> write(Read read, Trained model, Instant now, int from, int scoredSoFar) {
        List<ChurnLearner.LabelledCustomer> all = read.customers();
        if (from >= all.size()) {
            return Future.succeededFuture(scoredSoFar);
        }
        int to = Math.min(all.size(), from + PAGE);
        return vertx.executeBlocking(() -> {
            List<CustomerScore> scores = new ArrayList<>();
            int scored = 0;
            for (int i = from; i < to; i++) {
                ChurnLearner.LabelledCustomer c = all.get(i);
                if (c.churned()) {
                    continue; // gone: no score to act on, and the range's replace removes earlier ones
                }
                scored++;
                if (model.scoring() != null) {
                    scores.addAll(model.scoring().score(c.features(), now));
                } else {
                    scores.add(CustomerScoring.value(c.features(), now));
                    scores.add(CustomerScoring.loyalty(c.features(), now));
                }
                scores.addAll(model.propensity().score(read.offers().get(i), now));
            }
            return new Page(scores, scored);
        }).compose(page -> store.replace(all.get(from).features().customerId(),
                        all.get(to - 1).features().customerId(), page.scores())
                .compose(v -> write(read, model, now, to, scoredSoFar + page.scored())));
    }

    private record Page(List<CustomerScore> scores, int scored) {}

    /** Asks for a run from any thread (hopping onto this verticle's context), for tests and administration. */
    public Future<ScoresRecomputed> recomputeNow() {
        Promise<ScoresRecomputed> done = Promise.promise();
        context.runOnContext(v -> recompute().onComplete(done));
        return done.future();
    }
}
