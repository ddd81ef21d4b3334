package cc.acd.adapter.jdbc;

import cc.acd.app.AgentStateHistory;
import cc.acd.domain.agent.AgentStateSpell;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcOutbox;
import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import cc.core.contract.AgentStateChanged;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agent state history in table {@code acd_agent_state_spell} (migration module {@code acd}), on the database's
 * worker pool. An agent's timeline is its spells ordered by {@code (started_at, id)}; each spell's
 * {@code ended_at} is the next one's {@code started_at}, and the last has none.
 *
 * <p>Each new spell writes an {@code agent.state} event to the outbox in the same transaction (from the state it
 * followed, to the new one, with the reason); a redelivered or continuing state writes none. A change that arrives
 * late and falls between two known spells says the state it followed ({@code until}: when the next one began).
 */
public final class JdbcAgentStateHistory implements AgentStateHistory {
    private static final String COLUMNS = "agent_id, state, reason, call_id, started_at, ended_at";

    private final Database database;

    public JdbcAgentStateHistory(Database database) {
        this.database = database;
    }

    @Override
    public Future<Outcome> record(AgentStateChanged change) {
        return database.inTransaction(c -> {
            try {
                return record(c, change);
            } catch (SQLException e) {
                // SQLState class 22, data exception: the values themselves are refused, so retrying cannot help
                if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                    throw new IllegalArgumentException("agent state change " + change + " cannot be stored: "
                            + e.getMessage(), e);
                }
                throw e;
            }
        });
    }

    private static Outcome record(Connection c, AgentStateChanged change) throws SQLException {
        // both databases keep microseconds: compare and store what they would keep, so a redelivery matches
        Timestamp at = timestamp(change.since());
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM acd_agent_state_spell "
                + "WHERE agent_id = ? AND started_at = ? AND state = ? AND reason = ?")) {
            ps.setString(1, change.agentId());
            ps.setTimestamp(2, at);
            ps.setString(3, change.state());
            ps.setString(4, change.reason());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Outcome.DUPLICATE;
                }
            }
        }
        // the spell the change falls in: the last one starting at or before it (locked, so it is closed once)
        long previousId = -1;
        Optional<Instant> end = Optional.empty();
        String fromState = null;
        String fromReason = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, state, reason, call_id, ended_at "
                + "FROM acd_agent_state_spell WHERE agent_id = ? AND started_at <= ? "
                + "ORDER BY started_at DESC, id DESC LIMIT 1 FOR UPDATE")) {
            ps.setString(1, change.agentId());
            ps.setTimestamp(2, at);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (rs.getString(2).equals(change.state()) && rs.getString(3).equals(change.reason())
                            && rs.getString(4).equals(change.callId())) {
                        return Outcome.CONTINUED;
                    }
                    previousId = rs.getLong(1);
                    fromState = rs.getString(2);
                    fromReason = rs.getString(3);
                    end = instant(rs.getTimestamp(5));
                }
            }
        }
        if (previousId < 0) {
            // earlier than anything known of the agent: it lasts until the agent's first spell
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(started_at) FROM acd_agent_state_spell "
                    + "WHERE agent_id = ?")) {
                ps.setString(1, change.agentId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    end = instant(rs.getTimestamp(1));
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE acd_agent_state_spell SET ended_at = ? "
                    + "WHERE id = ?")) {
                ps.setTimestamp(1, at);
                ps.setLong(2, previousId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO acd_agent_state_spell (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, change.agentId());
            ps.setString(2, change.state());
            ps.setString(3, change.reason());
            ps.setString(4, change.callId());
            ps.setTimestamp(5, at);
            ps.setTimestamp(6, end.map(Timestamp::from).orElse(null));
            ps.executeUpdate();
        }
        JdbcOutbox.append(c, BusinessEvent.of(BusinessEventType.AGENT_STATE_CHANGED, change.agentId(), at.toInstant(),
                new JsonObject()
                        .put("agentId", change.agentId())
                        .put("from", fromState)
                        .put("fromReason", fromReason == null || fromReason.isEmpty() ? null : fromReason)
                        .put("to", change.state())
                        .put("reason", change.reason().isEmpty() ? null : change.reason())
                        .put("callId", change.callId().isEmpty() ? null : change.callId())
                        .put("since", at.toInstant().toString())
                        .put("until", end.map(Instant::toString).orElse(null))
                        .encode()));
        return end.isEmpty() ? Outcome.OPENED : Outcome.INSERTED;
    }

    @Override
    public Future<List<AgentStateSpell>> spells(String agentId, Instant from, Instant to) {
        return database.withConnection(c -> {
            List<AgentStateSpell> out = new ArrayList<>();
            // the spell running at from, found by the agent's index without scanning the agent's older history
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM acd_agent_state_spell "
                    + "WHERE agent_id = ? AND started_at < ? ORDER BY started_at DESC, id DESC LIMIT 1")) {
                ps.setString(1, agentId);
                ps.setTimestamp(2, timestamp(from));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        AgentStateSpell before = spell(rs);
                        if (before.endedAt().map(e -> e.isAfter(from)).orElse(true)) {
                            out.add(before);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM acd_agent_state_spell "
                    + "WHERE agent_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at, id")) {
                ps.setString(1, agentId);
                ps.setTimestamp(2, timestamp(from));
                ps.setTimestamp(3, timestamp(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(spell(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Future<List<AgentStateSpell>> spells(Instant from, Instant to) {
        return database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM acd_agent_state_spell "
                    + "WHERE started_at < ? AND (started_at >= ? OR ended_at > ? OR ended_at IS NULL) "
                    + "ORDER BY agent_id, started_at, id")) {
                ps.setTimestamp(1, timestamp(to));
                ps.setTimestamp(2, timestamp(from));
                ps.setTimestamp(3, timestamp(from));
                List<AgentStateSpell> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(spell(rs));
                    }
                }
                return out;
            }
        });
    }

    private static AgentStateSpell spell(ResultSet rs) throws SQLException {
        return new AgentStateSpell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)));
    }

    private static Timestamp timestamp(Instant i) {
        return Timestamp.from(i.truncatedTo(ChronoUnit.MICROS));
    }

    private static Optional<Instant> instant(Timestamp t) {
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }
}
