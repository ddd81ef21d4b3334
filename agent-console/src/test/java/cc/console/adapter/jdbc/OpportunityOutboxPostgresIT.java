package cc.console.adapter.jdbc;

import cc.core.domain.sales.Opportunity;
import cc.core.testkit.MigratedDatabase;
import cc.core.testkit.OutboxRows;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The opportunity events on a real PostgreSQL, and a change failing at its commit telling nothing. */
class OpportunityOutboxPostgresIT extends OpportunityOutboxContract {
    @Override
    protected MigratedDatabase open(Vertx vertx) {
        return MigratedDatabase.postgres(vertx, "core", "console");
    }

    @Test
    @DisplayName("a change whose transaction fails at commit leaves neither the change nor its event")
    void failedChangeTellsNothing() throws Exception {
        Opportunity o = result(store.save(recorded("Silver card")));
        OutboxRows.failAtCommit(db, "sales_opportunities", "new.owner = 'roll-me-back'");

        OutboxRows.assertFailedAtCommit(
                failure(store.save(with(o, "negotiate", new BigDecimal("999"), "roll-me-back"))));

        assertEquals(List.of("opportunity.changed"), OutboxRows.types(db, Long.toString(o.id())));
        assertEquals("ali", result(store.find(o.id())).orElseThrow().owner(), "the opportunity is as before");
    }
}
