package cc.core.domain.report;

import java.util.Optional;

/**
 * Quality figures of one queue or agent for one bucket: post-call survey answers counted by the call's offer time,
 * QA evaluations by the time they were made (a review month is the month the reviews were done, and an evaluation
 * outlives its call's record).
 *
 * @param surveys          calls whose caller answered the satisfaction survey
 * @param satisfactionSum  the sum of their scores (1..5 each)
 * @param evaluations      QA evaluations
 * @param scoreSum         the sum of their scores (0..100 each)
 * @param criticalFailures evaluations failed on a critical criterion (scored 0)
 */
public record QualityFigures(long surveys, long satisfactionSum, long evaluations, double scoreSum,
                             long criticalFailures) {
    public static final QualityFigures ZERO = new QualityFigures(0, 0, 0, 0, 0);

    public static QualityFigures surveys(long answers, long satisfactionSum) {
        return new QualityFigures(answers, satisfactionSum, 0, 0, 0);
    }

    public static QualityFigures evaluations(long evaluations, double scoreSum, long criticalFailures) {
        return new QualityFigures(0, 0, evaluations, scoreSum, criticalFailures);
    }

    public QualityFigures plus(QualityFigures o) {
        return new QualityFigures(surveys + o.surveys, satisfactionSum + o.satisfactionSum,
                evaluations + o.evaluations, scoreSum + o.scoreSum, criticalFailures + o.criticalFailures);
    }

    /** Average satisfaction, 1..5; empty with no answers. */
    public Optional<Double> averageSatisfaction() {
        return surveys == 0 ? Optional.empty() : Optional.of(satisfactionSum / (double) surveys);
    }

    /** Average QA score, 0..100; empty with no evaluations. */
    public Optional<Double> averageScore() {
        return evaluations == 0 ? Optional.empty() : Optional.of(scoreSum / evaluations);
    }

    /** Critical failures over evaluations. */
    public Optional<Double> criticalFailureRate() {
        return evaluations == 0 ? Optional.empty() : Optional.of(criticalFailures / (double) evaluations);
    }
}
