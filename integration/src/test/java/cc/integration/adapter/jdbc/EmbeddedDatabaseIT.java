package cc.integration.adapter.jdbc;

import cc.core.adapter.jdbc.JdbcOutbox;
import cc.core.app.integration.StoredEvent;
import cc.core.contract.WebhookAddresses;
import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import cc.core.testkit.MigratedDatabase;
import cc.integration.IntegrationModule;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay's tables on the embedded database the server uses when no PostgreSQL is configured: the integration
 * migrations apply, the outbox reads in seq order, cursors and dead letters round-trip.
 */
class EmbeddedDatabaseIT {

    @Test
    @DisplayName("on the embedded database the outbox reads in order, a cursor is kept and a dead letter round-trips")
    void embedded(@TempDir Path dir) throws Exception {
        Vertx vertx = Vertx.vertx();
        try (MigratedDatabase db = MigratedDatabase.embedded(vertx, dir, "core", IntegrationModule.MIGRATIONS)) {
            List<BusinessEvent> events = List.of(
                    BusinessEvent.of(BusinessEventType.INTERACTION_STARTED, "call-1", Instant.now(), "{}"),
                    BusinessEvent.of(BusinessEventType.INTERACTION_ENDED, "call-1", Instant.now(), "{\"a\":1}"));
            try (Connection c = db.connection()) {
                JdbcOutbox.append(c, events);
            }
            JdbcOutboxSource outbox = new JdbcOutboxSource(db.database());
            List<StoredEvent> read = outbox.after(0, 10).await();
            assertEquals(events.stream().map(BusinessEvent::id).toList(),
                    read.stream().map(e -> e.event().id()).toList());
            assertEquals(0L, outbox.cursor("webhook:crm").await());
            outbox.moveCursor("webhook:crm", read.get(0).seq()).await();
            assertEquals(read.get(0).seq(), outbox.cursor("webhook:crm").await());
            assertEquals(1, outbox.after(read.get(0).seq(), 10).await().size());
            assertEquals(read.get(1).seq(), outbox.lastSeq().await());

            JdbcDeadLetters letters = new JdbcDeadLetters(db.database());
            letters.park("crm", List.of(read.get(1)), 3, "receiver answered 500", Instant.now()).await();
            List<WebhookAddresses.DeadLetter> list = letters.list("crm", false, 10).await();
            assertEquals(1, list.size());
            assertEquals(Optional.of("{\"a\":1}"), letters.find(list.get(0).id()).await()
                    .map(p -> p.event().event().payloadJson()));
            assertEquals(read.get(1).event().id(), list.get(0).eventId());
            letters.replayed(list.get(0).id(), "ada", Instant.now()).await();
            assertTrue(letters.list("crm", false, 10).await().isEmpty());
            assertEquals("ada", letters.list("", true, 10).await().get(0).replayedBy().orElseThrow());
        } finally {
            vertx.close().await();
        }
    }
}
