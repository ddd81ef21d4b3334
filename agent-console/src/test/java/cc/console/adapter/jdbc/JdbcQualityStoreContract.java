package cc.console.adapter.jdbc;

import cc.console.app.QualityStore;
import cc.console.domain.quality.Criterion;
import cc.console.domain.quality.Evaluation;
import cc.console.domain.quality.EvaluationForm;
import cc.console.domain.quality.QualityAverage;
import cc.console.domain.quality.Scale;
import cc.console.domain.quality.Section;
import cc.console.testing.QualityData;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the quality store must do on every database the server runs on: PostgreSQL ({@link JdbcQualityStoreIT}) and
 * the embedded H2 default ({@link JdbcQualityStoreH2Test}), both with the core and console schema applied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcQualityStoreContract {
    private static final Instant DAY = Instant.parse("2026-11-20T06:00:00Z");
    private Vertx vertx;
    private Database db;
    private JdbcQualityStore store;
    private JdbcInteractionStore interactions;

    /** An empty database of the kind under test. */
    protected abstract Database open(Vertx vertx);

    /** Drops what {@link #open} made, after the database is closed. */
    protected void dispose() {}

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        db = open(vertx);
        Await.result(new SchemaMigrations().apply(db, List.of("core", "console")));
        store = new JdbcQualityStore(db);
        interactions = new JdbcInteractionStore(db);
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
        if (vertx != null) {
            Await.result(vertx.close());
        }
        dispose();
    }

    private static EvaluationForm form(String name, String firstText) {
        return new EvaluationForm(0, 1, name, List.of(
                new Section("Opening", List.of(new Criterion("greeting", firstText, 1, Scale.YES_NO, false),
                        new Criterion("identity", "Checks identity", 2.5, Scale.YES_NO, true))),
                new Section("Conversation", List.of(new Criterion("empathy", "Shows empathy", 2, Scale.ONE_TO_FIVE,
                        false)))), false);
    }

    private static Evaluation evaluation(EvaluationForm f, String call, String agent, String queue,
                                         Map<String, String> answers, Instant at) {
        return Evaluation.of(f, call, agent, queue, "sara", answers, Map.of("empathy", "Interrupted the caller twice"),
                "Solid call", at);
    }

    @Test
    @DisplayName("a form comes back as stored, with its sections, weights, scales and critical flags, and retires")
    void formsRoundTrip() {
        EvaluationForm created = Await.result(store.create(form("Sales calls", "Greets"), "root"));
        assertTrue(created.id() > 0);
        assertEquals(1, created.version());
        EvaluationForm read = Await.result(store.form(created.id())).orElseThrow();
        assertEquals(created, read);
        assertEquals(2.5, read.criteria().get(1).weight());
        assertTrue(read.criteria().get(1).critical());
        assertEquals(Scale.ONE_TO_FIVE, read.criteria().get(2).scale());
        assertTrue(Await.result(store.forms(false)).stream().anyMatch(f -> f.id() == created.id()));

        EvaluationForm retired = Await.result(store.retire(created.id())).orElseThrow();
        assertTrue(retired.retired());
        assertFalse(Await.result(store.forms(false)).stream().anyMatch(f -> f.id() == created.id()),
                "a retired form is offered for no new evaluations");
        assertTrue(Await.result(store.forms(true)).stream().anyMatch(f -> f.id() == created.id() && f.retired()));
        assertEquals(Optional.empty(), Await.result(store.retire(999_999)));
        assertEquals(Optional.empty(), Await.result(store.update(999_999, form("X", "Y"), "root")));
    }

    @Test
    @DisplayName("editing an unused form changes it in place; once evaluated, an edit makes version 2 and the old"
            + " evaluation still reads version 1")
    void versions() {
        EvaluationForm v1 = Await.result(store.create(form("Support calls", "Greets"), "root"));
        EvaluationForm edited = Await.result(store.update(v1.id(), form("Support calls", "Greets by name"), "root"))
                .orElseThrow();
        assertEquals(1, edited.version(), "nobody used it yet");
        assertEquals("Greets by name", Await.result(store.form(v1.id())).orElseThrow().criteria().get(0).text());

        Await.result(interactions.save(QualityData.handled("v-call", "a4", "support", DAY)));
        Evaluation saved = Await.result(store.save(evaluation(edited, "v-call", "a4", "support",
                Map.of("greeting", "yes", "identity", "yes", "empathy", "3"), DAY.plusSeconds(600))));

        EvaluationForm v2 = Await.result(store.update(v1.id(), form("Support calls 2027", "Greets warmly"), "root"))
                .orElseThrow();
        assertEquals(2, v2.version());
        assertEquals(v2, Await.result(store.form(v1.id())).orElseThrow(), "new evaluations use version 2");
        Evaluation old = Await.result(store.evaluation(saved.id())).orElseThrow();
        assertEquals(1, old.formVersion());
        EvaluationForm asScored = Await.result(store.form(v1.id(), old.formVersion())).orElseThrow();
        assertEquals("Support calls", asScored.name());
        assertEquals("Greets by name", asScored.criteria().get(0).text());
        assertEquals(v2, Await.result(store.update(v1.id(), form("Support calls 2027", "Greets warmly"), "root"))
                .orElseThrow(), "saving the same questions again makes no version");
    }

    @Test
    @DisplayName("an evaluation keeps its answers, remarks, score and failed critical items")
    void evaluationRoundTrip() {
        EvaluationForm f = Await.result(store.create(form("Collections", "Greets"), "root"));
        Await.result(interactions.save(QualityData.handled("e-call", "a5", "collections", DAY)));
        Evaluation failed = Await.result(store.save(evaluation(f, "e-call", "a5", "collections",
                Map.of("greeting", "yes", "identity", "no", "empathy", "n/a"), DAY.plusSeconds(900))));
        Evaluation read = Await.result(store.evaluation(failed.id())).orElseThrow();
        assertEquals(failed, read);
        assertTrue(read.score().failed());
        assertEquals(0.0, read.score().percent());
        assertEquals(List.of("identity"), read.score().failedCritical());
        assertEquals(Map.of("greeting", "yes", "identity", "no", "empathy", "n/a"), read.answers());
        assertEquals(Map.of("empathy", "Interrupted the caller twice"), read.comments());
        assertEquals(Optional.empty(), Await.result(store.evaluation(987_654)));
    }

    @Test
    @DisplayName("calls to review are those an agent talked on, in the range, newest first, with their evaluation"
            + " counts; averages per agent and queue count failed forms as 0")
    void callsAndAverages() {
        Instant day = Instant.parse("2026-10-05T06:00:00Z");
        Await.result(interactions.save(QualityData.handled("c-1", "a7", "cards", day)));
        Await.result(interactions.save(QualityData.handled("c-2", "a7", "loans", day.plusSeconds(3600))));
        Await.result(interactions.save(QualityData.handled("c-3", "a8", "cards", day.plusSeconds(7200))));
        Await.result(interactions.save(QualityData.abandoned("c-4", "a7", "cards", day.plusSeconds(5400))));
        // before segments were kept: answered, and agent_id is the last agent offered it
        Await.result(interactions.save(new Interaction("c-legacy", cc.core.domain.interaction.InteractionChannel.VOICE,
                Direction.INBOUND, "pbx1", "c-legacy", "0912", "", "1500", day.plusSeconds(60),
                Optional.of(day.plusSeconds(70)), Optional.of(day.plusSeconds(200)), List.of(), List.of(),
                Optional.of("cards"), Optional.of("a7"), Optional.empty(), "", "normal", Optional.empty(),
                Optional.empty(), Optional.empty(), false)));
        Await.result(interactions.save(QualityData.handled("c-old", "a7", "cards", day.minusSeconds(86_400 * 3))));

        Instant from = Instant.parse("2026-10-05T00:00:00Z");
        Instant to = Instant.parse("2026-10-06T00:00:00Z");
        List<QualityStore.CallToReview> a7 = Await.result(store.calls(Optional.of("a7"), Optional.empty(), from, to, 50));
        assertEquals(List.of("c-2", "c-legacy", "c-1"), a7.stream().map(QualityStore.CallToReview::interactionId).toList(),
                "the abandoned call and the one from three days before are not listed");
        assertEquals("loans", a7.get(0).queue());
        assertEquals(Optional.of(day.plusSeconds(3610)), a7.get(0).talkedAt());
        assertEquals(List.of("c-3", "c-1"), Await.result(store.calls(Optional.empty(), Optional.of("cards"), from, to,
                50)).stream().filter(c -> !c.interactionId().equals("c-legacy"))
                .map(QualityStore.CallToReview::interactionId).toList());
        assertEquals(Optional.empty(), Await.result(store.call("c-4")), "nobody handled c-4");

        EvaluationForm f = Await.result(store.create(form("Cards", "Greets"), "root"));
        Instant at = Instant.parse("2026-10-06T08:00:00Z");
        Await.result(store.save(evaluation(f, "c-1", "a7", "cards",
                Map.of("greeting", "yes", "identity", "yes", "empathy", "5"), at)));
        Await.result(store.save(evaluation(f, "c-1", "a7", "cards",
                Map.of("greeting", "no", "identity", "yes", "empathy", "3"), at.plusSeconds(60))));
        Await.result(store.save(evaluation(f, "c-2", "a7", "loans",
                Map.of("greeting", "yes", "identity", "no", "empathy", "5"), at.plusSeconds(120))));
        Await.result(store.save(evaluation(f, "c-3", "a8", "cards",
                Map.of("greeting", "yes", "identity", "yes", "empathy", "1"), at.plusSeconds(180))));
        Await.result(store.save(evaluation(f, "c-3", "a8", "cards",
                Map.of("greeting", "yes", "identity", "yes", "empathy", "5"), at.minusSeconds(86_400 * 40))));
        assertEquals(2, Await.result(store.call("c-1")).orElseThrow().evaluations());

        Instant since = Instant.parse("2026-10-06T00:00:00Z");
        Instant until = Instant.parse("2026-10-07T00:00:00Z");
        // a7: 100, (0 + 2.5 + 1) / 5.5 = 63.64, failed 0 -> 54.55; a8: 3.5 / 5.5 = 63.64
        assertEquals(List.of(new QualityAverage("a7", 3, 54.55, 1), new QualityAverage("a8", 1, 63.64, 0)),
                Await.result(store.averagesByAgent(since, until)));
        assertEquals(List.of(new QualityAverage("cards", 3, 75.76, 0), new QualityAverage("loans", 1, 0.0, 1)),
                Await.result(store.averagesByQueue(since, until)));
        List<QualityStore.EvaluationSummary> mine = Await.result(store.evaluations(new QualityStore.EvaluationQuery(
                Optional.of("a7"), Optional.empty(), since, until, 50)));
        assertEquals(List.of(0.0, 63.64, 100.0), mine.stream().map(QualityStore.EvaluationSummary::score).toList(),
                "newest first");
        assertEquals("Cards", mine.get(0).formName());
    }
}
