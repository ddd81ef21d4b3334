package cc.core.adapter.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseTransactionTest {
    @Test
    @DisplayName("a transaction cut by the database going away throws that failure, not the closed connection's answer"
            + " to the rollback and restore (the console tells the user the database is away from it)")
    void theFailureThatEndedTheTransactionIsThrown() {
        List<String> calls = new ArrayList<>();
        // a JDBC connection as the pool leaves it after the database went away mid-transaction: every later call
        // answers "Connection is closed" without a SQL state
        Connection closedAfterFailure = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + (args == null ? "" : List.of(args)));
                    if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
                        return null;
                    }
                    throw new SQLException("Connection is closed");
                });
        SQLException thrown = assertThrows(SQLException.class, () -> Database.transaction(closedAfterFailure, c -> {
            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
        }));
        assertEquals("08006", thrown.getSQLState());
        assertEquals(2, thrown.getSuppressed().length, "the rollback's and the restore's failures kept beside it");
        assertEquals(List.of("setAutoCommit[false]", "rollback", "setAutoCommit[true]"), calls);
    }
}
