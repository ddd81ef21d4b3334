package cc.core.adapter.jdbc;

import cc.core.testkit.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;

/** The migration contract on a real PostgreSQL, one throwaway database per test. */
class SchemaMigrationsPostgresIT extends SchemaMigrationsContract {

    private final List<PostgresTestDatabase> created = new ArrayList<>();

    @Override
    protected DatabaseConfig freshDatabase() {
        PostgresTestDatabase db = PostgresTestDatabase.create(2);
        created.add(db);
        return db.config();
    }

    @AfterEach
    void dropDatabases() {
        closeDatabases();
        created.forEach(PostgresTestDatabase::close);
        created.clear();
    }
}
