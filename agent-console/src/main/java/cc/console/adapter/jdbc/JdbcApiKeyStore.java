package cc.console.adapter.jdbc;

import cc.console.app.ApiKeyStore;
import cc.console.domain.backoffice.ApiKey;
import cc.console.domain.backoffice.ApiScope;
import cc.core.adapter.jdbc.Database;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API keys in table {@code api_keys} (console V6). Lookups by hash run in parallel on the pool (each API request
 * makes one), not queued behind the calling event loop's other database work.
 *
 * <p>Threading: as {@link Database}.
 */
public final class JdbcApiKeyStore implements ApiKeyStore {
    private static final String SELECT = "select id, name, scopes, per_minute, created_by, created_at, revoked_at,"
            + " revoked_by from api_keys";

    private final Database db;

    public JdbcApiKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public Future<Void> create(ApiKey key, String secretHash) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into api_keys (id, name, secret_hash, scopes,"
                    + " per_minute, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, key.id());
                st.setString(2, key.name());
                st.setString(3, secretHash);
                st.setString(4, ApiScope.join(key.scopes()));
                st.setInt(5, key.perMinute());
                st.setString(6, key.createdBy());
                st.setTimestamp(7, Timestamp.from(key.createdAt()));
                st.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public Future<Optional<ApiKey>> findByHash(String secretHash) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement st = c.prepareStatement(SELECT + " where secret_hash = ?")) {
                st.setString(1, secretHash);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(key(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Future<List<ApiKey>> list() {
        return db.withConnection(c -> {
            List<ApiKey> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(SELECT + " order by created_at desc, id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(key(rs));
                }
            }
            return out;
        });
    }

    @Override
    public Future<Optional<ApiKey>> revoke(String id, String by, Instant at) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("update api_keys set revoked_at = ?, revoked_by = ?"
                    + " where id = ? and revoked_at is null")) {
                st.setTimestamp(1, Timestamp.from(at));
                st.setString(2, by);
                st.setString(3, id);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(SELECT + " where id = ?")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(key(rs)) : Optional.empty();
                }
            }
        });
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKey(rs.getString("id"), rs.getString("name"), ApiScope.split(rs.getString("scopes")),
                rs.getInt("per_minute"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                revoked == null ? Optional.empty() : Optional.of(revoked.toInstant()), rs.getString("revoked_by"));
    }
}
