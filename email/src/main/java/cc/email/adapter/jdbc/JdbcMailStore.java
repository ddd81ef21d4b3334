package cc.email.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.email.app.MailStore;
import cc.email.app.ThreadRecord;
import cc.email.domain.InboundMail;
import cc.email.domain.MailAttachment;
import cc.email.domain.OutboundMail;
import cc.email.domain.Robot;
import cc.email.domain.ThreadState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link MailStore} in tables {@code email_threads}, {@code email_messages} and {@code email_attachments}.
 *
 * <p>Threading: as {@link Database}: blocking JDBC on its worker pool, futures completing on the caller's context.
 * Calls go to the pool in parallel: the desk keeps the order that matters (one sender at a time) itself.
 */
public final class JdbcMailStore implements MailStore {
    /** The schema module of the scripts in {@code db/migration/email}. */
    public static final String MIGRATIONS = "email";
    private static final String INBOUND = "inbound";
    private static final String ACK = "acknowledgement";
    private static final String REPLY = "reply";

    private final Database db;

    public JdbcMailStore(Database db) {
        this.db = db;
    }

    @Override
    public Future<Boolean> hasMessage(String messageId) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from email_messages where message_id = ?")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** All three in one visit to the pool: the intake's first step, for every message. */
    @Override
    public Future<Known> known(String messageId, List<String> parentIds, Optional<Long> caseNumber, String sender,
                               Instant since) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from email_messages where message_id = ?")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Known(true, Optional.empty(), 0);
                    }
                }
            }
            Optional<ThreadState> thread = Optional.empty();
            for (String id : parentIds) {
                thread = state(c, "t.id = (select thread_id from email_messages where message_id = ?)", id);
                if (thread.isPresent()) {
                    break;
                }
            }
            if (thread.isEmpty() && caseNumber.isPresent()) {
                thread = state(c, "t.case_number = ?", caseNumber.get());
            }
            try (PreparedStatement ps = c.prepareStatement("select count(*) from email_messages"
                    + " where to_address = ? and direction = ? and sent_at >= ?")) {
                ps.setString(1, sender.toLowerCase(Locale.ROOT));
                ps.setString(2, ACK);
                ps.setTimestamp(3, Timestamp.from(since));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Known(false, thread, rs.getInt(1));
                }
            }
        });
    }

    @Override
    public Future<Optional<ThreadState>> threadOf(List<String> parentIds, Optional<Long> caseNumber) {
        return db.withConnectionInParallel(c -> {
            for (String id : parentIds) {
                Optional<ThreadState> t = state(c, "t.id = (select thread_id from email_messages where message_id = ?)",
                        id);
                if (t.isPresent()) {
                    return t;
                }
            }
            return caseNumber.isPresent() ? state(c, "t.case_number = ?", caseNumber.get()) : Optional.empty();
        });
    }

    private static Optional<ThreadState> state(Connection c, String where, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select t.id, t.case_number, t.interaction_id, t.state,"
                + " t.holder from email_threads t where " + where)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ThreadState(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        "open".equals(rs.getString(4)), Optional.ofNullable(rs.getString(5)))) : Optional.empty();
            }
        }
    }

    @Override
    public Future<Integer> acknowledgementsSince(String address, Instant since) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from email_messages"
                    + " where to_address = ? and direction = ? and sent_at >= ?")) {
                ps.setString(1, address.toLowerCase(Locale.ROOT));
                ps.setString(2, ACK);
                ps.setTimestamp(3, Timestamp.from(since));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public Future<ThreadState> create(NewThread t, InboundMail first, Robot robot, String notes) {
        return transaction(c -> {
            long caseNumber;
            // the number first, then the row: one statement that returns both is not portable to the embedded H2
            try (PreparedStatement ps = c.prepareStatement("select nextval('email_case_numbers')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                caseNumber = rs.getLong(1);
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into email_threads (case_number, subject,"
                    + " customer_address, customer_name, customer_id, language, queue, interaction_id, state,"
                    + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setLong(1, caseNumber);
                ps.setString(2, cut(t.subject(), 998));
                ps.setString(3, t.customerAddress());
                ps.setString(4, cut(t.customerName(), 200));
                if (t.customerId().isPresent()) {
                    ps.setLong(5, t.customerId().get());
                } else {
                    ps.setNull(5, Types.BIGINT);
                }
                ps.setString(6, t.language());
                ps.setString(7, t.queue());
                ps.setString(8, t.interactionId());
                ps.setString(9, t.open() ? "open" : "closed");
                ps.setTimestamp(10, Timestamp.from(t.at()));
                ps.setTimestamp(11, Timestamp.from(t.at()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertInbound(c, id, t.interactionId(), first, robot, notes);
            return new ThreadState(id, caseNumber, t.interactionId(), t.open(), Optional.empty());
        });
    }

    @Override
    public Future<Void> addInbound(long threadId, String interactionId, InboundMail mail, Robot robot, String notes) {
        return transaction(c -> {
            insertInbound(c, threadId, interactionId, mail, robot, notes);
            touch(c, threadId, mail.sentAt());
            return null;
        });
    }

    private static void insertInbound(Connection c, long threadId, String interactionId, InboundMail m, Robot robot,
                                      String notes) throws SQLException {
        StringBuilder headers = new StringBuilder();
        m.headers().forEach((k, v) -> headers.append(k).append(": ").append(v).append('\n'));
        long messageRow = insertMessage(c, threadId, interactionId, m.messageId(), INBOUND,
                robot.name().toLowerCase(Locale.ROOT), m.from(), m.recipients().isEmpty() ? "" : m.recipients().get(0),
                m.subject(), m.sentAt(), m.inReplyTo().isEmpty() ? "" : m.inReplyTo().get(0),
                String.join(" ", m.references()), headers.toString(), m.text(), m.html(), notes, null);
        if (m.attachments().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into email_attachments (message_id, name,"
                + " content_type, size_bytes, content) values (?, ?, ?, ?, ?)")) {
            for (MailAttachment a : m.attachments()) {
                ps.setLong(1, messageRow);
                ps.setString(2, cut(a.name(), 255));
                ps.setString(3, cut(a.contentType(), 255));
                ps.setInt(4, a.size());
                ps.setBytes(5, a.bytes());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long insertMessage(Connection c, long threadId, String interactionId, String messageId,
                                      String direction, String robot, String from, String to, String subject,
                                      Instant at, String inReplyTo, String refs, String headers, String text,
                                      boolean html, String notes, String agentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into email_messages (thread_id, interaction_id,"
                + " message_id, direction, robot, from_address, to_address, subject, sent_at, in_reply_to, refs,"
                + " headers, body_text, body_from_html, notes, agent_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setLong(1, threadId);
            ps.setString(2, interactionId);
            ps.setString(3, cut(messageId, 998));
            ps.setString(4, direction);
            ps.setString(5, robot);
            ps.setString(6, cut(from, 320));
            ps.setString(7, cut(to, 320));
            ps.setString(8, cut(subject, 998));
            ps.setTimestamp(9, Timestamp.from(at));
            ps.setString(10, cut(inReplyTo, 998));
            ps.setString(11, refs);
            ps.setString(12, headers);
            ps.setString(13, text.replace("\u0000", ""));
            ps.setBoolean(14, html);
            ps.setString(15, notes);
            ps.setString(16, agentId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void touch(Connection c, long threadId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update email_threads set updated_at = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, threadId);
            ps.executeUpdate();
        }
    }

    @Override
    public Future<Void> addOutbound(long threadId, String interactionId, String messageId, String from,
                                    OutboundMail mail, Optional<String> agentId, Instant at) {
        return db.withConnectionInParallel(c -> {
            insertMessage(c, threadId, interactionId, messageId, mail.automatic() ? ACK : REPLY, "none", from,
                    mail.to().toLowerCase(Locale.ROOT), mail.subject(), at, mail.inReplyTo(),
                    String.join(" ", mail.references()), "", mail.text(), false, "", agentId.orElse(null));
            return null;
        });
    }

    @Override
    public Future<Void> reopen(long threadId, String interactionId, String queue, Instant at) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement ps = c.prepareStatement("update email_threads set interaction_id = ?, queue = ?,"
                    + " state = 'open', holder = null, updated_at = ? where id = ?")) {
                ps.setString(1, interactionId);
                ps.setString(2, queue);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setLong(4, threadId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<Boolean> hold(String interactionId, String agentId, Instant at) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement ps = c.prepareStatement("update email_threads set holder = ?, updated_at = ?"
                    + " where interaction_id = ? and state = 'open'")) {
                ps.setString(1, agentId);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setString(3, interactionId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Future<Void> close(String interactionId, Instant at) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement ps = c.prepareStatement("update email_threads set state = 'closed',"
                    + " updated_at = ? where interaction_id = ? and state = 'open'")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setString(2, interactionId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<Optional<ThreadRecord>> thread(String interactionId) {
        return db.withConnectionInParallel(c -> record(c, interactionId));
    }

    /** The thread whose current or an earlier routing is {@code interactionId}. */
    private static Optional<ThreadRecord> record(Connection c, String interactionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, case_number, interaction_id, subject,"
                + " customer_address, customer_name, customer_id, language, queue, state, holder from email_threads"
                + " where interaction_id = ? or id = (select thread_id from email_messages where interaction_id = ?"
                + " limit 1)")) {
            ps.setString(1, interactionId);
            ps.setString(2, interactionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                long customer = rs.getLong(7);
                Optional<Long> customerId = rs.wasNull() ? Optional.empty() : Optional.of(customer);
                ThreadRecord partial = new ThreadRecord(id, rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), customerId, rs.getString(8), rs.getString(9),
                        "open".equals(rs.getString(10)), Optional.ofNullable(rs.getString(11)), List.of());
                List<String> ids = new ArrayList<>();
                try (PreparedStatement m = c.prepareStatement(
                        "select message_id from email_messages where thread_id = ? order by id")) {
                    m.setLong(1, id);
                    try (ResultSet r = m.executeQuery()) {
                        while (r.next()) {
                            ids.add(r.getString(1));
                        }
                    }
                }
                return Optional.of(new ThreadRecord(partial.threadId(), partial.caseNumber(), partial.interactionId(),
                        partial.subject(), partial.customerAddress(), partial.customerName(), partial.customerId(),
                        partial.language(), partial.queue(), partial.open(), partial.holder(), ids));
            }
        }
    }

    @Override
    public Future<Optional<JsonObject>> view(String interactionId) {
        return db.withConnectionInParallel(c -> {
            Optional<ThreadRecord> t = record(c, interactionId);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            ThreadRecord r = t.get();
            JsonObject out = new JsonObject().put("interactionId", r.interactionId()).put("caseNumber", r.caseNumber())
                    .put("subject", r.subject()).put("customerAddress", r.customerAddress())
                    .put("customerName", r.customerName()).put("customerId", r.customerId().orElse(null))
                    .put("language", r.language()).put("queue", r.queue()).put("open", r.open())
                    .put("holder", r.holder().orElse(null));
            out.put("messages", messages(c, "m.thread_id = ?", r.threadId(), Integer.MAX_VALUE));
            return Optional.of(out);
        });
    }

    private static JsonArray messages(Connection c, String where, Object key, int maxChars) throws SQLException {
        JsonArray out = new JsonArray();
        Map<Long, JsonObject> byRow = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select m.id, m.interaction_id, m.direction, m.robot,"
                + " m.from_address, m.to_address, m.subject, m.sent_at, m.body_text, m.notes, m.agent_id"
                + " from email_messages m where " + where + " order by m.id")) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(9);
                    JsonObject m = new JsonObject().put("id", rs.getLong(1)).put("interactionId", rs.getString(2))
                            .put("direction", rs.getString(3)).put("robot", rs.getString(4))
                            .put("from", rs.getString(5)).put("to", rs.getString(6)).put("subject", rs.getString(7))
                            .put("at", rs.getTimestamp(8).toInstant().toString())
                            .put("text", text.length() > maxChars ? text.substring(0, maxChars) + "…" : text)
                            .put("notes", rs.getString(10)).put("agentId", rs.getString(11))
                            .put("attachments", new JsonArray());
                    byRow.put(rs.getLong(1), m);
                    out.add(m);
                }
            }
        }
        if (!byRow.isEmpty() && maxChars == Integer.MAX_VALUE) {
            try (PreparedStatement ps = c.prepareStatement("select a.id, a.message_id, a.name, a.content_type,"
                    + " a.size_bytes from email_attachments a join email_messages m on m.id = a.message_id where "
                    + where + " order by a.id")) {
                ps.setObject(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JsonObject m = byRow.get(rs.getLong(2));
                        if (m != null) {
                            m.getJsonArray("attachments").add(new JsonObject().put("id", rs.getLong(1))
                                    .put("name", rs.getString(3)).put("contentType", rs.getString(4))
                                    .put("size", rs.getInt(5)));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Future<JsonArray> timeline(List<String> interactionIds, int maxChars) {
        return db.withConnectionInParallel(c -> {
            JsonArray out = new JsonArray();
            for (String id : interactionIds) {
                messages(c, "m.interaction_id = ?", id, maxChars).forEach(out::add);
            }
            return out;
        });
    }

    @Override
    public Future<JsonArray> heldBy(String agentId) {
        return db.withConnectionInParallel(c -> {
            JsonArray out = new JsonArray();
            try (PreparedStatement ps = c.prepareStatement("select interaction_id, case_number, subject,"
                    + " customer_address, customer_name from email_threads where holder = ? and state = 'open'"
                    + " order by updated_at")) {
                ps.setString(1, agentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JsonObject().put("interactionId", rs.getString(1)).put("caseNumber", rs.getLong(2))
                                .put("subject", rs.getString(3)).put("customerAddress", rs.getString(4))
                                .put("customerName", rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Future<Optional<AttachmentFile>> attachment(String interactionId, long attachmentId) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement ps = c.prepareStatement("select a.name, a.content_type, a.content"
                    + " from email_attachments a join email_messages m on m.id = a.message_id"
                    + " join email_threads t on t.id = m.thread_id where a.id = ? and t.interaction_id = ?")) {
                ps.setLong(1, attachmentId);
                ps.setString(2, interactionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new AttachmentFile(rs.getString(1), rs.getString(2),
                            rs.getBytes(3))) : Optional.empty();
                }
            }
        });
    }

    /**
     * One transaction on a pooled connection, in parallel with the caller's other work: the desk's calls all come from
     * its one context, and the ordered {@link Database#inTransaction} would run every sender's intake one at a time.
     */
    private <T> Future<T> transaction(cc.core.adapter.jdbc.SqlWork<T> work) {
        return db.withConnectionInParallel(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
