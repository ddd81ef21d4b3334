package cc.core.testkit;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.SchemaMigrations;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A database with the schema of the given migration modules applied by the real migrations, as a repository test
 * needs it: a PostgreSQL database of the test class's own ({@code cc_it_<random>}, dropped on close; fails, never
 * skips, when PostgreSQL is unreachable) or the embedded file database in a directory. The test owns the Vert.x
 * instance and closes it after this.
 */
public final class MigratedDatabase implements AutoCloseable {
    private final Optional<PostgresTestDatabase> pg;
    private final DatabaseConfig config;
    private final Database database;

    private MigratedDatabase(Vertx vertx, Optional<PostgresTestDatabase> pg, DatabaseConfig config,
                             List<String> modules) {
        this.pg = pg;
        this.config = config;
        Database opened = Database.open(vertx, config).await();
        try {
            new SchemaMigrations().apply(opened, modules).await();
        } catch (RuntimeException e) {
            opened.close();
            pg.ifPresent(PostgresTestDatabase::close);
            throw e;
        }
        this.database = opened;
    }

    /** A fresh PostgreSQL database with the modules' schema, e.g. {@code postgres(vertx, "core", "ivr")}. */
    public static MigratedDatabase postgres(Vertx vertx, String... modules) {
        PostgresTestDatabase pg = PostgresTestDatabase.create();
        return new MigratedDatabase(vertx, Optional.of(pg), pg.config(), List.of(modules));
    }

    /** The embedded database in {@code dataDir} with the modules' schema. */
    public static MigratedDatabase embedded(Vertx vertx, Path dataDir, String... modules) {
        return new MigratedDatabase(vertx, Optional.empty(), DatabaseConfig.embedded(dataDir), List.of(modules));
    }

    public Database database() {
        return database;
    }

    /** A connection of the test's own, for arranging and checking rows. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(config.url(), config.username(), config.password());
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        database.close();
        pg.ifPresent(PostgresTestDatabase::close);
    }
}
