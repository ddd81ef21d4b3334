package cc.console.adapter.jdbc;

import cc.core.domain.sales.Opportunity;
import cc.core.testkit.ManualClock;
import cc.core.testkit.MigratedDatabase;
import cc.core.testkit.OutboxRows;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The opportunity store's {@code opportunity.changed} events in the outbox, on the database a subclass opens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpportunityOutboxContract {
    protected Vertx vertx;
    protected MigratedDatabase db;
    protected JdbcOpportunityStore store;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));

    protected abstract MigratedDatabase open(Vertx vertx);

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        db = open(vertx);
        store = new JdbcOpportunityStore(db.database(), clock);
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    static Opportunity recorded(String title) {
        return Opportunity.recorded(77, "call-9", title, new BigDecimal("250.50"), "EUR", 40, "ali", "propose",
                "gold-card", "", Optional.of(LocalDate.parse("2026-12-20")));
    }

    static Opportunity with(Opportunity o, String stage, BigDecimal amount, String owner) {
        return new Opportunity(o.id(), o.customerId(), o.interactionId(), o.title(), amount, o.currency(),
                o.probability(), owner, stage, o.product(), stage.equals(Opportunity.LOST) ? "price" : "",
                o.expectedClose(), Optional.empty(), Optional.empty());
    }

    @Test
    @DisplayName("creating an opportunity and changing its stage, amount or owner each tell opportunity.changed;"
            + " saving it unchanged tells nothing")
    void changesTold() throws Exception {
        Opportunity o = result(store.save(recorded("Gold card")));
        String id = Long.toString(o.id());
        result(store.save(o));
        // the same amount written another way is no change
        result(store.save(with(o, "propose", new BigDecimal("250.5000"), "ali")));
        Opportunity won = result(store.save(with(o, Opportunity.WON, new BigDecimal("300"), "sara")));
        result(store.save(won));

        List<OutboxRows.Row> rows = OutboxRows.of(db, id);
        assertEquals(List.of("opportunity.changed", "opportunity.changed"),
                rows.stream().map(OutboxRows.Row::type).toList());
        JsonObject created = rows.get(0).payload();
        assertTrue(created.getBoolean("created"));
        assertEquals(o.id(), created.getLong("opportunityId"));
        assertEquals(77L, created.getLong("customerId"));
        assertEquals("propose", created.getString("stage"));
        assertEquals("250.5", created.getString("amount"));
        assertEquals("EUR", created.getString("currency"));
        assertEquals("ali", created.getString("owner"));
        assertEquals("open", created.getString("status"));
        assertEquals(clock.instant(), rows.get(0).occurredAt().toInstant());
        JsonObject changed = rows.get(1).payload();
        assertFalse(changed.getBoolean("created"));
        assertEquals(new JsonArray(List.of("amount", "owner", "status", "stage")), changed.getJsonArray("changed"));
        assertEquals("won", changed.getString("stage"));
        assertEquals("300", changed.getString("amount"));
        assertEquals("sara", changed.getString("owner"));
        assertEquals(new JsonObject().put("amount", "250.5").put("owner", "ali").put("status", "open")
                .put("stage", "propose"), changed.getJsonObject("previous"));
        assertEquals(won.closedAt().orElseThrow().toString(), changed.getString("closedAt"));
    }
}
