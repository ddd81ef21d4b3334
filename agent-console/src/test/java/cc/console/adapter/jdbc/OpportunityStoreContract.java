package cc.console.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.adapter.jdbc.JdbcPipelineSource;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.app.sales.PipelineSource;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.domain.sales.Opportunity;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opportunity store and the pipeline's facts on every database the server runs on: PostgreSQL
 * ({@link OpportunityStoreIT}) and the demo's embedded H2 ({@link OpportunityStoreH2Test}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpportunityStoreContract {
    private Vertx vertx;
    private Database db;
    private JdbcOpportunityStore store;

    protected abstract Database open(Vertx vertx);

    protected void dispose() {}

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        db = open(vertx);
        Await.result(new SchemaMigrations().apply(db, List.of("core", "console")));
        store = new JdbcOpportunityStore(db);
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

    @Test
    @DisplayName("an opportunity is stored with stage, product and expected close; closing stamps its closing time once"
            + " and reopening clears it; the pipeline reads it with the talk behind it")
    void saveCloseReopen() {
        Instant before = Instant.now().minusSeconds(5);
        Opportunity o = Await.result(store.save(Opportunity.recorded(77, "call-9", "Gold card", new BigDecimal("250.50"),
                "EUR", 40, "ali", "propose", "gold-card", "", Optional.of(LocalDate.parse("2026-12-20")))));
        assertTrue(o.id() > 0);
        assertEquals(List.of("propose", "gold-card", "2026-12-20", "250.5", "open"), List.of(o.stage(), o.product(),
                o.expectedClose().orElseThrow().toString(), o.amount().toPlainString(), o.status()));
        assertTrue(o.createdAt().orElseThrow().isAfter(before));
        assertEquals(Optional.empty(), o.closedAt());

        Opportunity lost = Await.result(store.save(new Opportunity(o.id(), 77, "call-9", "Gold card", o.amount(), "EUR",
                0, "ali", "lost", "gold-card", "price", o.expectedClose(), Optional.empty(), Optional.empty())));
        Instant closed = lost.closedAt().orElseThrow();
        assertEquals("price", lost.lostReason());
        Opportunity again = Await.result(store.save(lost));
        assertEquals(closed, again.closedAt().orElseThrow(), "closed once: a later save keeps the time");
        assertEquals(List.of(), Await.result(store.openFor(77)));

        Opportunity reopened = Await.result(store.save(new Opportunity(o.id(), 77, "call-9", "Gold card", o.amount(),
                "EUR", 70, "ali", "negotiate", "gold-card", "", o.expectedClose(), Optional.empty(), Optional.empty())));
        assertEquals(Optional.empty(), reopened.closedAt());
        assertEquals(List.of(o.id()), Await.result(store.openFor(77)).stream().map(Opportunity::id).toList());

        Instant at = Instant.now();
        Await.result(new JdbcInteractionStore(db).save(Interaction.newCall("store-1", Direction.INBOUND, "pbx",
                "store-1", "0912", "", "100", at).withCustomer(77).withSegment(new Segment(SegmentKind.TALK, at,
                Optional.of(at.plusSeconds(75)), "a1", "sales", "", Segment.CALLER_HUNG_UP, ""))
                .ended(at.plusSeconds(75), "normal")));
        PipelineSource.Facts facts = Await.result(new JdbcPipelineSource(db).facts(Instant.EPOCH,
                at.plus(Duration.ofDays(1)), Function.identity()));
        assertEquals(List.of(o.id()), facts.opportunities().stream().map(Opportunity::id).toList());
        assertEquals(List.of("store-1 77 75"), facts.contacts().stream().map(k -> k.id() + " " + k.customerId() + " "
                + k.talk().toSeconds()).toList());
    }
}
