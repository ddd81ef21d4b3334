package cc.acd.app;

import cc.acd.domain.rules.RuleDecision;
import cc.acd.domain.rules.ScoreRules;
import cc.core.contract.EnqueueCall;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The score rules at enqueue: reads the customer's scores through {@link ScoreLookup}, waits for them at most
 * {@code wait}, and lets the pure {@link ScoreRules} decide the queue and priority. A read that fails or comes too
 * late leaves the call as it was asked: it is logged once, and again only after reads have answered in between.
 *
 * <p>Applies to callers with a known customer ({@code customer.id} from an IVR lookup, or {@code customerId}) who are
 * not a campaign's live answer (those belong to the campaign's queue, and a wait there risks an abandon).
 *
 * <p>Threading: {@link #decide} is called on the ACD verticle's context and completes there.
 */
public final class ScoreRouting {
    private static final Logger log = LoggerFactory.getLogger(ScoreRouting.class);
    /** The IVR's variable of a customer found by a lookup node, passed in the enqueue data. */
    public static final String IVR_CUSTOMER_KEY = "customer.id";
    /** The key the dialer and scheduled callbacks use. */
    public static final String CUSTOMER_KEY = "customerId";

    private final ScoreRules rules;
    private final ScoreLookup lookup;
    private final Duration wait;
    /** Whether the last read failed or timed out: the next failure is not logged again. */
    private boolean failing;

    public ScoreRouting(ScoreRules rules, ScoreLookup lookup, Duration wait) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.wait = Objects.requireNonNull(wait, "wait");
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("the wait for scores must be longer than zero");
        }
    }

    /** No rules: every call is routed as asked, nothing is read. */
    public static ScoreRouting off() {
        return new ScoreRouting(ScoreRules.none(), id -> Future.succeededFuture(java.util.List.of()),
                Duration.ofMillis(1));
    }

    public ScoreRules rules() {
        return rules;
    }

    /** The customer whose scores the rules read for this call; empty when the rules do not apply to it. */
    public OptionalLong customerOf(EnqueueCall e) {
        if (rules.isEmpty() || e.data().containsKey("campaign")) {
            return OptionalLong.empty();
        }
        String id = e.data().getOrDefault(IVR_CUSTOMER_KEY, e.data().getOrDefault(CUSTOMER_KEY, "")).trim();
        if (!id.matches("\\d{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(id));
    }

    /**
     * What the rules decide for the customer's call; empty when the scores could not be read in time (the call then
     * goes as asked). Never fails.
     */
    public Future<Optional<RuleDecision>> decide(Vertx vertx, long customerId, String queue, int priority,
                                                 Instant now) {
        Context here = vertx.getOrCreateContext();
        Promise<Optional<RuleDecision>> out = Promise.promise();
        long timer = vertx.setTimer(wait.toMillis(), id -> {
            if (out.tryComplete(Optional.empty())) {
                failed(customerId, "no answer within " + wait.toMillis() + " ms");
            }
        });
        Future<java.util.List<cc.core.domain.scoring.CustomerScore>> read;
        try {
            read = lookup.scores(customerId);
        } catch (RuntimeException e) {
            read = Future.failedFuture(e);
        }
        read.onComplete(ar -> here.runOnContext(v -> {
            vertx.cancelTimer(timer);
            if (ar.failed()) {
                if (out.tryComplete(Optional.empty())) {
                    failed(customerId, String.valueOf(ar.cause().getMessage()));
                }
                return;
            }
            if (out.future().isComplete()) {
                return;
            }
            if (failing) {
                failing = false;
                log.info("customer scores are read again in time; score rules apply again");
            }
            out.complete(Optional.of(rules.apply(queue, priority, ar.result(), now)));
        }));
        return out.future();
    }

    private void failed(long customerId, String why) {
        if (!failing) {
            failing = true;
            log.warn("customer {}'s scores could not be read ({}); calls go to the queue they asked for until the "
                    + "scores answer again (logged once)", customerId, why);
        }
    }
}
