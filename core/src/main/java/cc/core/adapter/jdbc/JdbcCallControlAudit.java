package cc.core.adapter.jdbc;

import cc.core.app.callcontrol.CallControlAudit;
import cc.core.domain.callcontrol.CallControlBook.AuditEntry;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The call-control audit log in table {@code call_control_audit} (core V4). */
public final class JdbcCallControlAudit implements CallControlAudit {
    private final Database database;

    public JdbcCallControlAudit(Database database) {
        this.database = database;
    }

    @Override
    public Future<Void> append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Future.succeededFuture();
        }
        return database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into call_control_audit (at, actor, interaction_id,"
                    + " agent_id, intent, target, outcome, detail) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEntry e : entries) {
                    ps.setTimestamp(1, Timestamp.from(e.at()));
                    ps.setString(2, cut(e.actor(), 128));
                    ps.setString(3, cut(e.interactionId(), 64));
                    ps.setString(4, cut(e.agentId(), 64));
                    ps.setString(5, cut(e.intent(), 32));
                    ps.setString(6, cut(e.target(), 128));
                    ps.setString(7, cut(e.outcome(), 16));
                    ps.setString(8, cut(e.detail(), 1000));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Future<List<AuditEntry>> ofInteraction(String interactionId) {
        return database.withConnection(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select at, actor, interaction_id, agent_id, intent, target,"
                    + " outcome, detail from call_control_audit where interaction_id = ? order by id")) {
                ps.setString(1, interactionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
