package cc.core.app.scoring;

import cc.core.domain.scoring.CustomerHistory;
import cc.core.domain.scoring.CustomerScore;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/** Where customer histories are read from and computed scores kept. Threading: callable from any context. */
public interface CustomerScoreStore {

    /** The histories of up to {@code limit} customers with ids above {@code afterId}, in id order: a page. */
    Future<List<CustomerHistory>> histories(long afterId, int limit);

    /** Writes the scores, each replacing the customer's earlier score of the same name, in one transaction. */
    Future<Void> save(List<CustomerScore> scores);

    /**
     * Replaces, in one transaction, every score a scoring run computes ({@link CustomerScore#computedByScoring}) of the
     * customers with ids {@code firstId..lastId} by {@code scores}: a customer of the range without a new score (one
     * who left) keeps none, so a call list cannot pick them by an old one. Scores of other names are left alone.
     */
    Future<Void> replace(long firstId, long lastId, List<CustomerScore> scores);

    /** Keeps what one run did and how good its churn model was. */
    Future<Void> saveRun(ScoringRun run);

    /** A customer's current scores, by name. */
    Future<List<CustomerScore>> scores(long customerId);

    /**
     * One scoring run.
     *
     * @param customers  customers read
     * @param scored     active customers scored
     * @param churners   customers labelled churned (closed account or churn disposition)
     * @param heldOutAuc the churn model's AUC on held-out customers; empty when there was nothing to learn from
     */
    record ScoringRun(Instant computedAt, int customers, int scored, int churners, OptionalDouble heldOutAuc) {}
}
