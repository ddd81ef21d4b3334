package cc.console.domain.quality;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A supervisor's review of one call against one version of a form.
 *
 * @param id             0 until stored
 * @param interactionId  the call reviewed
 * @param agentId        the agent reviewed: who last talked on the call, as its record says
 * @param queue          the call's queue, '' when it had none
 * @param evaluator      the reviewer's user name
 * @param answers        criterion id to answer ({@link Scoring})
 * @param comments       criterion id to the evaluator's remark; criteria without one are left out
 * @param comment        the overall remark
 */
public record Evaluation(long id, String interactionId, String agentId, String queue, String evaluator, long formId,
                         int formVersion, Map<String, String> answers, Map<String, String> comments, String comment,
                         Score score, Instant createdAt) {
    public static final int MAX_COMMENT = 4000;

    public Evaluation {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(createdAt, "createdAt");
        queue = queue == null ? "" : queue;
        comment = comment == null ? "" : comment.strip();
        answers = Map.copyOf(answers);
        Map<String, String> kept = new LinkedHashMap<>();
        comments.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v.strip());
            }
        });
        comments = Map.copyOf(kept);
    }

    /**
     * Scores {@code answers} on {@code form} and checks the remarks: the evaluation as it will be stored. Throws
     * {@link IllegalArgumentException} naming what is wrong.
     */
    public static Evaluation of(EvaluationForm form, String interactionId, String agentId, String queue,
                                String evaluator, Map<String, String> answers, Map<String, String> comments,
                                String comment, Instant now) {
        if (form.retired()) {
            throw new IllegalArgumentException("formId: form '" + form.name() + "' is retired");
        }
        for (Map.Entry<String, String> e : comments.entrySet()) {
            if (form.criterion(e.getKey()).isEmpty()) {
                throw new IllegalArgumentException("comments." + e.getKey() + ": the form has no criterion '"
                        + e.getKey() + "'");
            }
            if (e.getValue() != null && e.getValue().length() > MAX_COMMENT) {
                throw new IllegalArgumentException("comments." + e.getKey() + ": at most " + MAX_COMMENT
                        + " characters");
            }
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("comment: at most " + MAX_COMMENT + " characters");
        }
        Score score = Scoring.score(form, answers);
        return new Evaluation(0, interactionId, agentId, queue, evaluator, form.id(), form.version(), answers,
                comments, comment, score, now);
    }

    public Evaluation withId(long newId) {
        return new Evaluation(newId, interactionId, agentId, queue, evaluator, formId, formVersion, answers, comments,
                comment, score, createdAt);
    }
}
