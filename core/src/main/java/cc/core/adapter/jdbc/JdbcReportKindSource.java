package cc.core.adapter.jdbc;

import cc.core.app.report.ReportKindSource;
import cc.core.domain.report.CampaignFigures;
import cc.core.domain.report.CampaignTerms;
import cc.core.domain.report.QualityBy;
import cc.core.domain.report.QualityFigures;
import cc.core.domain.report.Slice;
import cc.core.domain.report.SliceGrain;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the campaign and quality reports' facts as one aggregate query each over an indexed range, added up per
 * subject and slice by the database: the dialer's {@code dialer_attempts} (by placed_at, dialer V5's index),
 * {@code dialer_audit}'s decisions not to dial (by event and time, dialer V5) and the wrap-up segments of the
 * connected calls (by start, core V11); survey answers from {@code interactions} (by offered_at, core V11's index,
 * which the query reads alone) and the console's {@code quality_evaluations} (by created_at). The dialer's and the
 * console's tables are in the same database as the interactions, as the ACD's agent state spells are for
 * {@link JdbcReportSource}. Bound parameters only; the same SQL on PostgreSQL and on H2 but for the local date.
 *
 * <p>Threading: as {@link Database}; the queries of one report run in parallel on pooled connections.
 */
public final class JdbcReportKindSource implements ReportKindSource {
    private static final String REASON = "case when position(':' in detail) > 0"
            + " then substring(detail from 1 for position(':' in detail) - 1) else detail end";

    private final Database db;

    public JdbcReportKindSource(Database db) {
        this.db = db;
    }

    /**
     * The slice of a timestamp column: quarter hours since the epoch, or the local date in the bound zone. H2 casts
     * a zoned timestamp to a date in the session's zone whatever zone the value is in, so there the date is
     * formatted in the zone instead.
     */
    private String slice(String column, SliceGrain grain) {
        if (grain == SliceGrain.QUARTER_HOUR) {
            return "floor(extract(epoch from " + column + ") / 900)";
        }
        return db.isPostgres() ? "cast(" + column + " at time zone ? as date)"
                : "cast(formatdatetime(" + column + ", 'yyyy-MM-dd', 'en', ?) as date)";
    }

    /** Binds the zone when the slice needs it; returns the next parameter index. */
    private static int bindZone(PreparedStatement st, int n, SliceGrain grain, ZoneId zone) throws SQLException {
        if (grain == SliceGrain.DAY) {
            st.setString(n++, zone.getId());
        }
        return n;
    }

    private static Instant start(ResultSet rs, int column, SliceGrain grain, ZoneId zone) throws SQLException {
        if (grain == SliceGrain.QUARTER_HOUR) {
            return Instant.ofEpochSecond(rs.getLong(column) * 900);
        }
        return rs.getObject(column, LocalDate.class).atStartOfDay(zone).toInstant();
    }

    private static int bindRange(PreparedStatement st, int n, Instant from, Instant to, Optional<String> subject)
            throws SQLException {
        st.setObject(n++, JdbcInteractionStore.timestamp(from));
        st.setObject(n++, JdbcInteractionStore.timestamp(to));
        if (subject.isPresent()) {
            st.setString(n++, subject.get());
        }
        return n;
    }

    @Override
    public Future<List<Slice<CampaignFigures>>> campaigns(Instant from, Instant to, SliceGrain grain, ZoneId zone,
                                                          Optional<String> campaign) {
        String one = campaign.isPresent() ? " and campaign_id = ?" : "";
        String attempts = "select campaign_id, s, count(*),"
                + " sum(case when outcome = 'CONNECTED' then 1 else 0 end),"
                + " sum(case when outcome = 'ABANDONED' then 1 else 0 end),"
                + " sum(case when outcome = 'MACHINE' then 1 else 0 end),"
                + " sum(case when outcome = 'MACHINE' and amd_false_positive then 1 else 0 end),"
                + " sum(case when outcome = 'NO_ANSWER' then 1 else 0 end),"
                + " sum(case when outcome = 'BUSY' then 1 else 0 end),"
                + " sum(case when outcome = 'FAILED' then 1 else 0 end),"
                + " sum(case when converted and outcome is not null then 1 else 0 end),"
                + " sum(case when outcome = 'CONNECTED' then talk_seconds else 0 end),"
                // started minutes from answer to hang-up, as the dialer bills them
                + " sum(case when outcome is not null and answered_at is not null and ended_at is not null"
                + " then ceiling((extract(epoch from ended_at) - extract(epoch from answered_at)) / 60) else 0 end)"
                + " from (select campaign_id, " + slice("placed_at", grain) + " as s, outcome, amd_false_positive,"
                + " converted, talk_seconds, answered_at, ended_at from dialer_attempts"
                + " where placed_at >= ? and placed_at < ?" + one + ") a group by campaign_id, s";
        // the wrap-ups starting from the range's start to a day after its end (core V11's index), joined to the
        // range's connected attempts: a call and its wrap-up never last a day
        String wrapUps = "select campaign_id, s, sum(extract(epoch from w_end) - extract(epoch from w_start))"
                + " from (select a.campaign_id, " + slice("a.placed_at", grain) + " as s,"
                + " w.started_at as w_start, w.ended_at as w_end from dialer_attempts a"
                + " join interaction_segments w on w.interaction_id = a.interaction_id"
                + " where a.placed_at >= ? and a.placed_at < ?" + one.replace("campaign_id", "a.campaign_id")
                + " and a.outcome = 'CONNECTED' and w.kind = 'wrap-up' and w.started_at >= ?"
                + " and w.started_at < ? and w.ended_at is not null) x group by campaign_id, s";
        String skips = "select campaign_id, s, event, reason, count(*) from (select campaign_id, "
                + slice("at", grain) + " as s, event, " + REASON + " as reason from dialer_audit"
                + " where event in ('SKIPPED', 'REFUSED') and at >= ? and at < ?" + one + ") d"
                + " group by campaign_id, s, event, reason";
        Future<List<Slice<CampaignFigures>>> counted = db.withConnectionInParallel(c -> read(c, attempts, from, to,
                grain, zone, campaign, rs -> new CampaignFigures(rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                        seconds(rs.getDouble(12)), Duration.ZERO, rs.getLong(13), Map.of())));
        Future<List<Slice<CampaignFigures>>> wrapped = db.withConnectionInParallel(c -> read(c, wrapUps, from, to,
                grain, zone, campaign, List.of(from, to.plus(Duration.ofDays(1))),
                rs -> new CampaignFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, seconds(rs.getDouble(3)), 0,
                        Map.of())));
        Future<List<Slice<CampaignFigures>>> skipped = db.withConnectionInParallel(c -> read(c, skips, from, to,
                grain, zone, campaign, rs -> new CampaignFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO,
                        Duration.ZERO, 0, Map.of(skipReason(rs.getString(3), rs.getString(4)), rs.getLong(5)))));
        return Future.all(counted, wrapped, skipped).map(all -> {
            List<Slice<CampaignFigures>> out = new ArrayList<>(counted.result());
            out.addAll(wrapped.result());
            out.addAll(skipped.result());
            return out;
        });
    }

    /**
     * The reason a decision not to dial is counted under: the code a {@code SKIPPED} row's detail starts with
     * ({@code do-not-call: ...}), {@code refused} for numbers the dial permissions refused, {@code agent} for
     * preview records an agent skipped, {@code other} for anything else, so the columns stay few.
     */
    static String skipReason(String event, String prefix) {
        if ("REFUSED".equals(event)) {
            return "refused";
        }
        String p = prefix.trim();
        if (p.startsWith("skipped by agent")) {
            return "agent";
        }
        return p.isEmpty() || p.contains(" ") ? "other" : p;
    }

    @Override
    public Future<List<CampaignTerms>> campaignTerms() {
        String sql = "select id, name, currency, cost_per_dial, cost_per_minute, revenue_per_conversion"
                + " from dialer_campaigns";
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
                List<CampaignTerms> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new CampaignTerms(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)));
                }
                return out;
            }
        });
    }

    @Override
    public Future<List<Slice<QualityFigures>>> quality(Instant from, Instant to, SliceGrain grain, ZoneId zone,
                                                       QualityBy by, Optional<String> subject) {
        String column = by == QualityBy.QUEUE ? "queue" : "agent_id";
        String one = subject.isPresent() ? " and " + column + " = ?" : "";
        // core V11's index (offered_at, satisfaction, queue, agent_id) holds every column read: an index-only scan
        String surveys = "select subject, s, count(*), sum(satisfaction) from (select " + column + " as subject, "
                + slice("offered_at", grain) + " as s, satisfaction from interactions"
                + " where offered_at >= ? and offered_at < ?" + one + " and satisfaction is not null"
                + " and " + column + " is not null and " + column + " <> '') x group by subject, s";
        String evaluations = "select subject, s, count(*), sum(score), sum(case when failed then 1 else 0 end)"
                + " from (select " + column + " as subject, " + slice("created_at", grain) + " as s, score, failed"
                + " from quality_evaluations where created_at >= ? and created_at < ?" + one
                + " and " + column + " <> '') x group by subject, s";
        Future<List<Slice<QualityFigures>>> answered = db.withConnectionInParallel(c -> read(c, surveys, from, to,
                grain, zone, subject, rs -> QualityFigures.surveys(rs.getLong(3), rs.getLong(4))));
        Future<List<Slice<QualityFigures>>> evaluated = db.withConnectionInParallel(c -> read(c, evaluations, from,
                to, grain, zone, subject, rs -> QualityFigures.evaluations(rs.getLong(3), rs.getDouble(4),
                        rs.getLong(5))));
        return Future.all(answered, evaluated).map(all -> {
            List<Slice<QualityFigures>> out = new ArrayList<>(answered.result());
            out.addAll(evaluated.result());
            return out;
        });
    }

    private interface RowFigures<F> {
        F read(ResultSet rs) throws SQLException;
    }

    /** Runs one aggregate whose first two columns are the subject and the slice. */
    private static <F> List<Slice<F>> read(Connection c, String sql, Instant from, Instant to, SliceGrain grain,
                                           ZoneId zone, Optional<String> subject, RowFigures<F> figures)
            throws SQLException {
        return read(c, sql, from, to, grain, zone, subject, List.of(), figures);
    }

    /** The same, with more timestamps bound after the range and subject. */
    private static <F> List<Slice<F>> read(Connection c, String sql, Instant from, Instant to, SliceGrain grain,
                                           ZoneId zone, Optional<String> subject, List<Instant> more,
                                           RowFigures<F> figures) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int n = bindZone(st, 1, grain, zone);
            n = bindRange(st, n, from, to, subject);
            for (Instant at : more) {
                st.setObject(n++, JdbcInteractionStore.timestamp(at));
            }
            List<Slice<F>> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Slice<>(rs.getString(1), start(rs, 2, grain, zone), figures.read(rs)));
                }
            }
            return out;
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
