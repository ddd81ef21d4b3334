package cc.ivr.adapter.jdbc;

import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A PostgreSQL database of one test class's own ({@code cc_it_<random>}), with the module's migration scripts applied
 * in the order of their index file, dropped afterwards. Fails, never skips, when PostgreSQL is unreachable.
 */
public final class TestDatabase implements AutoCloseable {
    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String name = "cc_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    public TestDatabase() throws IOException, SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            fail("PostgreSQL at 127.0.0.1:5432 (user postgres) is needed for this test and is unreachable: "
                    + e.getMessage());
        }
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:5432/" + name);
        dataSource.setUser("postgres");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String script : resource("db/migration/ivr/index").split("\n")) {
                if (!script.isBlank()) {
                    s.execute(resource("db/migration/ivr/" + script.trim()));
                }
            }
        }
    }

    public PGSimpleDataSource dataSource() {
        return dataSource;
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    static String resource(String path) throws IOException {
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
