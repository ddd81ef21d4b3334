package cc.core.adapter.jdbc;

import cc.core.app.recording.RecordingStore;
import cc.core.domain.recording.EndReason;
import cc.core.domain.recording.RecordingAudit;
import cc.core.domain.recording.RecordingChange;
import cc.core.domain.recording.RecordingFile;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recording rows in {@code interaction_recordings} and their audit trail in {@code recording_audit}.
 *
 * <p>Threading: as {@link Database}: blocking JDBC on the {@value Database#WORKER_POOL} pool, work from one caller
 * in the order submitted. A change reads the file's row under a lock, lets {@link RecordingFile#apply} decide, and
 * writes what it decided, in one transaction. Texts longer than their column are cut, so an over-long detail can
 * never make a write fail for ever (the recorder retries failed writes until they succeed).
 */
public final class JdbcRecordingStore implements RecordingStore {
    private static final String COLUMNS = "file, interaction_id, server, started_at, ended_at, end_reason, started_by,"
            + " ended_by, detail, deleted_at, deleted_by";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;

    public JdbcRecordingStore(Database db) {
        this.db = db;
    }

    @Override
    public Future<Void> record(RecordingChange change) {
        return db.withConnection(c -> {
            try {
                Database.transaction(c, conn -> apply(conn, change));
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // another node inserted the same file between our read and insert: apply to its row
                Database.transaction(c, conn -> apply(conn, change));
            }
            return null;
        });
    }

    private static Void apply(Connection c, RecordingChange change) throws SQLException {
        Optional<RecordingFile> current;
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS
                + " from interaction_recordings where file = ? for update")) {
            st.setString(1, change.file());
            current = first(read(st));
        }
        Optional<RecordingFile> next = RecordingFile.apply(current, change);
        if (next.isEmpty()) {
            return null;
        }
        RecordingFile f = next.get();
        String sql = current.isPresent()
                ? "update interaction_recordings set interaction_id = ?, server = ?, started_at = ?, ended_at = ?,"
                + " end_reason = ?, started_by = ?, ended_by = ?, detail = ?, deleted_at = ?, deleted_by = ?"
                + " where file = ?"
                : "insert into interaction_recordings (interaction_id, server, started_at, ended_at, end_reason,"
                + " started_by, ended_by, detail, deleted_at, deleted_by, file) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, cut(f.interactionId(), 64));
            st.setString(2, cut(f.server(), 64));
            st.setObject(3, JdbcInteractionStore.timestamp(f.startedAt()));
            setInstant(st, 4, f.endedAt());
            st.setString(5, f.endReason().map(EndReason::wireName).orElse(""));
            st.setString(6, cut(f.startedBy(), 128));
            st.setString(7, cut(f.endedBy(), 128));
            st.setString(8, cut(f.detail(), 400));
            setInstant(st, 9, f.deletedAt());
            st.setString(10, cut(f.deletedBy(), 128));
            st.setString(11, f.file());
            st.executeUpdate();
        }
        return null;
    }

    @Override
    public Future<List<RecordingFile>> forInteraction(String interactionId) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("select " + COLUMNS
                    + " from interaction_recordings where interaction_id = ? order by started_at, file")) {
                st.setString(1, interactionId);
                return read(st);
            }
        });
    }

    @Override
    public Future<Optional<RecordingFile>> find(String file) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("select " + COLUMNS
                    + " from interaction_recordings where file = ?")) {
                st.setString(1, file);
                return first(read(st));
            }
        });
    }

    @Override
    public Future<List<RecordingFile>> keptAgedBefore(Instant cutoff, int limit) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from interaction_recordings"
                    + " where deleted_at is null and coalesce(ended_at, started_at) < ?"
                    + " order by coalesce(ended_at, started_at), file limit ?")) {
                st.setObject(1, JdbcInteractionStore.timestamp(cutoff));
                st.setInt(2, limit);
                return read(st);
            }
        });
    }

    @Override
    public Future<Void> markDeleted(String file, Instant at, String by, RecordingAudit audit) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("update interaction_recordings set deleted_at = ?,"
                    + " deleted_by = ? where file = ? and deleted_at is null")) {
                st.setObject(1, JdbcInteractionStore.timestamp(at));
                st.setString(2, cut(by, 128));
                st.setString(3, file);
                st.executeUpdate();
            }
            insertAudit(c, audit);
            return null;
        });
    }

    @Override
    public Future<Void> audit(RecordingAudit entry) {
        return db.withConnection(c -> {
            insertAudit(c, entry);
            return null;
        });
    }

    @Override
    public Future<List<RecordingAudit>> auditOf(String file) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("select at, username, file, interaction_id, action, detail"
                    + " from recording_audit where file = ? order by at, id")) {
                st.setString(1, file);
                List<RecordingAudit> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RecordingAudit(JdbcInteractionStore.instant(rs, "at"), rs.getString("username"),
                                rs.getString("file"), rs.getString("interaction_id"), rs.getString("action"),
                                rs.getString("detail")));
                    }
                }
                return out;
            }
        });
    }

    private static void insertAudit(Connection c, RecordingAudit a) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into recording_audit (at, username, file,"
                + " interaction_id, action, detail) values (?, ?, ?, ?, ?, ?)")) {
            st.setObject(1, JdbcInteractionStore.timestamp(a.at()));
            st.setString(2, cut(a.username(), 128));
            st.setString(3, cut(a.file(), 400));
            st.setString(4, cut(a.interactionId(), 64));
            st.setString(5, cut(a.action(), 16));
            st.setString(6, cut(a.detail(), 400));
            st.executeUpdate();
        }
    }

    private static List<RecordingFile> read(PreparedStatement st) throws SQLException {
        List<RecordingFile> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new RecordingFile(rs.getString("file"), rs.getString("interaction_id"), rs.getString("server"),
                        JdbcInteractionStore.instant(rs, "started_at"), optionalInstant(rs, "ended_at"),
                        EndReason.of(rs.getString("end_reason")), rs.getString("started_by"),
                        rs.getString("ended_by"), rs.getString("detail"), optionalInstant(rs, "deleted_at"),
                        rs.getString("deleted_by")));
            }
        }
        return out;
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static void setInstant(PreparedStatement st, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            st.setObject(index, JdbcInteractionStore.timestamp(value.get()));
        } else {
            st.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
