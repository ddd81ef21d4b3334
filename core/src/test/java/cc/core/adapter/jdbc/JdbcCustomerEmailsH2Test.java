package cc.core.adapter.jdbc;

import cc.core.domain.customer.Customer;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Customers recognised by email address, on the embedded H2 default. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcCustomerEmailsH2Test {
    @TempDir
    static Path dataDir;
    private Vertx vertx;
    private MigratedDatabase db;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.embedded(vertx, dataDir, "core");
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    @Test
    @DisplayName("a sender is recognised by address whatever its case; an address belongs to one customer")
    void recognised() {
        JdbcCustomerStore customers = new JdbcCustomerStore(db.database());
        JdbcCustomerEmails emails = new JdbcCustomerEmails(db.database());
        Customer ana = result(customers.save(new Customer(0, "Ana", List.of("0912 000 1111"), null, "fa", "gold")));
        Customer bo = result(customers.save(new Customer(0, "Bo", List.of("0912 000 2222"), null, "en", "")));
        result(emails.add(ana.id(), "Ana@Example.test"));
        assertEquals(Optional.of("Ana"), result(emails.findByEmail(" ana@example.TEST")).map(Customer::name));
        assertEquals(Optional.empty(), result(emails.findByEmail("nobody@example.test")));
        assertTrue(failure(emails.add(bo.id(), "ana@example.test")) instanceof IllegalStateException);
    }
}
