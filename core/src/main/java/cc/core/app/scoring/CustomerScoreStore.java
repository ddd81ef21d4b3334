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

    /** Removes every score of these customers (who have left: a call list must not pick them by an old score). */
    Future<Void> clear(List<Long> customerIds);

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
