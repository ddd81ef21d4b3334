package cc.console.adapter.jdbc;

import cc.console.app.ChatStore;
import cc.console.domain.chat.ChatBook;
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
 * Chats in {@code chats}, {@code chat_holders} and {@code chat_messages} (console V5, V7). Writes go through the
 * database's ordered path of the calling context, so one chat desk's writes land in the order it made them.
 */
public final class JdbcChatStore implements ChatStore {
    private final Database db;
    private final String node;

    /** @param node this node's id: the desk of the chats it opens or takes over */
    public JdbcChatStore(Database db, String node) {
        this.db = db;
        this.node = node;
    }

    @Override
    public Future<Void> write(List<ChatOutput> writes) {
        return db.inTransaction(c -> {
            for (ChatOutput w : writes) {
                if (w instanceof ChatOutput.Opened o) {
                    open(c, o);
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

    private void open(Connection c, ChatOutput.Opened o) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into chats (interaction_id, visitor_name, topic,"
                + " language, customer_id, queue, started_at, token_hash, visitor_address, desk_node)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, o.chatId());
            st.setString(2, o.visitorName());
            st.setString(3, o.topic());
            st.setString(4, o.language());
            st.setString(5, o.customerId());
            st.setString(6, o.queue());
            st.setObject(7, utc(o.at()));
            st.setString(8, o.tokenHash());
            st.setString(9, o.address());
            st.setString(10, node);
            st.executeUpdate();
        }
    }

    private static void held(Connection c, String chatId, String agentId, String queue) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(agentId.isEmpty()
                ? "update chats set queue = ?, waiting = true where interaction_id = ?"
                : "update chats set queue = ?, agent_id = ?, waiting = false where interaction_id = ?")) {
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
        // a line already stored under its number stays (a desk that took the chat over while the old one was only
        // out of reach may number a line the same): the batch must not fail on it for good, holding up every later write
        try (PreparedStatement st = c.prepareStatement("insert into chat_messages (interaction_id, seq, sender,"
                + " agent_id, body, sent_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
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
        return db.withConnectionInParallel(c -> read(c, chatId).map(r -> r.transcript));
    }

    @Override
    public Future<List<Transcript>> heldBy(String agentId) {
        return db.withConnectionInParallel(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select interaction_id from chats where agent_id = ?"
                    + " and waiting = false and ended_at is null order by started_at")) {
                st.setString(1, agentId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<Transcript> out = new ArrayList<>();
            for (String id : ids) {
                read(c, id).ifPresent(r -> out.add(r.transcript));
            }
            return out;
        });
    }

    @Override
    public Future<Optional<Desk>> openChat(String tokenHash) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement st = c.prepareStatement("select interaction_id, desk_node from chats"
                    + " where token_hash = ? and token_hash <> '' and ended_at is null")) {
                st.setString(1, tokenHash);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Desk(rs.getString(1), rs.getString(2))) : Optional.<Desk>empty();
                }
            }
        });
    }

    @Override
    public Future<List<Desk>> openElsewhere() {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement st = c.prepareStatement("select interaction_id, desk_node from chats"
                    + " where ended_at is null and desk_node <> '' and desk_node <> ? order by started_at")) {
                st.setString(1, node);
                List<Desk> open = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        open.add(new Desk(rs.getString(1), rs.getString(2)));
                    }
                }
                return open;
            }
        });
    }

    @Override
    public Future<Optional<ChatBook.Kept>> takeOver(String chatId, String fromNode) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("update chats set desk_node = ?"
                    + " where interaction_id = ? and desk_node = ? and ended_at is null")) {
                st.setString(1, node);
                st.setString(2, chatId);
                st.setString(3, fromNode);
                if (st.executeUpdate() == 0) {
                    return Optional.<ChatBook.Kept>empty();
                }
            }
            return read(c, chatId).map(r -> {
                Transcript t = r.transcript;
                return new ChatBook.Kept(chatId, r.tokenHash, r.address, t.visitorName(), t.topic(), t.language(),
                        t.customerId(), t.queue(), r.waiting ? "" : t.agentId(), t.startedAt(), t.lines());
            });
        });
    }

    /** A chat's row as read: its transcript and what a desk taking it over needs besides. */
    private record Row(Transcript transcript, String tokenHash, String address, boolean waiting) {}

    private static Optional<Row> read(Connection c, String chatId) throws SQLException {
        Row row;
        try (PreparedStatement st = c.prepareStatement("select visitor_name, topic, language, customer_id, queue,"
                + " agent_id, started_at, ended_at, end_reason, token_hash, visitor_address, waiting"
                + " from chats where interaction_id = ?")) {
            st.setString(1, chatId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                row = new Row(new Transcript(chatId, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), List.of(),
                        rs.getObject(7, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(8, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                        rs.getString(9) == null ? "" : rs.getString(9), List.of()),
                        rs.getString(10), rs.getString(11), rs.getBoolean(12));
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
        Transcript t = row.transcript;
        return Optional.of(new Row(new Transcript(chatId, t.visitorName(), t.topic(), t.language(), t.customerId(),
                t.queue(), t.agentId(), holders(c, chatId), t.startedAt(), t.endedAt(), t.endReason(), lines),
                row.tokenHash, row.address, row.waiting));
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
