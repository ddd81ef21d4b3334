package cc.console.domain.quality;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EvaluationFormTest {
    private static String refusal(List<Section> sections) {
        return assertThrows(IllegalArgumentException.class, () -> new EvaluationForm(0, 1, "Form", sections, false))
                .getMessage();
    }

    private static Criterion yesNo(String id, double weight) {
        return new Criterion(id, "Question " + id, weight, Scale.YES_NO, false);
    }

    @Test
    @DisplayName("an empty form, or a section without criteria, is refused")
    void empty() {
        assertEquals("sections: the form is empty; add a section with at least one criterion", refusal(List.of()));
        assertEquals("sections[0].criteria: section 'Opening' is empty; add at least one criterion",
                refusal(List.of(new Section("Opening", List.of()))));
        assertEquals("name: must have 1 to 200 characters", assertThrows(IllegalArgumentException.class,
                () -> new EvaluationForm(0, 1, " ", List.of(new Section("S", List.of(yesNo("a", 1)))), false))
                .getMessage());
    }

    @Test
    @DisplayName("weights must be above zero, named by their place in the form")
    void weights() {
        assertEquals("sections[1].criteria[0].weight: must be above 0, was 0.0", refusal(List.of(
                new Section("One", List.of(yesNo("a", 1))), new Section("Two", List.of(yesNo("b", 0))))));
        assertEquals("sections[0].criteria[1].weight: must be above 0, was -2.0",
                refusal(List.of(new Section("One", List.of(yesNo("a", 1), yesNo("b", -2))))));
        assertEquals("sections[0].criteria[0].weight: must be above 0, was NaN",
                refusal(List.of(new Section("One", List.of(yesNo("a", Double.NaN))))));
    }

    @Test
    @DisplayName("criterion ids are unique words and every criterion has a text")
    void criteria() {
        assertEquals("sections[1].criteria[0].id: 'a' is used twice in the form", refusal(List.of(
                new Section("One", List.of(yesNo("a", 1))), new Section("Two", List.of(yesNo("a", 1))))));
        assertEquals("sections[0].criteria[0].id: 1 to 64 letters, digits, '-' or '_', was 'a b'",
                refusal(List.of(new Section("One", List.of(yesNo("a b", 1))))));
        assertEquals("sections[0].criteria[0].text: must have 1 to 1000 characters", refusal(List.of(
                new Section("One", List.of(new Criterion("a", "", 1, Scale.YES_NO, false))))));
        assertEquals("must be yes-no or 1-5, was '1-10'",
                assertThrows(IllegalArgumentException.class, () -> Scale.of("1-10")).getMessage());
    }
}
