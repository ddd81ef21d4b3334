package cc.core.adapter.jdbc;

import cc.core.testkit.PostgresTestDatabase;
import io.vertx.core.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The migration contract on a real PostgreSQL, one throwaway database per test. */
class SchemaMigrationsPostgresIT extends SchemaMigrationsContract {

    private final List<PostgresTestDatabase> created = new ArrayList<>();

    @Override
    protected DatabaseConfig freshDatabase() {
        PostgresTestDatabase db = PostgresTestDatabase.create(2);
        created.add(db);
        return db.config();
    }

    @Test
    @DisplayName("two nodes starting at once on one database apply each script once, and both start")
    void concurrentStartsApplyOnce() throws Exception {
        DatabaseConfig config = freshDatabase();
        Database nodeA = result(Database.open(vertx, config));
        Database nodeB = result(Database.open(vertx, config));
        try {
            Future<List<SchemaMigrations.Script>> a = new SchemaMigrations().apply(nodeA, List.of("core"));
            Future<List<SchemaMigrations.Script>> b = new SchemaMigrations().apply(nodeB, List.of("core"));

            int applied = result(a).size() + result(b).size();

            assertEquals(8, applied, "V1 to V7 and V10 applied by exactly one node");
            assertEquals(List.of("core 1 customers and interactions", "core 2 customer scores and time zone",
                            "core 3 interaction segments", "core 4 call control audit", "core 5 recordings",
                            "core 6 reports", "core 7 customer score reasons",
                            "core 10 sales opportunities"),
                    versions(nodeA));
        } finally {
            nodeA.close();
            nodeB.close();
        }
    }

    @AfterEach
    void dropDatabases() {
        closeDatabases();
        created.forEach(PostgresTestDatabase::close);
        created.clear();
    }
}
