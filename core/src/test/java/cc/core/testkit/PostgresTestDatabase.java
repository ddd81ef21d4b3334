package cc.core.testkit;

import cc.core.adapter.jdbc.DatabaseConfig;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL database {@code cc_it_<random>} on the test server, dropped on close, so test runs of several
 * developers on one server never see each other's rows.
 *
 * <p>The server is {@value #DEFAULT_URL} (user {@code postgres}, trust auth) unless env {@value #URL_ENV} gives the
 * JDBC URL of another server's maintenance database. An unreachable server fails the test with that URL in the
 * message; it never skips it.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    public static final String URL_ENV = "CC_TEST_PG_URL";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminUrl;
    private final String name;
    private final DatabaseConfig config;

    private PostgresTestDatabase(String adminUrl, String name, DatabaseConfig config) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.config = config;
    }

    public static PostgresTestDatabase create() {
        return create(4);
    }

    public static PostgresTestDatabase create(int poolSize) {
        String admin = System.getenv().getOrDefault(URL_ENV, DEFAULT_URL);
        Matcher m = URL.matcher(admin);
        if (!m.matches()) {
            throw new IllegalStateException(URL_ENV + "=" + admin + " is not a jdbc:postgresql://host:port/db URL");
        }
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        String name = "cc_it_" + HexFormat.of().formatHex(bytes);
        try (Connection c = connect(admin); Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + admin + " (start it, or set "
                    + URL_ENV + " to the JDBC URL of a server's maintenance database): " + e.getMessage(), e);
        }
        String url = m.group(1) + name + m.group(3);
        return new PostgresTestDatabase(admin, name, new DatabaseConfig(url, userOf(admin), "", poolSize));
    }

    public DatabaseConfig config() {
        return config;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try (Connection c = connect(adminUrl); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        if (!userOf(url).isEmpty()) {
            p.setProperty("user", userOf(url));
        }
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, p);
    }

    /** {@code postgres}, unless the URL names its own user. */
    private static String userOf(String url) {
        return url.contains("user=") ? "" : "postgres";
    }
}
