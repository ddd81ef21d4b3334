package cc.console.adapter.http;

import cc.console.app.QualityStore;
import cc.console.domain.quality.Criterion;
import cc.console.domain.quality.Evaluation;
import cc.console.domain.quality.EvaluationForm;
import cc.console.domain.quality.QualityAverage;
import cc.console.domain.quality.Scale;
import cc.console.domain.quality.Section;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quality review's JSON, both ways. Reading refuses a body of the wrong shape with {@link IllegalArgumentException}
 * naming the field ({@code sections[0].criteria[1].weight: must be a number}); whether the values make a valid form
 * is the domain's to say.
 */
final class QualityJson {
    private QualityJson() {}

    /** An admin's form; criteria without an id get {@code c1}, {@code c2}, ... by their place in the form. */
    static EvaluationForm form(JsonObject b) {
        String name = text(b, "name", "name");
        Object rawSections = b.getValue("sections");
        if (!(rawSections instanceof JsonArray sectionArray)) {
            throw new IllegalArgumentException("sections: required, a list of {title, criteria}");
        }
        List<Section> sections = new ArrayList<>();
        int seq = 0;
        for (int s = 0; s < sectionArray.size(); s++) {
            String at = "sections[" + s + "]";
            if (!(sectionArray.getValue(s) instanceof JsonObject section)) {
                throw new IllegalArgumentException(at + ": must be an object {title, criteria}");
            }
            if (!(section.getValue("criteria") instanceof JsonArray criteriaArray)) {
                throw new IllegalArgumentException(at + ".criteria: required, a list of criteria");
            }
            List<Criterion> criteria = new ArrayList<>();
            for (int c = 0; c < criteriaArray.size(); c++) {
                String where = at + ".criteria[" + c + "]";
                seq++;
                if (!(criteriaArray.getValue(c) instanceof JsonObject k)) {
                    throw new IllegalArgumentException(where + ": must be an object {id, text, weight, scale, critical}");
                }
                String id = k.getValue("id") == null ? "" : text(k, "id", where + ".id");
                Object weight = k.getValue("weight");
                if (!(weight instanceof Number number)) {
                    throw new IllegalArgumentException(where + ".weight: must be a number above 0");
                }
                Scale scale;
                try {
                    scale = Scale.of(text(k, "scale", where + ".scale"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ".scale: " + e.getMessage());
                }
                Object critical = k.getValue("critical", false);
                if (!(critical instanceof Boolean flag)) {
                    throw new IllegalArgumentException(where + ".critical: must be true or false");
                }
                criteria.add(new Criterion(id.isBlank() ? "c" + seq : id, text(k, "text", where + ".text"),
                        number.doubleValue(), scale, flag));
            }
            sections.add(new Section(text(section, "title", at + ".title"), criteria));
        }
        return new EvaluationForm(0, 1, name, sections, false);
    }

    /** Criterion id to answer; 1-5 marks may come as numbers. */
    static Map<String, String> answers(JsonObject b) {
        Object raw = b.getValue("answers");
        if (!(raw instanceof JsonObject answers)) {
            throw new IllegalArgumentException("answers: required, an object of criterion id to yes, no, n/a or 1-5");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : answers.fieldNames()) {
            Object v = answers.getValue(id);
            if (v instanceof Integer || v instanceof Long) {
                out.put(id, v.toString());
            } else if (v instanceof String s) {
                out.put(id, s.strip());
            } else {
                throw new IllegalArgumentException("answers." + id + ": must be yes, no, n/a or 1 to 5");
            }
        }
        return out;
    }

    static Map<String, String> comments(JsonObject b) {
        Object raw = b.getValue("comments");
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof JsonObject comments)) {
            throw new IllegalArgumentException("comments: must be an object of criterion id to text");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : comments.fieldNames()) {
            if (!(comments.getValue(id) instanceof String s)) {
                throw new IllegalArgumentException("comments." + id + ": must be text");
            }
            out.put(id, s);
        }
        return out;
    }

    static String text(JsonObject b, String key, String field) {
        Object v = b.getValue(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(field + ": required, as text");
        }
        return s;
    }

    static JsonObject form(EvaluationForm f) {
        JsonArray sections = new JsonArray();
        for (Section s : f.sections()) {
            JsonArray criteria = new JsonArray();
            for (Criterion c : s.criteria()) {
                criteria.add(new JsonObject().put("id", c.id()).put("text", c.text()).put("weight", c.weight())
                        .put("scale", c.scale().code()).put("critical", c.critical()));
            }
            sections.add(new JsonObject().put("title", s.title()).put("criteria", criteria));
        }
        return new JsonObject().put("id", f.id()).put("version", f.version()).put("name", f.name())
                .put("retired", f.retired()).put("sections", sections);
    }

    static JsonObject call(QualityStore.CallToReview c) {
        return new JsonObject().put("interactionId", c.interactionId()).put("agentId", c.agentId())
                .put("queue", c.queue()).put("direction", c.direction()).put("callerNumber", c.callerNumber())
                .put("callerName", c.callerName()).put("offeredAt", c.offeredAt().toString())
                .put("talkedAt", c.talkedAt().map(Object::toString).orElse(null))
                .put("endedAt", c.endedAt().map(Object::toString).orElse(null))
                .put("disposition", c.disposition()).put("evaluations", c.evaluations());
    }

    static JsonObject summary(QualityStore.EvaluationSummary e) {
        return new JsonObject().put("id", e.id()).put("interactionId", e.interactionId()).put("agentId", e.agentId())
                .put("queue", e.queue()).put("evaluator", e.evaluator()).put("formId", e.formId())
                .put("formVersion", e.formVersion()).put("formName", e.formName()).put("score", e.score())
                .put("failed", e.failed()).put("comment", e.comment()).put("createdAt", e.createdAt().toString());
    }

    static JsonObject evaluation(Evaluation e) {
        return new JsonObject().put("id", e.id()).put("interactionId", e.interactionId()).put("agentId", e.agentId())
                .put("queue", e.queue()).put("evaluator", e.evaluator()).put("formId", e.formId())
                .put("formVersion", e.formVersion()).put("answers", new JsonObject(new LinkedHashMap<>(e.answers())))
                .put("comments", new JsonObject(new LinkedHashMap<>(e.comments()))).put("comment", e.comment())
                .put("score", e.score().percent()).put("failed", e.score().failed())
                .put("failedCritical", new JsonArray(e.score().failedCritical()))
                .put("createdAt", e.createdAt().toString());
    }

    static JsonArray averages(List<QualityAverage> list, String keyName) {
        return new JsonArray(list.stream().map(a -> new JsonObject().put(keyName, a.key()).put("count", a.count())
                .put("averageScore", a.averageScore()).put("failed", a.failed())).toList());
    }
}
