package cc.core.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;

/**
 * The connection pool and the named worker pool that every JDBC call runs on.
 *
 * <p>Threading: {@link #withConnection} and {@link #inTransaction} return at once; the work runs on the
 * {@value #WORKER_POOL} worker pool, and the future completes on the caller's Vert.x context. Work submitted from one
 * context runs in the order submitted (so a save followed by a find sees the save); work from different contexts runs
 * in parallel, up to the pool size.
 */
public final class Database implements AutoCloseable {

    /** Name of the Vert.x worker pool JDBC calls run on (visible in thread names and worker metrics). */
    public static final String WORKER_POOL = "cc-jdbc";

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final WorkerExecutor worker;
    private final String safeUrl;
    private final boolean postgres;
    private volatile boolean closed;

    private Database(HikariDataSource pool, WorkerExecutor worker, String safeUrl, boolean postgres) {
        this.pool = pool;
        this.worker = worker;
        this.safeUrl = safeUrl;
        this.postgres = postgres;
    }

    /** Opens the pool on the configured database; fails with the (password-free) URL when it cannot connect. */
    public static Future<Database> open(Vertx vertx, DatabaseConfig config) {
        WorkerExecutor worker = vertx.createSharedWorkerExecutor(WORKER_POOL, config.poolSize());
        return worker.<Database>executeBlocking(() -> {
            HikariDataSource pool = new HikariDataSource(hikari(config));
            try (Connection c = pool.getConnection()) {
                boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
                log.info("database {} open ({} {}, pool of {})", config.safeUrl(),
                        c.getMetaData().getDatabaseProductName(), c.getMetaData().getDatabaseProductVersion(),
                        config.poolSize());
                return new Database(pool, worker, config.safeUrl(), postgres);
            } catch (SQLException | RuntimeException e) {
                pool.close();
                throw e;
            }
        }, false).recover(e -> {
            worker.close();
            return Future.failedFuture(new IllegalStateException(
                    "cannot open database " + config.safeUrl() + ": " + rootMessage(e), e));
        });
    }

    /** Opens the embedded default database in {@code dataDir} (see {@link DatabaseConfig#embedded(Path)}). */
    public static Future<Database> embedded(Vertx vertx, Path dataDir) {
        return open(vertx, DatabaseConfig.embedded(dataDir));
    }

    private static HikariConfig hikari(DatabaseConfig config) {
        HikariConfig h = new HikariConfig();
        h.setPoolName(WORKER_POOL);
        h.setJdbcUrl(config.url());
        if (!config.username().isEmpty()) {
            h.setUsername(config.username());
        }
        if (!config.password().isEmpty()) {
            h.setPassword(config.password());
        }
        h.setMaximumPoolSize(config.poolSize());
        h.setMinimumIdle(Math.min(2, config.poolSize()));
        // a dead database must fail calls within seconds, not hold workers for Hikari's default 30 s
        h.setConnectionTimeout(5_000);
        h.setValidationTimeout(2_000);
        return h;
    }

    /** Runs {@code work} on one connection in auto-commit mode. */
    public <T> Future<T> withConnection(SqlWork<T> work) {
        return submit(() -> {
            try (Connection c = pool.getConnection()) {
                return work.run(c);
            }
        }, true);
    }

    /**
     * Runs {@code work} on one connection in auto-commit mode without waiting for the calling context's earlier work:
     * for a caller that keeps the order that matters to it itself and wants the pool's connections in parallel (one
     * context's ordered calls run one at a time, on one connection, whatever the pool's size).
     */
    public <T> Future<T> withConnectionInParallel(SqlWork<T> work) {
        return submit(() -> {
            try (Connection c = pool.getConnection()) {
                return work.run(c);
            }
        }, false);
    }

    /**
     * Runs {@code work} with the pool itself on a worker thread, for a library that takes a {@link DataSource} and
     * manages its connections (the schema migrations). Package-private: the pool never leaves this adapter.
     */
    <T> Future<T> withDataSource(java.util.function.Function<DataSource, T> work) {
        return submit(() -> work.apply(pool), true);
    }

    /** After {@link #close} the worker pool may be gone: calls then fail their future instead of throwing. */
    private <T> Future<T> submit(Callable<T> blocking, boolean ordered) {
        if (closed) {
            return Future.failedFuture(new IllegalStateException("database " + safeUrl + " is closed"));
        }
        try {
            return worker.executeBlocking(blocking, ordered);
        } catch (RejectedExecutionException e) {
            return Future.failedFuture(new IllegalStateException("database " + safeUrl + " is closed", e));
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> Future<T> inTransaction(SqlWork<T> work) {
        return withConnection(c -> transaction(c, work));
    }

    /** Runs {@code work} in a transaction on a connection the caller already holds (blocking; worker threads only). */
    static <T> T transaction(Connection c, SqlWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        T result;
        try {
            result = work.run(c);
            c.commit();
        } catch (SQLException | RuntimeException | Error e) {
            // the failure that ended the transaction is the one thrown: a connection the pool closed because the
            // database went away answers the rollback and the restore with "Connection is closed", which would
            // otherwise hide why (and the console could not tell the user the database is away)
            try {
                c.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            try {
                c.setAutoCommit(true);
            } catch (SQLException restoreFailed) {
                e.addSuppressed(restoreFailed);
            }
            throw e;
        }
        c.setAutoCommit(true);
        return result;
    }

    /** True when a connection answers a validity check within two seconds; false (never a failure) otherwise. */
    public Future<Boolean> ping() {
        return this.<Boolean>submit(() -> {
            try (Connection c = pool.getConnection()) {
                return c.isValid(2);
            }
        }, false).otherwise(e -> {
            log.debug("database {} did not answer: {}", safeUrl, rootMessage(e));
            return false;
        });
    }

    /** Whether the database is PostgreSQL (the embedded default is H2). */
    public boolean isPostgres() {
        return postgres;
    }

    /** The URL, password blanked. */
    public String url() {
        return safeUrl;
    }

    /** Closes the pool (blocking briefly while connections close) and releases the worker pool. */
    @Override
    public void close() {
        closed = true;
        pool.close();
        worker.close();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}
