package cc.core.adapter.jdbc;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded default database: opening, health, the named worker pool, and what a bad config says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseH2Test {

    @TempDir
    Path dataDir;

    private Vertx vertx;

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    void stop() {
        result(vertx.close());
    }

    @Test
    @DisplayName("the embedded database opens in the data directory, answers a health check, and runs JDBC on cc-jdbc threads")
    void embeddedOpensAndAnswers() {
        Database db = result(Database.embedded(vertx, dataDir));
        try {
            assertTrue(result(db.ping()));
            assertFalse(db.isPostgres());
            assertTrue(result(db.withConnection(c -> Thread.currentThread().getName())).startsWith("cc-jdbc"));
            assertTrue(dataDir.resolve("cc.mv.db").toFile().exists(), "database file in the data directory");
        } finally {
            db.close();
        }
    }

    @Test
    @DisplayName("a closed database answers the health check with false, not a failure")
    void closedDatabasePingsFalse() {
        Database db = result(Database.embedded(vertx, dataDir.resolve("closed")));
        db.close();

        assertEquals(Boolean.FALSE, result(db.ping()));
    }

    @Test
    @DisplayName("a database that cannot be reached fails to open with its URL, and without its password")
    void unreachableDatabaseIsNamed() {
        DatabaseConfig config = new DatabaseConfig("jdbc:postgresql://127.0.0.1:1/cc?password=hunter2", "cc",
                "s3cret", 2);

        Throwable failed = failure(Database.open(vertx, config));

        assertTrue(failed.getMessage().startsWith("cannot open database jdbc:postgresql://127.0.0.1:1/cc?password=***"),
                failed.getMessage());
        assertFalse(failed.getMessage().contains("hunter2") || failed.getMessage().contains("s3cret"),
                failed.getMessage());
        assertFalse(config.toString().contains("hunter2") || config.toString().contains("s3cret"), config.toString());
    }
}
