package cc.ivr.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.testkit.PostgresTestDatabase;
import io.vertx.core.Vertx;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A PostgreSQL database of one test class's own ({@code cc_it_<random>}) with the schema of core and ivr applied by
 * the real migrations, dropped afterwards. Fails, never skips, when PostgreSQL is unreachable.
 */
public final class TestDatabase implements AutoCloseable {
    private final PostgresTestDatabase pg;
    private final Database database;

    public TestDatabase(Vertx vertx) {
        pg = PostgresTestDatabase.create();
        database = Database.open(vertx, pg.config()).await();
        new SchemaMigrations().apply(database, List.of("core", "ivr")).await();
    }

    public Database database() {
        return database;
    }

    /** A connection of the test's own, for arranging and checking rows. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(pg.config().url(), pg.config().username(), pg.config().password());
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        database.close();
        pg.close();
    }
}
