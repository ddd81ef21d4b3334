package cc.console.adapter.jdbc;

import cc.console.app.ChatStore;
import cc.console.domain.chat.ChatMessage;
import cc.console.domain.chat.ChatOutput;
import cc.core.adapter.jdbc.Database;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chats in {@code chats}, {@code chat_holders} and {@code chat_messages} (console V5). Writes go through the
 * database's ordered path of the calling context, so one chat desk's writes land in the order it made them.
 */
public final class JdbcChatStore implements ChatStore {
    private final Database db;

    public JdbcChatStore(Database db) {
        this.db = db;
    }

    @Override
    public Future<Void> write(List<ChatOutput> writes) {
        return db.inTransaction(c -> {
            for (ChatOutput w : writes) {
                if (w instanceof ChatOutput.Opened o) {
                    open(c, o.chatId(), o.visitorName(), o.topic(), o.language(), o.customerId(), o.queue(), o.at());
                } else if (w instanceof ChatOutput.Held h) {
                    held(c, h.chatId(), h.agentId(), h.queue());
                } else if (w instanceof ChatOutput.Store m) {
                    append(c, m.message());
                } else if (w instanceof ChatOutput.Closed x) {
                    close(c, x.chatId(), x.reason(), x.at());
                }
            }
            return null;
        });
    }

    private static void open(Connection c, String chatId, String visitorName, String topic, String language,
                             String customerId, String queue, Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into chats (interaction_id, visitor_name, topic,"
                + " language, customer_id, queue, started_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, chatId);
            st.setString(2, visitorName);
            st.setString(3, topic);
            st.setString(4, language);
            st.setString(5, customerId);
            st.setString(6, queue);
            st.setObject(7, utc(at));
            st.executeUpdate();
        }
    }

    private static void held(Connection c, String chatId, String agentId, String queue) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(agentId.isEmpty()
                ? "update chats set queue = ? where interaction_id = ?"
                : "update chats set queue = ?, agent_id = ? where interaction_id = ?")) {
            int i = 1;
            st.setString(i++, queue);
            if (!agentId.isEmpty()) {
                st.setString(i++, agentId);
            }
            st.setString(i, chatId);
            st.executeUpdate();
        }
        if (!agentId.isEmpty() && !holders(c, chatId).contains(agentId)) {
            try (PreparedStatement st = c.prepareStatement(
                    "insert into chat_holders (interaction_id, agent_id) values (?, ?)")) {
                st.setString(1, chatId);
                st.setString(2, agentId);
                st.executeUpdate();
            }
        }
    }

    private static void append(Connection c, ChatMessage m) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into chat_messages (interaction_id, seq, sender,"
                + " agent_id, body, sent_at) values (?, ?, ?, ?, ?, ?)")) {
            st.setString(1, m.chatId());
            st.setLong(2, m.seq());
            st.setString(3, m.from().code());
            st.setString(4, m.agentId());
            st.setString(5, m.text());
            st.setObject(6, utc(m.at()));
            st.executeUpdate();
        }
    }

    private static void close(Connection c, String chatId, String reason, Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "update chats set ended_at = ?, end_reason = ? where interaction_id = ? and ended_at is null")) {
            st.setObject(1, utc(at));
            st.setString(2, reason);
            st.setString(3, chatId);
            st.executeUpdate();
        }
    }

    @Override
    public Future<Optional<Transcript>> transcript(String chatId) {
        return db.withConnectionInParallel(c -> {
            String name;
            String topic;
            String language;
            String customer;
            String queue;
            String agent;
            Instant started;
            Optional<Instant> ended;
            String reason;
            try (PreparedStatement st = c.prepareStatement("select visitor_name, topic, language, customer_id, queue,"
                    + " agent_id, started_at, ended_at, end_reason from chats where interaction_id = ?")) {
                st.setString(1, chatId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Transcript>empty();
                    }
                    name = rs.getString(1);
                    topic = rs.getString(2);
                    language = rs.getString(3);
                    customer = rs.getString(4);
                    queue = rs.getString(5);
                    agent = rs.getString(6);
                    started = rs.getObject(7, OffsetDateTime.class).toInstant();
                    ended = Optional.ofNullable(rs.getObject(8, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
                    reason = rs.getString(9) == null ? "" : rs.getString(9);
                }
            }
            List<ChatMessage> lines = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select seq, sender, agent_id, body, sent_at"
                    + " from chat_messages where interaction_id = ? order by seq")) {
                st.setString(1, chatId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new ChatMessage(chatId, rs.getLong(1), ChatMessage.Sender.of(rs.getString(2)),
                                rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return Optional.of(new Transcript(chatId, name, topic, language, customer, queue, agent,
                    holders(c, chatId), started, ended, reason, lines));
        });
    }

    private static List<String> holders(Connection c, String chatId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "select agent_id from chat_holders where interaction_id = ? order by agent_id")) {
            st.setString(1, chatId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
