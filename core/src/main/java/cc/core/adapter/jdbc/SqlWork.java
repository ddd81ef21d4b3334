package cc.core.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Blocking work on one borrowed connection; runs on the {@value Database#WORKER_POOL} worker pool, never an event loop. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
