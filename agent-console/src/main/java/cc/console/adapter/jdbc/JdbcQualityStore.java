package cc.console.adapter.jdbc;

import cc.console.app.QualityStore;
import cc.console.domain.quality.Criterion;
import cc.console.domain.quality.Evaluation;
import cc.console.domain.quality.EvaluationForm;
import cc.console.domain.quality.QualityAverage;
import cc.console.domain.quality.Scale;
import cc.console.domain.quality.Score;
import cc.console.domain.quality.Section;
import cc.core.adapter.jdbc.Database;
import io.vertx.core.Future;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forms in {@code quality_forms}, {@code quality_form_versions} and {@code quality_criteria}; evaluations in
 * {@code quality_evaluations} and {@code quality_answers}; calls to review read from core's {@code interactions}.
 * Threading: as {@link Database}.
 */
public final class JdbcQualityStore implements QualityStore {
    private static final String CALL = "select i.id, i.agent_id, i.queue, i.direction, i.caller_number, i.caller_name,"
            + " i.offered_at, coalesce(i.agent_answered_at, i.answered_at) as talked_at, i.ended_at, i.disposition,"
            + " (select count(*) from quality_evaluations e where e.interaction_id = i.id) as evaluations"
            + " from interactions i"
            // handled: with segments, someone talked (agent_id is then the last to talk); before segments, the call
            // was answered and agent_id is the last agent offered it
            + " where i.agent_id is not null and (i.agent_answered_at is not null"
            + " or (i.segments_kept = false and i.answered_at is not null))";
    private static final String SUMMARY = "select e.id, e.interaction_id, e.agent_id, e.queue, e.evaluator, e.form_id,"
            + " e.form_version, v.name, e.score, e.failed, e.comment, e.created_at from quality_evaluations e"
            + " join quality_form_versions v on v.form_id = e.form_id and v.version = e.form_version";

    private final Database db;

    public JdbcQualityStore(Database db) {
        this.db = db;
    }

    // ---- forms ----

    @Override
    public Future<List<EvaluationForm>> forms(boolean withRetired) {
        return db.withConnection(c -> {
            List<Head> heads = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select f.id, f.version, f.retired from quality_forms f"
                    + " join quality_form_versions v on v.form_id = f.id and v.version = f.version"
                    + (withRetired ? "" : " where f.retired = false") + " order by v.name, f.id")) {
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        heads.add(new Head(rs.getLong(1), rs.getInt(2), rs.getBoolean(3)));
                    }
                }
            }
            List<EvaluationForm> out = new ArrayList<>();
            for (Head h : heads) {
                out.add(load(c, h, h.version()).orElseThrow());
            }
            return out;
        });
    }

    @Override
    public Future<Optional<EvaluationForm>> form(long id) {
        return db.withConnection(c -> {
            Optional<Head> head = head(c, id, false);
            return head.isEmpty() ? Optional.empty() : load(c, head.get(), head.get().version());
        });
    }

    @Override
    public Future<Optional<EvaluationForm>> form(long id, int version) {
        return db.withConnection(c -> {
            Optional<Head> head = head(c, id, false);
            return head.isEmpty() ? Optional.empty() : load(c, head.get(), version);
        });
    }

    @Override
    public Future<EvaluationForm> create(EvaluationForm form, String byUser) {
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement st = c.prepareStatement("insert into quality_forms (version, retired, created_by)"
                    + " values (1, false, ?)", Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, byUser);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            EvaluationForm stored = new EvaluationForm(id, 1, form.name(), form.sections(), false);
            insertVersion(c, stored, byUser);
            return stored;
        });
    }

    @Override
    public Future<Optional<EvaluationForm>> update(long id, EvaluationForm edit, String byUser) {
        return db.inTransaction(c -> {
            // the row lock keeps an evaluation from being saved against the version while it is rewritten
            Optional<Head> head = head(c, id, true);
            if (head.isEmpty()) {
                return Optional.empty();
            }
            EvaluationForm current = load(c, head.get(), head.get().version()).orElseThrow();
            EvaluationForm revised = current.revisedBy(edit, used(c, id, current.version()));
            if (revised == current) {
                return Optional.of(current);
            }
            if (revised.version() == current.version()) {
                try (PreparedStatement st = c.prepareStatement("delete from quality_form_versions"
                        + " where form_id = ? and version = ?")) {
                    st.setLong(1, id);
                    st.setInt(2, current.version());
                    st.executeUpdate();
                }
            } else {
                try (PreparedStatement st = c.prepareStatement("update quality_forms set version = ? where id = ?")) {
                    st.setInt(1, revised.version());
                    st.setLong(2, id);
                    st.executeUpdate();
                }
            }
            insertVersion(c, revised, byUser);
            return Optional.of(revised);
        });
    }

    @Override
    public Future<Optional<EvaluationForm>> retire(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("update quality_forms set retired = true where id = ?")) {
                st.setLong(1, id);
                if (st.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            Head h = head(c, id, false).orElseThrow();
            return load(c, h, h.version());
        });
    }

    /** A form's row in {@code quality_forms}: its current version and whether it is retired. */
    private record Head(long id, int version, boolean retired) {}

    /** The form's head, its row locked for update when asked. */
    private static Optional<Head> head(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select version, retired from quality_forms where id = ?"
                + (lock ? " for update" : ""))) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Head(id, rs.getInt(1), rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    private static boolean used(Connection c, long id, int version) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select count(*) from quality_evaluations"
                + " where form_id = ? and form_version = ?")) {
            st.setLong(1, id);
            st.setInt(2, version);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static void insertVersion(Connection c, EvaluationForm f, String byUser) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into quality_form_versions (form_id, version, name,"
                + " changed_by) values (?, ?, ?, ?)")) {
            st.setLong(1, f.id());
            st.setInt(2, f.version());
            st.setString(3, f.name());
            st.setString(4, byUser);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("insert into quality_criteria (form_id, version, seq,"
                + " section_seq, section_title, criterion_id, text, weight, scale, critical)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (int s = 0; s < f.sections().size(); s++) {
                Section section = f.sections().get(s);
                for (Criterion k : section.criteria()) {
                    st.setLong(1, f.id());
                    st.setInt(2, f.version());
                    st.setInt(3, seq++);
                    st.setInt(4, s);
                    st.setString(5, section.title());
                    st.setString(6, k.id());
                    st.setString(7, k.text());
                    st.setDouble(8, k.weight());
                    st.setString(9, k.scale().code());
                    st.setBoolean(10, k.critical());
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
    }

    /** Version {@code version} of the form, retired or not as its head says. */
    private static Optional<EvaluationForm> load(Connection c, Head head, int version) throws SQLException {
        long id = head.id();
        String name;
        try (PreparedStatement st = c.prepareStatement("select name from quality_form_versions"
                + " where form_id = ? and version = ?")) {
            st.setLong(1, id);
            st.setInt(2, version);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                name = rs.getString(1);
            }
        }
        Map<Integer, String> titles = new LinkedHashMap<>();
        Map<Integer, List<Criterion>> criteria = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("select section_seq, section_title, criterion_id, text, weight,"
                + " scale, critical from quality_criteria where form_id = ? and version = ? order by seq")) {
            st.setLong(1, id);
            st.setInt(2, version);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int s = rs.getInt(1);
                    titles.put(s, rs.getString(2));
                    criteria.computeIfAbsent(s, k -> new ArrayList<>()).add(new Criterion(rs.getString(3),
                            rs.getString(4), rs.getDouble(5), Scale.of(rs.getString(6)), rs.getBoolean(7)));
                }
            }
        }
        List<Section> sections = new ArrayList<>();
        titles.forEach((s, title) -> sections.add(new Section(title, criteria.get(s))));
        return Optional.of(new EvaluationForm(id, version, name, sections, head.retired()));
    }

    // ---- calls ----

    @Override
    public Future<List<CallToReview>> calls(Optional<String> agentId, Optional<String> queue, Instant from,
                                            Instant to, int limit) {
        return db.withConnection(c -> {
            StringBuilder sql = new StringBuilder(CALL).append(" and i.offered_at >= ? and i.offered_at < ?");
            agentId.ifPresent(a -> sql.append(" and i.agent_id = ?"));
            queue.ifPresent(q -> sql.append(" and i.queue = ?"));
            sql.append(" order by i.offered_at desc, i.id desc limit ?");
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                int n = 1;
                st.setObject(n++, timestamp(from));
                st.setObject(n++, timestamp(to));
                if (agentId.isPresent()) {
                    st.setString(n++, agentId.get());
                }
                if (queue.isPresent()) {
                    st.setString(n++, queue.get());
                }
                st.setInt(n, limit);
                List<CallToReview> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(callRow(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Future<Optional<CallToReview>> call(String interactionId) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(CALL + " and i.id = ?")) {
                st.setString(1, interactionId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(callRow(rs)) : Optional.empty();
                }
            }
        });
    }

    private static CallToReview callRow(ResultSet rs) throws SQLException {
        return new CallToReview(rs.getString("id"), rs.getString("agent_id"), orEmpty(rs.getString("queue")),
                rs.getString("direction"), rs.getString("caller_number"), rs.getString("caller_name"),
                instant(rs, "offered_at").orElseThrow(), instant(rs, "talked_at"), instant(rs, "ended_at"),
                orEmpty(rs.getString("disposition")), rs.getLong("evaluations"));
    }

    // ---- evaluations ----

    @Override
    public Future<Evaluation> save(Evaluation e) {
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement st = c.prepareStatement("insert into quality_evaluations (interaction_id,"
                    + " agent_id, queue, evaluator, form_id, form_version, score, failed, failed_critical, points,"
                    + " possible, comment, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, e.interactionId());
                st.setString(2, e.agentId());
                st.setString(3, e.queue());
                st.setString(4, e.evaluator());
                st.setLong(5, e.formId());
                st.setInt(6, e.formVersion());
                st.setBigDecimal(7, BigDecimal.valueOf(e.score().percent()).setScale(2, RoundingMode.HALF_UP));
                st.setBoolean(8, e.score().failed());
                st.setString(9, String.join(",", e.score().failedCritical()));
                st.setDouble(10, e.score().points());
                st.setDouble(11, e.score().possible());
                st.setString(12, e.comment());
                st.setObject(13, timestamp(e.createdAt()));
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("insert into quality_answers (evaluation_id, criterion_id,"
                    + " answer, comment) values (?, ?, ?, ?)")) {
                for (Map.Entry<String, String> a : e.answers().entrySet()) {
                    st.setLong(1, id);
                    st.setString(2, a.getKey());
                    st.setString(3, a.getValue());
                    st.setString(4, e.comments().getOrDefault(a.getKey(), ""));
                    st.addBatch();
                }
                st.executeBatch();
            }
            return e.withId(id);
        });
    }

    @Override
    public Future<Optional<Evaluation>> evaluation(long id) {
        return db.withConnection(c -> {
            Map<String, String> answers = new LinkedHashMap<>();
            Map<String, String> comments = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("select criterion_id, answer, comment from quality_answers"
                    + " where evaluation_id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        answers.put(rs.getString(1), rs.getString(2));
                        comments.put(rs.getString(1), rs.getString(3));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("select * from quality_evaluations where id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String failedCritical = rs.getString("failed_critical");
                    Score score = new Score(rs.getBigDecimal("score").doubleValue(), rs.getBoolean("failed"),
                            failedCritical.isEmpty() ? List.of() : Arrays.asList(failedCritical.split(",")),
                            rs.getDouble("points"), rs.getDouble("possible"));
                    return Optional.of(new Evaluation(id, rs.getString("interaction_id"), rs.getString("agent_id"),
                            rs.getString("queue"), rs.getString("evaluator"), rs.getLong("form_id"),
                            rs.getInt("form_version"), answers, comments, rs.getString("comment"), score,
                            instant(rs, "created_at").orElseThrow()));
                }
            }
        });
    }

    @Override
    public Future<List<EvaluationSummary>> evaluations(EvaluationQuery q) {
        return db.withConnection(c -> {
            StringBuilder sql = new StringBuilder(SUMMARY).append(" where e.created_at >= ? and e.created_at < ?");
            q.agentId().ifPresent(a -> sql.append(" and e.agent_id = ?"));
            q.interactionId().ifPresent(a -> sql.append(" and e.interaction_id = ?"));
            sql.append(" order by e.created_at desc, e.id desc limit ?");
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                int n = 1;
                st.setObject(n++, timestamp(q.from()));
                st.setObject(n++, timestamp(q.to()));
                if (q.agentId().isPresent()) {
                    st.setString(n++, q.agentId().get());
                }
                if (q.interactionId().isPresent()) {
                    st.setString(n++, q.interactionId().get());
                }
                st.setInt(n, q.limit());
                List<EvaluationSummary> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EvaluationSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getLong(6), rs.getInt(7), rs.getString(8),
                                rs.getBigDecimal(9).doubleValue(), rs.getBoolean(10), rs.getString(11),
                                instant(rs, "created_at").orElseThrow()));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Future<List<QualityAverage>> averagesByAgent(Instant from, Instant to) {
        return averages("agent_id", from, to);
    }

    @Override
    public Future<List<QualityAverage>> averagesByQueue(Instant from, Instant to) {
        return averages("queue", from, to);
    }

    /** {@code column} is one of two constants above, never a caller's text. */
    private Future<List<QualityAverage>> averages(String column, Instant from, Instant to) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("select " + column + ", count(*), avg(score),"
                    + " sum(case when failed then 1 else 0 end) from quality_evaluations"
                    + " where created_at >= ? and created_at < ? group by " + column + " order by " + column)) {
                st.setObject(1, timestamp(from));
                st.setObject(2, timestamp(to));
                List<QualityAverage> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        double avg = rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP).doubleValue();
                        out.add(new QualityAverage(rs.getString(1), rs.getLong(2), avg, rs.getLong(4)));
                    }
                }
                return out;
            }
        });
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
