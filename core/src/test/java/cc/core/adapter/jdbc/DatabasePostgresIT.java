package cc.core.adapter.jdbc;

import cc.core.testkit.PostgresTestDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool on a real PostgreSQL: health while it is there, and once it is gone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabasePostgresIT {

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
    @DisplayName("the health check says yes while the database is there and no once it has been dropped")
    void pingFollowsTheDatabase() {
        PostgresTestDatabase pg = PostgresTestDatabase.create(2);
        Database db = result(Database.open(vertx, pg.config()));
        try {
            assertTrue(db.isPostgres());
            assertTrue(result(db.ping()));

            pg.close();

            assertEquals(Boolean.FALSE, result(db.ping()));
        } finally {
            db.close();
            pg.close();
        }
    }
}
