package cc.core.adapter.jdbc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is and how many connections to keep.
 *
 * @param url      JDBC URL ({@code jdbc:postgresql://host:5432/cc} or an H2 URL)
 * @param username database user, empty for none
 * @param password database password, empty for none; never printed
 * @param poolSize connections in the pool, and threads in the {@value Database#WORKER_POOL} worker pool
 */
public record DatabaseConfig(String url, String username, String password, int poolSize) {

    /** Pool size used when none is configured. */
    public static final int DEFAULT_POOL_SIZE = 8;

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("database url is empty (use DatabaseConfig.embedded for the default)");
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("database poolSize must be at least 1, was " + poolSize);
        }
    }

    /**
     * The embedded default: an H2 file database {@code <dataDir>/cc.mv.db} in PostgreSQL mode, so the same SQL runs on
     * both. It needs no server, and only one process may open it at a time.
     */
    public static DatabaseConfig embedded(Path dataDir) {
        return embedded(dataDir, DEFAULT_POOL_SIZE);
    }

    public static DatabaseConfig embedded(Path dataDir, int poolSize) {
        String file = dataDir.toAbsolutePath().normalize().resolve("cc").toString().replace('\\', '/');
        return new DatabaseConfig("jdbc:h2:file:" + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "cc", "", poolSize);
    }

    /**
     * The configured server, or the embedded default in {@code dataDir} when {@code url} is null or blank (the
     * server's configuration leaves it out).
     */
    public static DatabaseConfig orEmbedded(String url, String username, String password, int poolSize,
                                            Path dataDir) {
        return url == null || url.isBlank()
                ? embedded(dataDir, poolSize)
                : new DatabaseConfig(url, username, password, poolSize);
    }

    /** Whether this is an embedded H2 database rather than a server. */
    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    /** The URL with any password parameter blanked, fit for logs and error messages. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + safeUrl() + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "***") + ", poolSize=" + poolSize + "]";
    }
}
