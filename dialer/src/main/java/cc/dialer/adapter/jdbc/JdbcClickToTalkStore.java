package cc.dialer.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.dialer.app.ClickToTalkStore;
import cc.dialer.domain.clicktotalk.CallMeRequest;
import cc.dialer.domain.clicktotalk.CallMeState;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ClickToTalkStore} in table {@code dialer_click_to_talk} ({@code V6__click_to_talk.sql}). */
public final class JdbcClickToTalkStore implements ClickToTalkStore {
    private static final String COLUMNS = "number, language, queue, topic, customer_id, call_at, requested_at, "
            + "state, attempts, next_dial_at, call_open, unique_id, detail, changed_at";
    private static final int DETAIL_MAX = 400;
    private final Database db;

    public JdbcClickToTalkStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Future<List<CallMeRequest>> load(Instant since) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select request_id, " + COLUMNS
                    + " from dialer_click_to_talk where state in ('scheduled', 'dialling', 'confirming')"
                    + " or call_open or changed_at >= ? order by requested_at, request_id")) {
                ps.setTimestamp(1, Timestamp.from(since));
                List<CallMeRequest> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long customer = rs.getLong(6);
                        Optional<Long> customerId = rs.wasNull() ? Optional.empty() : Optional.of(customer);
                        out.add(new CallMeRequest(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), customerId, rs.getTimestamp(7).toInstant(),
                                rs.getTimestamp(8).toInstant(), CallMeState.fromWireName(rs.getString(9)),
                                rs.getInt(10), rs.getTimestamp(11).toInstant(), rs.getBoolean(12),
                                rs.getString(13), rs.getString(14), rs.getTimestamp(15).toInstant()));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Future<Void> save(CallMeRequest r) {
        return db.withConnection(c -> {
            // update first, insert when new: the same SQL runs on PostgreSQL and H2
            int updated;
            try (PreparedStatement ps = c.prepareStatement("update dialer_click_to_talk set number = ?, "
                    + "language = ?, queue = ?, topic = ?, customer_id = ?, call_at = ?, requested_at = ?, state = ?, "
                    + "attempts = ?, next_dial_at = ?, call_open = ?, unique_id = ?, detail = ?, changed_at = ? "
                    + "where request_id = ?")) {
                bind(ps, r);
                ps.setString(15, r.id());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                insert(c, r);
            }
            return null;
        });
    }

    private static void insert(Connection c, CallMeRequest r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into dialer_click_to_talk (" + COLUMNS
                + ", request_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, r);
            ps.setString(15, r.id());
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, CallMeRequest r) throws SQLException {
        ps.setString(1, r.number());
        ps.setString(2, r.language());
        ps.setString(3, r.queue());
        ps.setString(4, r.topic());
        if (r.customerId().isPresent()) {
            ps.setLong(5, r.customerId().get());
        } else {
            ps.setNull(5, Types.BIGINT);
        }
        ps.setTimestamp(6, Timestamp.from(r.callAt()));
        ps.setTimestamp(7, Timestamp.from(r.requestedAt()));
        ps.setString(8, r.state().wireName());
        ps.setInt(9, r.attempts());
        ps.setTimestamp(10, Timestamp.from(r.nextDialAt()));
        ps.setBoolean(11, r.callOpen());
        ps.setString(12, r.uniqueId());
        ps.setString(13, r.detail().length() > DETAIL_MAX ? r.detail().substring(0, DETAIL_MAX) : r.detail());
        ps.setTimestamp(14, Timestamp.from(r.changedAt()));
    }
}
