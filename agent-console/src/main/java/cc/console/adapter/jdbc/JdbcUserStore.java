package cc.console.adapter.jdbc;

import cc.console.app.UserStore;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.core.adapter.jdbc.Database;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users in table {@code console_users}. Threading: as {@link Database}. */
public final class JdbcUserStore implements UserStore {
    private static final String SELECT = "select username, display_name, role, agent_id, language, phone,"
            + " password_hash, active from console_users";

    private final Database db;

    public JdbcUserStore(Database db) {
        this.db = db;
    }

    @Override
    public Future<Optional<UserAccount>> find(String username) {
        return db.withConnection(c -> first(c, SELECT + " where username = ?", username));
    }

    @Override
    public Future<Optional<UserAccount>> findByAgent(String agentId) {
        return db.withConnection(c -> first(c, SELECT + " where agent_id = ?", agentId));
    }

    @Override
    public Future<List<UserAccount>> list() {
        return db.withConnection(c -> all(c, SELECT + " order by username"));
    }

    @Override
    public Future<Boolean> anyAdmin() {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select count(*) from console_users where role = 'admin' and active")) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        });
    }

    @Override
    public Future<Void> save(UserAccount a) {
        Principal p = a.principal();
        return db.inTransaction(c -> {
            int n;
            try (PreparedStatement up = c.prepareStatement("update console_users set display_name = ?, role = ?,"
                    + " agent_id = ?, language = ?, phone = ?, password_hash = ?, active = ? where username = ?")) {
                bind(up, a);
                n = up.executeUpdate();
            }
            if (n == 0) {
                try (PreparedStatement ins = c.prepareStatement("insert into console_users (display_name, role,"
                        + " agent_id, language, phone, password_hash, active, username) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(ins, a);
                    ins.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement st, UserAccount a) throws SQLException {
        Principal p = a.principal();
        st.setString(1, p.name());
        st.setString(2, p.role().code());
        st.setString(3, p.agentId().isEmpty() ? null : p.agentId());
        st.setString(4, p.language());
        st.setString(5, p.phone());
        st.setString(6, a.passwordHash());
        st.setBoolean(7, a.active());
        st.setString(8, p.username());
    }

    private static Optional<UserAccount> first(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static List<UserAccount> all(Connection c, String sql) throws SQLException {
        List<UserAccount> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static UserAccount row(ResultSet rs) throws SQLException {
        return new UserAccount(new Principal(rs.getString("username"), rs.getString("display_name"),
                Role.of(rs.getString("role")), rs.getString("agent_id"), rs.getString("language"),
                rs.getString("phone")), rs.getString("password_hash"), rs.getBoolean("active"));
    }
}
