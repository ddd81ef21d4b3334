package cc.console.domain.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores a filled form. Each criterion that applies earns its weight times a fraction: {@code yes} 1 and {@code no}
 * 0; on the 1-5 scale {@code (n - 1) / 4}, so 1 earns nothing and 5 everything. {@value #NOT_APPLICABLE} leaves the
 * criterion out of both the points and the weights. The percentage is points over weights, rounded half up to 2
 * decimals; any critical criterion answered {@code no} or 1 fails the form, which then scores 0.
 *
 * <p>quality.js computes the live score in the browser the same way, in the same order; change both together.
 */
public final class Scoring {
    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String NOT_APPLICABLE = "n/a";

    private Scoring() {}

    /**
     * The score of {@code answers} (criterion id to {@code yes}, {@code no}, {@code n/a} or {@code 1}..{@code 5}).
     * Every criterion must be answered, and only the form's criteria; otherwise {@link IllegalArgumentException}
     * naming the criterion.
     */
    public static Score score(EvaluationForm form, Map<String, String> answers) {
        for (String id : answers.keySet()) {
            if (form.criterion(id).isEmpty()) {
                throw new IllegalArgumentException("answers." + id + ": the form has no criterion '" + id + "'");
            }
        }
        double points = 0;
        double possible = 0;
        List<String> failedCritical = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Criterion c : form.criteria()) {
            String answer = answers.get(c.id());
            if (answer == null || answer.isBlank()) {
                missing.add(c.id());
                continue;
            }
            answer = answer.strip();
            if (answer.equals(NOT_APPLICABLE)) {
                continue;
            }
            double fraction = fraction(c, answer);
            if (c.critical() && fraction == 0) {
                failedCritical.add(c.id());
            }
            points += c.weight() * fraction;
            possible += c.weight();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("answers: not answered: " + String.join(", ", missing)
                    + " (answer n/a where a criterion does not apply)");
        }
        if (possible == 0) {
            throw new IllegalArgumentException("answers: every criterion is n/a; there is nothing to score");
        }
        boolean failed = !failedCritical.isEmpty();
        double percent = failed ? 0 : Math.round(points / possible * 100 * 100) / 100.0;
        return new Score(percent, failed, failedCritical, points, possible);
    }

    private static double fraction(Criterion c, String answer) {
        if (c.scale() == Scale.YES_NO) {
            if (answer.equals(YES)) {
                return 1;
            }
            if (answer.equals(NO)) {
                return 0;
            }
            throw new IllegalArgumentException("answers." + c.id() + ": '" + answer
                    + "' is not on the yes-no scale (yes, no or n/a)");
        }
        if (answer.length() == 1 && answer.charAt(0) >= '1' && answer.charAt(0) <= '5') {
            return (answer.charAt(0) - '1') / 4.0;
        }
        throw new IllegalArgumentException("answers." + c.id() + ": '" + answer
                + "' is not on the 1-5 scale (1, 2, 3, 4, 5 or n/a)");
    }
}
