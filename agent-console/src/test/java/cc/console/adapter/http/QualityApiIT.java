package cc.console.adapter.http;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.console.testing.QualityData;
import cc.core.testkit.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quality review's REST API over real HTTP against PostgreSQL: who may do what, and bad bodies refused clearly. */
class QualityApiIT {
    private static ConsoleFixture fx;
    private static ConsoleClient root;
    private static ConsoleClient sara;
    private static ConsoleClient ali;
    private static ConsoleClient john;

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("ali", Role.AGENT, "a1", "fa");
        fx.user("john", Role.AGENT, "a2", "en");
        fx.user("sara", Role.SUPERVISOR, "", "en");
        root = fx.signIn("root");
        sara = fx.signIn("sara");
        ali = fx.signIn("ali");
        john = fx.signIn("john");
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static JsonObject json(HttpResponse<String> r, int expected) {
        assertEquals(expected, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    private static String error(HttpResponse<String> r, int expected) {
        return json(r, expected).getString("error");
    }

    private static JsonObject answers(String greeting, String identity, Object empathy, Object resolution) {
        return new JsonObject().put("greeting", greeting).put("identity", identity).put("empathy", empathy)
                .put("resolution", resolution);
    }

    private static JsonObject evaluation(String call, JsonObject form, JsonObject answers) {
        return new JsonObject().put("interactionId", call).put("formId", form.getLong("id"))
                .put("formVersion", form.getInteger("version")).put("answers", answers)
                .put("comments", new JsonObject().put("empathy", "Talked over the caller")).put("comment", "Good fix");
    }

    @Test
    @DisplayName("admins create, edit and retire forms; supervisors read them; agents neither")
    void forms() {
        JsonObject created = json(root.change("POST", "/api/quality/forms", QualityData.form("Retention calls")), 201);
        long id = created.getLong("id");
        assertEquals(1, created.getInteger("version"));
        assertEquals("identity", created.getJsonArray("sections").getJsonObject(0).getJsonArray("criteria")
                .getJsonObject(1).getString("id"));
        assertEquals("evaluation forms are defined by admins",
                error(sara.change("POST", "/api/quality/forms", QualityData.form("Mine")), 403));
        assertEquals(403, john.change("POST", "/api/quality/forms", QualityData.form("Mine")).statusCode());
        assertEquals("quality review is for supervisors and admins", error(john.get("/api/quality/forms"), 403));
        assertTrue(json(sara.get("/api/quality/forms"), 200).getJsonArray("forms").stream()
                .anyMatch(f -> ((JsonObject) f).getLong("id") == id));
        assertEquals(403, sara.get("/api/quality/forms?all=true").statusCode());

        JsonObject edit = QualityData.form("Retention calls v2");
        JsonObject saved = json(root.change("PUT", "/api/quality/forms/" + id, edit), 200);
        assertEquals("Retention calls v2", saved.getString("name"));
        assertEquals(1, saved.getInteger("version"), "no evaluation used it, so it is changed in place");
        assertEquals(403, sara.change("POST", "/api/quality/forms/" + id + "/retire", null).statusCode());
        assertTrue(json(root.change("POST", "/api/quality/forms/" + id + "/retire", null), 200).getBoolean("retired"));
        assertFalse(json(sara.get("/api/quality/forms"), 200).getJsonArray("forms").stream()
                .anyMatch(f -> ((JsonObject) f).getLong("id") == id));
        assertTrue(json(root.get("/api/quality/forms?all=true"), 200).getJsonArray("forms").stream()
                .anyMatch(f -> ((JsonObject) f).getLong("id") == id));
        assertEquals(404, root.change("PUT", "/api/quality/forms/424242", edit).statusCode());
    }

    @Test
    @DisplayName("a bad form is refused with 400 naming the field")
    void badForms() {
        assertEquals("sections: the form is empty; add a section with at least one criterion", error(root.change("POST",
                "/api/quality/forms", new JsonObject().put("name", "Empty").put("sections", new JsonArray())), 400));
        assertEquals("sections: required, a list of {title, criteria}",
                error(root.change("POST", "/api/quality/forms", new JsonObject().put("name", "No sections")), 400));
        JsonObject zero = QualityData.form("Zero weight");
        zero.getJsonArray("sections").getJsonObject(1).getJsonArray("criteria").getJsonObject(0).put("weight", 0);
        assertEquals("sections[1].criteria[0].weight: must be above 0, was 0.0",
                error(root.change("POST", "/api/quality/forms", zero), 400));
        JsonObject words = QualityData.form("Weight as words");
        words.getJsonArray("sections").getJsonObject(0).getJsonArray("criteria").getJsonObject(0).put("weight", "heavy");
        assertEquals("sections[0].criteria[0].weight: must be a number above 0",
                error(root.change("POST", "/api/quality/forms", words), 400));
        JsonObject scale = QualityData.form("Ten-point");
        scale.getJsonArray("sections").getJsonObject(0).getJsonArray("criteria").getJsonObject(0).put("scale", "1-10");
        assertEquals("sections[0].criteria[0].scale: must be yes-no or 1-5, was '1-10'",
                error(root.change("POST", "/api/quality/forms", scale), 400));
        assertEquals(415, root.send("POST", "/api/quality/forms", null, true).statusCode());
    }

    @Test
    @DisplayName("a supervisor lists a1's calls, scores one, and a1 reads it; another agent reads and saves nothing")
    void evaluations() {
        ZoneId tehran = ZoneId.of("Asia/Tehran");
        Instant now = Instant.now();
        Await.result(fx.interactions.save(QualityData.handled("q-call-1", "a1", "cards", now.minusSeconds(3 * 3600))));
        Await.result(fx.interactions.save(QualityData.handled("q-call-2", "a1", "loans", now.minusSeconds(2 * 3600))));
        Await.result(fx.interactions.save(QualityData.handled("q-call-3", "a2", "cards", now.minusSeconds(3600))));
        Await.result(fx.interactions.save(QualityData.abandoned("q-call-4", "a1", "cards", now.minusSeconds(1800))));
        JsonObject form = json(root.change("POST", "/api/quality/forms", QualityData.form("Inbound calls")), 201);

        String today = LocalDate.ofInstant(now, tehran).toString();
        String weekAgo = LocalDate.ofInstant(now, tehran).minusDays(7).toString();
        JsonArray calls = json(sara.get("/api/quality/calls?agent=a1&from=" + weekAgo + "&to=" + today), 200)
                .getJsonArray("calls");
        assertEquals(List.of("q-call-2", "q-call-1"), calls.stream().map(c -> ((JsonObject) c).getString("interactionId"))
                .toList(), "newest first, and the abandoned call is not one to review");
        assertEquals(403, ali.get("/api/quality/calls").statusCode());
        assertEquals("to: must not be before from", error(sara.get("/api/quality/calls?from=" + today + "&to=" + weekAgo), 400));
        assertEquals("from: 'yesterday' is not a date such as 2026-11-23", error(sara.get("/api/quality/calls?from=yesterday"), 400));

        JsonObject call = json(sara.get("/api/quality/calls/q-call-2"), 200);
        assertEquals("a1", call.getJsonObject("call").getString("agentId"));
        assertTrue(call.getJsonArray("forms").stream().anyMatch(f -> ((JsonObject) f).getLong("id").equals(form.getLong("id"))));
        assertEquals(404, sara.get("/api/quality/calls/q-call-4").statusCode());

        JsonObject body = evaluation("q-call-2", form, answers("yes", "yes", 3, "5"));
        assertEquals("quality review is for supervisors and admins",
                error(ali.change("POST", "/api/quality/evaluations", body), 403), "an agent scores no call, not even their own");
        assertEquals(403, john.change("POST", "/api/quality/evaluations", body).statusCode());
        JsonObject saved = json(sara.change("POST", "/api/quality/evaluations", body), 201);
        // 1 + 2 + 0.5 * 2 + 3 = 7 of 8
        assertEquals(87.5, saved.getDouble("score"));
        assertEquals("a1", saved.getString("agentId"), "the agent comes from the call's record");
        assertEquals("loans", saved.getString("queue"));
        assertEquals("sara", saved.getString("evaluator"));
        long evaluationId = saved.getLong("id");
        JsonObject failed = json(sara.change("POST", "/api/quality/evaluations",
                evaluation("q-call-1", form, answers("yes", "no", 5, 5))), 201);
        assertTrue(failed.getBoolean("failed"));
        assertEquals(0.0, failed.getDouble("score"));
        assertEquals(new JsonArray().add("identity"), failed.getJsonArray("failedCritical"));
        json(root.change("POST", "/api/quality/evaluations", evaluation("q-call-3", form, answers("yes", "yes", "n/a", 1))), 201);

        JsonArray mine = json(ali.get("/api/quality/evaluations"), 200).getJsonArray("evaluations");
        assertEquals(2, mine.size());
        assertEquals("Inbound calls", mine.getJsonObject(0).getString("formName"));
        assertEquals("you may read only your own evaluations", error(john.get("/api/quality/evaluations?agent=a1"), 403));
        assertTrue(json(john.get("/api/quality/evaluations"), 200).getJsonArray("evaluations").stream()
                .allMatch(e -> ((JsonObject) e).getString("agentId").equals("a2")));
        JsonObject detail = json(ali.get("/api/quality/evaluations/" + evaluationId), 200);
        assertEquals("Talked over the caller", detail.getJsonObject("comments").getString("empathy"));
        assertEquals("3", detail.getJsonObject("answers").getString("empathy"));
        assertEquals("Inbound calls", detail.getJsonObject("form").getString("name"));
        assertEquals("this evaluation is about another agent", error(john.get("/api/quality/evaluations/" + evaluationId), 403));
        assertEquals(200, sara.get("/api/quality/evaluations/" + evaluationId).statusCode());
        JsonObject scored = json(sara.get("/api/quality/calls/q-call-1"), 200);
        assertEquals(1, scored.getJsonObject("call").getInteger("evaluations"));
        assertEquals(failed.getLong("id"), scored.getJsonArray("evaluations").getJsonObject(0).getLong("id"));

        JsonObject byAgent = json(sara.get("/api/quality/averages?by=agent&from=" + weekAgo + "&to=" + today), 200);
        JsonObject a1 = byAgent.getJsonArray("averages").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("agentId").equals("a1")).findFirst().orElseThrow();
        assertEquals(2, a1.getInteger("count"));
        assertEquals(43.75, a1.getDouble("averageScore"));
        assertEquals(1, a1.getInteger("failed"));
        JsonObject byQueue = json(sara.get("/api/quality/averages?by=queue"), 200);
        assertEquals(List.of("cards", "loans"), byQueue.getJsonArray("averages").stream()
                .map(a -> ((JsonObject) a).getString("queue")).toList());
        assertEquals("by: must be agent or queue", error(sara.get("/api/quality/averages?by=skill"), 400));
        assertEquals(403, ali.get("/api/quality/averages").statusCode());
        JsonObject board = json(sara.get("/api/quality/wallboard"), 200);
        assertEquals(30, board.getInteger("days"));
        assertTrue(board.getJsonArray("agents").stream().anyMatch(a -> ((JsonObject) a).getString("agentId").equals("a1")
                && ((JsonObject) a).getDouble("averageScore") == 43.75 && ((JsonObject) a).getInteger("count") == 2));
        assertEquals(403, ali.get("/api/quality/wallboard").statusCode());
    }

    @Test
    @DisplayName("a bad evaluation is refused with a clear message: missing, off-scale or unknown answers, a stale form")
    void badEvaluations() {
        Await.result(fx.interactions.save(QualityData.handled("bad-call", "a2", "cards", Instant.now().minusSeconds(600))));
        JsonObject form = json(root.change("POST", "/api/quality/forms", QualityData.form("Checks")), 201);
        assertEquals("answers: not answered: empathy, resolution (answer n/a where a criterion does not apply)",
                error(sara.change("POST", "/api/quality/evaluations", evaluation("bad-call", form,
                        new JsonObject().put("greeting", "yes").put("identity", "yes"))), 400));
        assertEquals("answers.empathy: '7' is not on the 1-5 scale (1, 2, 3, 4, 5 or n/a)",
                error(sara.change("POST", "/api/quality/evaluations", evaluation("bad-call", form,
                        answers("yes", "yes", 7, 5))), 400));
        assertEquals("answers.tone: the form has no criterion 'tone'", error(sara.change("POST", "/api/quality/evaluations",
                evaluation("bad-call", form, answers("yes", "yes", 3, 5).put("tone", "yes"))), 400));
        assertEquals("answers: required, an object of criterion id to yes, no, n/a or 1-5", error(sara.change("POST",
                "/api/quality/evaluations", evaluation("bad-call", form, null).put("answers", "all good")), 400));
        assertEquals("formId: required, a number", error(sara.change("POST", "/api/quality/evaluations",
                new JsonObject().put("interactionId", "bad-call").put("answers", new JsonObject())), 400));
        assertEquals("no call nowhere handled by an agent", error(sara.change("POST", "/api/quality/evaluations",
                evaluation("nowhere", form, answers("yes", "yes", 3, 5))), 404));
        JsonObject stale = evaluation("bad-call", form, answers("yes", "yes", 3, 5)).put("formVersion", 1);
        json(sara.change("POST", "/api/quality/evaluations", stale), 201);
        JsonObject edit = QualityData.form("Checks, stricter");
        assertEquals(2, json(root.change("PUT", "/api/quality/forms/" + form.getLong("id"), edit), 200).getInteger("version"),
                "the form was used, so the edit is version 2");
        assertEquals("form 'Checks, stricter' changed to version 2 after you opened it; reload it and score again",
                error(sara.change("POST", "/api/quality/evaluations", stale), 409));
        assertEquals(403, sara.changeWithoutToken("POST", "/api/quality/evaluations", stale).statusCode());
    }
}
