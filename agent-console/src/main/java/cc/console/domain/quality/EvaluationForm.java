package cc.console.domain.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An evaluation form as admins define it. A form keeps its {@code id} across edits; each edit of a form that has
 * been used makes a new {@code version}, so an evaluation always reads against the questions it was scored on.
 * The constructor refuses a form that could not be scored, with a message naming the field.
 *
 * @param id       0 for a form not yet stored
 * @param version  from 1
 * @param retired  a retired form is kept for its evaluations but offered for no new ones
 */
public record EvaluationForm(long id, int version, String name, List<Section> sections, boolean retired) {
    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 1000;
    public static final int MAX_CRITERIA = 200;

    public EvaluationForm {
        name = name == null ? "" : name.strip();
        sections = sections == null ? List.of() : List.copyOf(sections);
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("name: must have 1 to " + MAX_NAME + " characters");
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("sections: the form is empty; add a section with at least one criterion");
        }
        Set<String> ids = new HashSet<>();
        int count = 0;
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            String at = "sections[" + s + "]";
            if (section.title().isEmpty() || section.title().length() > MAX_NAME) {
                throw new IllegalArgumentException(at + ".title: must have 1 to " + MAX_NAME + " characters");
            }
            if (section.criteria().isEmpty()) {
                throw new IllegalArgumentException(at + ".criteria: section '" + section.title()
                        + "' is empty; add at least one criterion");
            }
            for (int c = 0; c < section.criteria().size(); c++) {
                Criterion k = section.criteria().get(c);
                String where = at + ".criteria[" + c + "]";
                if (!k.id().matches("[A-Za-z0-9_\\-]{1,64}")) {
                    throw new IllegalArgumentException(where + ".id: 1 to 64 letters, digits, '-' or '_', was '"
                            + k.id() + "'");
                }
                if (!ids.add(k.id())) {
                    throw new IllegalArgumentException(where + ".id: '" + k.id() + "' is used twice in the form");
                }
                if (k.text().isEmpty() || k.text().length() > MAX_TEXT) {
                    throw new IllegalArgumentException(where + ".text: must have 1 to " + MAX_TEXT + " characters");
                }
                if (!(k.weight() > 0) || Double.isInfinite(k.weight())) {
                    throw new IllegalArgumentException(where + ".weight: must be above 0, was " + k.weight());
                }
                count++;
            }
        }
        if (count > MAX_CRITERIA) {
            throw new IllegalArgumentException("sections: at most " + MAX_CRITERIA + " criteria in a form");
        }
    }

    public List<Criterion> criteria() {
        return sections.stream().flatMap(s -> s.criteria().stream()).toList();
    }

    public Optional<Criterion> criterion(String criterionId) {
        return criteria().stream().filter(c -> c.id().equals(criterionId)).findFirst();
    }

    public EvaluationForm withIdentity(long newId, int newVersion) {
        return new EvaluationForm(newId, newVersion, name, sections, retired);
    }

    public EvaluationForm retire() {
        return new EvaluationForm(id, version, name, sections, true);
    }

    /**
     * This stored form after an admin's {@code edit}: evaluations already made keep the version they were scored
     * on, so a used form whose questions change gets the next version; an unused one is changed in place.
     */
    public EvaluationForm revisedBy(EvaluationForm edit, boolean usedByEvaluations) {
        if (sameQuestions(edit)) {
            return this;
        }
        return new EvaluationForm(id, usedByEvaluations ? version + 1 : version, edit.name, edit.sections, retired);
    }

    /** Whether the questions (not the identity or retirement) are the same, so an edit need not make a version. */
    public boolean sameQuestions(EvaluationForm other) {
        return name.equals(other.name) && sections.equals(other.sections);
    }
}
