package cc.core.adapter.jdbc;

import cc.core.domain.customer.Customer;
import cc.core.domain.customer.CustomerMerge;
import cc.core.domain.customer.CustomerProfile;
import cc.core.domain.customer.UpsertOutcome;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Customer events on a real PostgreSQL: every customer change writes its {@code customer.*} event to the outbox in the
 * change's transaction, a save that changes nothing writes none, and a change rolled back at commit leaves neither the
 * change nor its event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerEventsPostgresIT {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcCustomerStore store;
    private JdbcCustomerRegistry registry;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core");
        InstantSource clock = InstantSource.fixed(NOW);
        store = new JdbcCustomerStore(db.database(), clock);
        registry = new JdbcCustomerRegistry(db.database(), clock);
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    /** (type, payload) of the outbox rows about this customer, in order. */
    private List<JsonObject> events(long customerId) {
        return result(db.database().withConnection(c -> {
            List<JsonObject> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select event_type, payload, occurred_at from outbox_events"
                    + " where entity_id = ? order by seq")) {
                st.setString(1, Long.toString(customerId));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JsonObject(rs.getString(2)).put("type", rs.getString(1))
                                .put("at", rs.getTimestamp(3).toInstant().toString()));
                    }
                }
            }
            return out;
        }));
    }

    @Test
    @DisplayName("the console's save writes customer.created, then customer.changed naming the fields, and nothing for a save that changes nothing")
    void consoleSaves() {
        Customer made = result(store.save(new Customer(0, "Maryam", List.of("09121110001"), "ACC-EV1", "fa", "")));
        Customer same = result(store.save(made));
        result(store.save(new Customer(made.id(), "Maryam Karimi", same.phoneNumbers(), "ACC-EV1", "fa", "gold")));
        List<JsonObject> events = events(made.id());
        assertEquals(List.of("customer.created", "customer.changed"), events.stream().map(e -> e.getString("type"))
                .toList(), events.toString());
        assertEquals("Maryam", events.get(0).getJsonObject("customer").getString("name"));
        assertEquals(NOW.toString(), events.get(0).getString("at"));
        assertEquals(List.of("name", "segment"), events.get(1).getJsonArray("changed").getList());
        assertEquals("Maryam Karimi", events.get(1).getJsonObject("customer").getString("name"));

        result(new JdbcCustomerEmails(db.database(), InstantSource.fixed(NOW)).add(made.id(), "Maryam@Example.com"));
        JsonObject added = events(made.id()).get(2);
        assertEquals(List.of("emails"), added.getJsonArray("changed").getList());
        assertEquals(List.of("maryam@example.com"), added.getJsonObject("customer").getJsonArray("emails").getList());
    }

    @Test
    @DisplayName("a customer change rolled back at commit leaves neither the change nor its event")
    void rolledBack() {
        Customer made = result(store.save(new Customer(0, "Reza", List.of("09121110002"), null, "fa", "")));
        // a check PostgreSQL makes only at commit: the event is in the transaction when the commit fails
        result(db.database().withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("create function refuse_doomed() returns trigger language plpgsql as $$ begin"
                        + " if new.name = 'doomed' then raise exception 'refused at commit'; end if; return new; end $$");
                st.execute("create constraint trigger customers_doomed after insert or update on customers"
                        + " deferrable initially deferred for each row execute function refuse_doomed()");
            }
            return null;
        }));
        try {
            assertTrue(failure(store.save(new Customer(made.id(), "doomed", made.phoneNumbers(), null, "fa", "")))
                    .getMessage().contains("refused at commit"));
            assertTrue(failure(registry.upsert(new CustomerProfile("crm", "doomed-1", "doomed",
                    List.of("09121110003"), List.of(), "", "fa", "", ""))).getMessage().contains("refused at commit"));
        } finally {
            result(db.database().withConnection(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("drop trigger customers_doomed on customers");
                }
                return null;
            }));
        }
        assertEquals("Reza", result(store.find(made.id())).orElseThrow().name());
        assertEquals(List.of("customer.created"), events(made.id()).stream().map(e -> e.getString("type")).toList());
        assertTrue(result(registry.findByExternalId("crm", "doomed-1")).isEmpty());
        long doomedEvents = result(db.database().withConnection(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from outbox_events where payload like '%doomed%'")) {
                rs.next();
                return rs.getLong(1);
            }
        }));
        assertEquals(0, doomedEvents, "no event of a rolled-back change");
    }

    @Test
    @DisplayName("an upsert by external id twice makes one customer and one event; a merge writes customer.merged on the kept one")
    void upsertAndMerge() {
        CustomerProfile p = new CustomerProfile("erp", "E-1", "Sara", List.of("09121110004"), List.of("s@x.ir"), "",
                "en", "", "Asia/Tehran");
        UpsertOutcome first = result(registry.upsert(p));
        UpsertOutcome second = result(registry.upsert(p));
        assertEquals(UpsertOutcome.Change.CREATED, first.change());
        assertEquals(UpsertOutcome.Change.UNCHANGED, second.change());
        assertEquals(first.customer().id(), second.customer().id());
        assertEquals(List.of("customer.created"), events(first.customer().id()).stream()
                .map(e -> e.getString("type")).toList());

        UpsertOutcome dup = result(registry.upsert(new CustomerProfile("erp", "E-2", "Sara M.",
                List.of("09121110005"), List.of(), "", "en", "", "")));
        CustomerMerge merge = result(registry.merge(first.customer().id(), dup.customer().id()));
        assertEquals(List.of("09121110004", "09121110005"), merge.kept().phones());
        assertEquals(first.customer().id(), merge.merged().mergedInto());
        JsonObject merged = events(first.customer().id()).get(1);
        assertEquals("customer.merged", merged.getString("type"));
        assertEquals(dup.customer().id(), merged.getLong("mergedId"));
        assertEquals(List.of("customer.created", "customer.changed"), events(dup.customer().id()).stream()
                .map(e -> e.getString("type")).toList());
        Throwable again = failure(registry.upsert(
                new CustomerProfile("erp", "E-2", "Sara M.", List.of(), List.of(), "", "en", "", "")));
        assertTrue(again instanceof IllegalStateException, again.toString());
        assertTrue(again.getMessage().contains("merged into customer " + first.customer().id()), again.getMessage());
    }
}
