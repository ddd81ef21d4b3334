package cc.console.domain.quality;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringTest {
    /** Greeting (yes-no, 1), empathy (1-5, 2), resolution (1-5, 3), identity checked (yes-no, 2, critical). */
    static EvaluationForm form() {
        return new EvaluationForm(7, 1, "Inbound calls", List.of(
                new Section("Opening", List.of(
                        new Criterion("greeting", "Greets with name and company", 1, Scale.YES_NO, false),
                        new Criterion("identity", "Checks the caller's identity", 2, Scale.YES_NO, true))),
                new Section("Conversation", List.of(
                        new Criterion("empathy", "Shows empathy", 2, Scale.ONE_TO_FIVE, false),
                        new Criterion("resolution", "Solves the problem", 3, Scale.ONE_TO_FIVE, true)))), false);
    }

    @Test
    @DisplayName("yes earns the full weight, no nothing, and 1-5 earns (n-1)/4 of it")
    void weightedPoints() {
        Score s = Scoring.score(form(), Map.of("greeting", "no", "identity", "yes", "empathy", "3",
                "resolution", "5"));
        // 0*1 + 1*2 + 0.5*2 + 1*3 = 6 of 8
        assertEquals(6.0, s.points());
        assertEquals(8.0, s.possible());
        assertEquals(75.0, s.percent());
        assertFalse(s.failed());
    }

    @Test
    @DisplayName("a criterion answered n/a leaves the weights, so the others make up the whole")
    void notApplicable() {
        Score s = Scoring.score(form(), Map.of("greeting", "n/a", "identity", "yes", "empathy", "4",
                "resolution", "4"));
        // 2 + 0.75*2 + 0.75*3 = 5.75 of 7
        assertEquals(7.0, s.possible());
        assertEquals(82.14, s.percent());
    }

    @Test
    @DisplayName("the percentage is rounded half up to two decimals")
    void rounding() {
        EvaluationForm thirds = new EvaluationForm(1, 1, "Thirds", List.of(new Section("All", List.of(
                new Criterion("a", "A", 1, Scale.YES_NO, false), new Criterion("b", "B", 1, Scale.YES_NO, false),
                new Criterion("c", "C", 1, Scale.YES_NO, false)))), false);
        assertEquals(66.67, Scoring.score(thirds, Map.of("a", "yes", "b", "yes", "c", "no")).percent());
        assertEquals(33.33, Scoring.score(thirds, Map.of("a", "yes", "b", "no", "c", "no")).percent());
    }

    @Test
    @DisplayName("a critical criterion answered no fails the form with score 0 and names it")
    void criticalNo() {
        Score s = Scoring.score(form(), Map.of("greeting", "yes", "identity", "no", "empathy", "5",
                "resolution", "5"));
        assertTrue(s.failed());
        assertEquals(0.0, s.percent());
        assertEquals(List.of("identity"), s.failedCritical());
        assertEquals(6.0, s.points(), "the points are kept for the record");
    }

    @Test
    @DisplayName("a critical criterion marked 1 on the 1-5 scale fails the form; 2 does not")
    void criticalOne() {
        Score one = Scoring.score(form(), Map.of("greeting", "yes", "identity", "no", "empathy", "5",
                "resolution", "1"));
        assertEquals(List.of("identity", "resolution"), one.failedCritical());
        Score two = Scoring.score(form(), Map.of("greeting", "yes", "identity", "yes", "empathy", "5",
                "resolution", "2"));
        assertFalse(two.failed());
        assertEquals(71.88, two.percent());
    }

    @Test
    @DisplayName("a critical criterion answered n/a does not fail the form")
    void criticalNotApplicable() {
        Score s = Scoring.score(form(), Map.of("greeting", "yes", "identity", "n/a", "empathy", "5",
                "resolution", "5"));
        assertFalse(s.failed());
        assertEquals(100.0, s.percent());
    }

    @Test
    @DisplayName("missing answers, answers off the scale and unknown criteria are refused, naming the criterion")
    void badAnswers() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Scoring.score(form(), Map.of("greeting", "yes", "identity", "yes")));
        assertEquals("answers: not answered: empathy, resolution (answer n/a where a criterion does not apply)",
                missing.getMessage());
        assertEquals("answers.empathy: '6' is not on the 1-5 scale (1, 2, 3, 4, 5 or n/a)",
                assertThrows(IllegalArgumentException.class, () -> Scoring.score(form(), Map.of("greeting", "yes",
                        "identity", "yes", "empathy", "6", "resolution", "5"))).getMessage());
        assertEquals("answers.greeting: '3' is not on the yes-no scale (yes, no or n/a)",
                assertThrows(IllegalArgumentException.class, () -> Scoring.score(form(), Map.of("greeting", "3",
                        "identity", "yes", "empathy", "3", "resolution", "5"))).getMessage());
        assertEquals("answers.closing: the form has no criterion 'closing'",
                assertThrows(IllegalArgumentException.class, () -> Scoring.score(form(), Map.of("greeting", "yes",
                        "identity", "yes", "empathy", "3", "resolution", "5", "closing", "yes"))).getMessage());
        assertEquals("answers: every criterion is n/a; there is nothing to score",
                assertThrows(IllegalArgumentException.class, () -> Scoring.score(form(), Map.of("greeting", "n/a",
                        "identity", "n/a", "empathy", "n/a", "resolution", "n/a"))).getMessage());
    }

    @Test
    @DisplayName("an evaluation refuses remarks on criteria the form lacks and a retired form")
    void evaluationChecks() {
        Map<String, String> answers = Map.of("greeting", "yes", "identity", "yes", "empathy", "3", "resolution", "5");
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        Evaluation e = Evaluation.of(form(), "call-1", "a1", "cards", "sara", answers,
                Map.of("empathy", " Rushed the caller ", "greeting", " "), "Good call", now);
        assertEquals(Map.of("empathy", "Rushed the caller"), e.comments(), "blank remarks are dropped");
        assertEquals(87.5, e.score().percent());
        assertEquals(7, e.formId());
        assertEquals("comments.tone: the form has no criterion 'tone'", assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(form(), "call-1", "a1", "", "sara", answers, Map.of("tone", "x"), "", now))
                .getMessage());
        assertEquals("formId: form 'Inbound calls' is retired", assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(form().retire(), "call-1", "a1", "", "sara", answers, Map.of(), "", now))
                .getMessage());
    }

    @Test
    @DisplayName("editing a used form makes the next version; an unused or unchanged one keeps its version")
    void versions() {
        EvaluationForm stored = form();
        EvaluationForm edit = new EvaluationForm(0, 0, "Inbound calls 2027", stored.sections(), false);
        assertEquals(2, stored.revisedBy(edit, true).version());
        assertEquals("Inbound calls 2027", stored.revisedBy(edit, true).name());
        assertEquals(1, stored.revisedBy(edit, false).version());
        assertSame(stored, stored.revisedBy(new EvaluationForm(0, 0, "Inbound calls", stored.sections(), false), true));
    }
}
