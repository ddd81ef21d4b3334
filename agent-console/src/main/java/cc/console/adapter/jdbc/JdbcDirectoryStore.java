package cc.console.adapter.jdbc;

import cc.console.app.DirectoryStore;
import cc.core.adapter.jdbc.Database;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Queues, skills, question scripts and disposition codes in the {@code console_*} tables. Threading: as {@link Database}. */
public final class JdbcDirectoryStore implements DirectoryStore {
    private final Database db;

    public JdbcDirectoryStore(Database db) {
        this.db = db;
    }

    @Override
    public Future<List<Queue>> queues() {
        return db.withConnection(c -> {
            List<Queue> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select name, display_name, service_level_seconds,"
                    + " question_script from console_queues order by name"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Queue(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    @Override
    public Future<Void> saveQueue(Queue q) {
        return db.inTransaction(c -> {
            if (update(c, "update console_queues set display_name = ?, service_level_seconds = ?, question_script = ?"
                    + " where name = ?", q.displayName(), q.serviceLevelSeconds(), q.questionScript(), q.name()) == 0) {
                update(c, "insert into console_queues (display_name, service_level_seconds, question_script, name)"
                        + " values (?, ?, ?, ?)", q.displayName(), q.serviceLevelSeconds(), q.questionScript(), q.name());
            }
            return null;
        });
    }

    @Override
    public Future<List<Skill>> skills() {
        return db.withConnection(c -> {
            List<Skill> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select name, description from console_skills order by name");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Skill(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        });
    }

    @Override
    public Future<Void> saveSkill(Skill s) {
        return db.inTransaction(c -> {
            if (update(c, "update console_skills set description = ? where name = ?", s.description(), s.name()) == 0) {
                update(c, "insert into console_skills (description, name) values (?, ?)", s.description(), s.name());
            }
            return null;
        });
    }

    @Override
    public Future<java.util.Map<String, Integer>> userSkills(String username) {
        return db.withConnection(c -> {
            java.util.Map<String, Integer> out = new java.util.TreeMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "select skill, level from console_user_skills where username = ? order by skill")) {
                st.setString(1, username);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Future<Void> setUserSkills(String username, java.util.Map<String, Integer> skills) {
        for (var e : skills.entrySet()) {
            if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 10) {
                return Future.failedFuture(new IllegalArgumentException("skill " + e.getKey() + " level must be 1..10"));
            }
        }
        return db.inTransaction(c -> {
            for (String skill : skills.keySet()) {
                try (PreparedStatement st = c.prepareStatement("select 1 from console_skills where name = ?")) {
                    st.setString(1, skill);
                    try (ResultSet rs = st.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalArgumentException("no skill " + skill + "; create it first");
                        }
                    }
                }
            }
            update(c, "delete from console_user_skills where username = ?", username);
            for (var e : skills.entrySet()) {
                update(c, "insert into console_user_skills (username, skill, level) values (?, ?, ?)",
                        username, e.getKey(), e.getValue());
            }
            return null;
        });
    }

    @Override
    public Future<List<Disposition>> dispositions() {
        return db.withConnection(c -> {
            List<Disposition> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "select code, label_en, label_fa, solved from console_dispositions order by code");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Disposition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
            return out;
        });
    }

    @Override
    public Future<Optional<String>> questionScript(String queue, String campaignId) {
        return db.withConnection(c -> {
            if (campaignId != null && !campaignId.isEmpty()) {
                Optional<String> s = one(c, "select question_script from console_campaign_scripts where campaign_id = ?",
                        campaignId);
                if (s.isPresent()) {
                    return s;
                }
            }
            return one(c, "select question_script from console_queues where name = ?", queue == null ? "" : queue);
        });
    }

    @Override
    public Future<Void> saveCampaignScript(String campaignId, String script) {
        return db.inTransaction(c -> {
            if (update(c, "update console_campaign_scripts set question_script = ? where campaign_id = ?",
                    script, campaignId) == 0) {
                update(c, "insert into console_campaign_scripts (question_script, campaign_id) values (?, ?)",
                        script, campaignId);
            }
            return null;
        });
    }

    private static Optional<String> one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && !rs.getString(1).isBlank() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        }
    }
}
