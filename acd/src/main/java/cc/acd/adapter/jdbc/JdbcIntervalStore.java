package cc.acd.adapter.jdbc;

import cc.acd.app.IntervalStore;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.metrics.AgentMetrics;
import cc.acd.domain.metrics.IntervalSnapshot;
import cc.acd.domain.metrics.QueueMetrics;
import cc.core.adapter.jdbc.Database;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Interval figures in tables {@code acd_queue_interval} and {@code acd_agent_interval} (migration module
 * {@code acd}), one transaction per interval on the database's worker pool.
 */
public final class JdbcIntervalStore implements IntervalStore {
    private final Database database;

    public JdbcIntervalStore(Database database) {
        this.database = database;
    }

    @Override
    public Future<Void> store(IntervalSnapshot s) {
        return database.inTransaction(c -> {
            write(c, s);
            return null;
        });
    }

    private static void write(Connection c, IntervalSnapshot s) throws SQLException {
        Timestamp start = Timestamp.from(s.start());
        Timestamp end = Timestamp.from(s.end());
        try (PreparedStatement del = c.prepareStatement("DELETE FROM acd_queue_interval WHERE interval_start = ?")) {
            del.setTimestamp(1, start);
            del.executeUpdate();
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM acd_agent_interval WHERE interval_start = ?")) {
            del.setTimestamp(1, start);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO acd_queue_interval (queue_id, interval_start, "
                + "interval_end, offered, answered, answered_within_threshold, abandoned, overflowed, "
                + "total_answer_wait_ms, handled, total_handle_time_ms, waiting_at_end, agents_staffed_at_end) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (QueueMetrics q : s.queues()) {
                ps.setString(1, q.queueId());
                ps.setTimestamp(2, start);
                ps.setTimestamp(3, end);
                ps.setLong(4, q.offered());
                ps.setLong(5, q.answered());
                ps.setLong(6, q.answeredWithinThreshold());
                ps.setLong(7, q.abandoned());
                ps.setLong(8, q.overflowed());
                ps.setLong(9, q.totalAnswerWait().toMillis());
                ps.setLong(10, q.handled());
                ps.setLong(11, q.totalHandleTime().toMillis());
                ps.setInt(12, q.waiting());
                ps.setInt(13, q.agentsStaffed());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO acd_agent_interval (agent_id, interval_start, "
                + "interval_end, calls_handled, available_ms, ringing_ms, on_call_ms, wrap_up_ms, paused_ms, "
                + "state_at_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AgentMetrics a : s.agents()) {
                ps.setString(1, a.agentId());
                ps.setTimestamp(2, start);
                ps.setTimestamp(3, end);
                ps.setLong(4, a.callsHandled());
                ps.setLong(5, a.timeIn(AgentStatus.AVAILABLE).toMillis());
                ps.setLong(6, a.timeIn(AgentStatus.RINGING).plus(a.timeIn(AgentStatus.RESERVED)).toMillis());
                ps.setLong(7, a.timeIn(AgentStatus.ON_CALL).toMillis());
                ps.setLong(8, a.timeIn(AgentStatus.WRAP_UP).toMillis());
                ps.setLong(9, a.timeIn(AgentStatus.PAUSED).toMillis());
                ps.setString(10, a.state().status().wireName());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
