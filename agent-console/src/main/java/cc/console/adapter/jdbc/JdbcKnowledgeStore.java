package cc.console.adapter.jdbc;

import cc.console.app.KnowledgeStore;
import cc.core.adapter.jdbc.Database;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles in {@code kb_articles}; solved calls read (never written) from core's {@code interactions} joined with
 * {@code console_dispositions}. Threading: as {@link Database}.
 */
public final class JdbcKnowledgeStore implements KnowledgeStore {
    private final Database db;

    public JdbcKnowledgeStore(Database db) {
        this.db = db;
    }

    @Override
    public Future<List<Article>> articles() {
        return db.withConnection(c -> {
            List<Article> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "select id, title, body, topics, language, published from kb_articles order by id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Article(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6)));
                }
            }
            return out;
        });
    }

    @Override
    public Future<Article> save(Article a) {
        return db.withConnection(c -> {
            if (a.id() == 0) {
                try (PreparedStatement st = c.prepareStatement("insert into kb_articles (title, body, topics, language,"
                        + " published) values (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    st.setString(1, a.title());
                    st.setString(2, a.body());
                    st.setString(3, a.topics());
                    st.setString(4, a.language());
                    st.setBoolean(5, a.published());
                    st.executeUpdate();
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        return new Article(keys.getLong(1), a.title(), a.body(), a.topics(), a.language(),
                                a.published());
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("update kb_articles set title = ?, body = ?, topics = ?,"
                    + " language = ?, published = ?, updated_at = current_timestamp where id = ?")) {
                st.setString(1, a.title());
                st.setString(2, a.body());
                st.setString(3, a.topics());
                st.setString(4, a.language());
                st.setBoolean(5, a.published());
                st.setLong(6, a.id());
                if (st.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no article " + a.id());
                }
                return a;
            }
        });
    }

    @Override
    public Future<Boolean> delete(long id) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("delete from kb_articles where id = ?")) {
                st.setLong(1, id);
                return st.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Future<List<SolvedCall>> solvedCalls(int limit) {
        return db.withConnection(c -> {
            List<SolvedCall> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select i.id, i.disposition, i.queue, i.notes"
                    + " from interactions i join console_dispositions d on d.code = i.disposition"
                    + " where d.solved and i.notes <> '' order by i.offered_at desc limit ?")) {
                st.setInt(1, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SolvedCall(rs.getString(1), rs.getString(2),
                                rs.getString(3) == null ? "" : rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }
}
