package cc.console.app;

import cc.console.domain.quality.Evaluation;
import cc.console.domain.quality.EvaluationForm;
import cc.console.domain.quality.QualityAverage;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Evaluation forms (all their versions), evaluations, and the calls there are to review. */
public interface QualityStore {

    /** A call an agent handled, as the reviewer picks it. */
    record CallToReview(String interactionId, String agentId, String queue, String direction, String callerNumber,
                        String callerName, Instant offeredAt, Optional<Instant> talkedAt, Optional<Instant> endedAt,
                        String disposition, long evaluations) {}

    /** An evaluation in a list: its figures without the answers. */
    record EvaluationSummary(long id, String interactionId, String agentId, String queue, String evaluator,
                             long formId, int formVersion, String formName, double score, boolean failed,
                             String comment, Instant createdAt) {}

    /** Which evaluations to list; empty fields do not filter. {@code to} is exclusive. */
    record EvaluationQuery(Optional<String> agentId, Optional<String> interactionId, Instant from, Instant to,
                           int limit) {}

    /** The current version of every form, retired ones too when asked, by name. */
    Future<List<EvaluationForm>> forms(boolean withRetired);

    /** The current version of the form. */
    Future<Optional<EvaluationForm>> form(long id);

    Future<Optional<EvaluationForm>> form(long id, int version);

    /** Stores a new form as version 1 and returns it with its id. */
    Future<EvaluationForm> create(EvaluationForm form, String byUser);

    /**
     * Applies an admin's edit ({@link EvaluationForm#revisedBy}): a new version when evaluations use the current
     * one. Empty when there is no such form.
     */
    Future<Optional<EvaluationForm>> update(long id, EvaluationForm edit, String byUser);

    /** Retires the form; empty when there is no such form. */
    Future<Optional<EvaluationForm>> retire(long id);

    /**
     * Calls handled by an agent (someone talked to the caller) offered in [from, to), newest first, with how many
     * evaluations each has.
     */
    Future<List<CallToReview>> calls(Optional<String> agentId, Optional<String> queue, Instant from, Instant to,
                                     int limit);

    /** The call if an agent handled it. */
    Future<Optional<CallToReview>> call(String interactionId);

    /** Stores the evaluation (with its answers) and returns it with its id. */
    Future<Evaluation> save(Evaluation evaluation);

    Future<Optional<Evaluation>> evaluation(long id);

    /** Newest first. */
    Future<List<EvaluationSummary>> evaluations(EvaluationQuery query);

    /** Per agent over evaluations made in [from, to), by agent id. */
    Future<List<QualityAverage>> averagesByAgent(Instant from, Instant to);

    /** Per queue over evaluations made in [from, to), by queue; calls without a queue under ''. */
    Future<List<QualityAverage>> averagesByQueue(Instant from, Instant to);
}
