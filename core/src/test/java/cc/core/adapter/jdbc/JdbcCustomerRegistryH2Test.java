package cc.core.adapter.jdbc;

import cc.core.app.customer.CustomerRegistry;
import cc.core.domain.customer.CustomerMerge;
import cc.core.domain.customer.CustomerProfile;
import cc.core.domain.customer.UpsertOutcome;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.util.List;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The back-office customer registry on the embedded H2 default (the demo's database): an import batch with a refused
 * line keeps the others (savepoints), and a merge moves numbers and emails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcCustomerRegistryH2Test {
    @TempDir
    static Path dataDir;
    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcCustomerRegistry registry;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.embedded(vertx, dataDir, "core");
        registry = new JdbcCustomerRegistry(db.database(), InstantSource.system());
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    private static CustomerProfile profile(String id, String name, String phone) {
        return new CustomerProfile("crm", id, name, List.of(phone), List.of(), "", "fa", "", "");
    }

    @Test
    @DisplayName("a batch with a number another line took keeps the other lines, and the same batch again changes nothing")
    void batch() {
        List<CustomerProfile> batch = List.of(profile("H-1", "One", "09121000001"),
                profile("H-2", "Two", "09121000001"), profile("H-3", "Three", "09121000003"));
        List<CustomerRegistry.Item> items = result(registry.upsertAll(batch));
        assertEquals(UpsertOutcome.Change.CREATED, items.get(0).outcome().orElseThrow().change());
        assertTrue(items.get(1).failure().orElseThrow().getMessage().contains("already belongs"));
        assertEquals(UpsertOutcome.Change.CREATED, items.get(2).outcome().orElseThrow().change());
        List<CustomerRegistry.Item> again = result(registry.upsertAll(List.of(batch.get(0), batch.get(2))));
        assertTrue(again.stream().allMatch(i -> i.outcome().orElseThrow().change() == UpsertOutcome.Change.UNCHANGED));
        long events = result(db.database().withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("select count(*) from outbox_events"
                    + " where event_type = 'customer.created' and payload like '%\"externalId\":\"H-%'");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
        assertEquals(2, events, "one event per customer made, none for the refused line");
    }

    @Test
    @DisplayName("a merge moves the duplicate's numbers and emails to the kept customer")
    void merge() {
        long kept = result(registry.upsert(profile("M-1", "Kept", "09122000001"))).customer().id();
        long dup = result(registry.upsert(new CustomerProfile("crm", "M-2", "Dup", List.of("09122000002"),
                List.of("dup@x.ir"), "ACC-M2", "fa", "", ""))).customer().id();
        CustomerMerge m = result(registry.merge(kept, dup));
        assertEquals(List.of("09122000001", "09122000002"), m.kept().phones());
        assertEquals(List.of("dup@x.ir"), m.kept().emails());
        assertEquals("ACC-M2", m.kept().accountNumber());
        assertEquals(kept, m.merged().mergedInto());
    }
}
