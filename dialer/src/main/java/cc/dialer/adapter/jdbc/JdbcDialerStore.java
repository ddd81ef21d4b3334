package cc.dialer.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcOutbox;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.ContactListIndex;
import cc.dialer.app.AttemptState;
import cc.dialer.app.DialerStore;
import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.list.Contact;
import cc.dialer.domain.list.ContactProgress;
import cc.dialer.domain.report.AgentTime;
import cc.dialer.domain.report.AttemptRecord;
import cc.dialer.domain.segment.SegmentListBuilder;
import cc.dialer.domain.segment.SegmentQuery;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@link DialerStore} in the dialer's tables ({@code db/migration/dialer/V2__campaigns_lists_attempts.sql}) and, for
 * segments, core's customer tables. Runs on PostgreSQL and the embedded H2 alike; every value is a bound parameter,
 * including those of segment conditions (the SQL around them comes only from validated {@link SegmentQuery} filters).
 * An attempt's save writes its {@code campaign.attempt} event to the outbox in the same transaction once its outcome
 * is decided ({@link AttemptEvents}).
 */
public final class JdbcDialerStore implements DialerStore {
    private static final Instant NEVER = Instant.EPOCH;
    private final Database db;
    private final ZoneId defaultZone;

    /** {@code defaultZone} stands for customers without a time zone in segment conditions on {@code timeZone}. */
    public JdbcDialerStore(Database db, ZoneId defaultZone) {
        this.db = Objects.requireNonNull(db, "db");
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    }

    private static final String CAMPAIGN_COLUMNS = "id, name, list_ids, mode, first_day, last_day, opens, closes, "
            + "days_off, holidays, retry_delays, max_attempts, currency, cost_per_dial, cost_per_minute, "
            + "revenue_per_conversion, regulator, max_lines, queue, machine_action, recording, status, changed_at, changed_by";

    @Override
    public Future<List<StoredCampaign>> campaigns() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + CAMPAIGN_COLUMNS
                    + " from dialer_campaigns order by id")) {
                return readCampaigns(ps);
            }
        });
    }

    @Override
    public Future<Optional<StoredCampaign>> campaign(String id) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + CAMPAIGN_COLUMNS
                    + " from dialer_campaigns where id = ?")) {
                ps.setString(1, id);
                return readCampaigns(ps).stream().findFirst();
            }
        });
    }

    private static List<StoredCampaign> readCampaigns(PreparedStatement ps) throws SQLException {
        List<StoredCampaign> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Duration> delays = new LinkedHashMap<>();
                for (String pair : split(rs.getString("retry_delays"))) {
                    int eq = pair.indexOf('=');
                    delays.put(pair.substring(0, eq), Duration.parse(pair.substring(eq + 1)));
                }
                CampaignDefinition d = new CampaignDefinition(rs.getString("id"), rs.getString("name"),
                        split(rs.getString("list_ids")), rs.getString("mode"),
                        rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                        rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class),
                        split(rs.getString("days_off")).stream().map(DayOfWeek::valueOf).collect(Collectors.toSet()),
                        split(rs.getString("holidays")).stream().map(LocalDate::parse).collect(Collectors.toSet()),
                        delays, rs.getInt("max_attempts"), rs.getString("currency"),
                        amount(rs, "cost_per_dial"), amount(rs, "cost_per_minute"),
                        amount(rs, "revenue_per_conversion"), rs.getString("regulator"),
                        rs.getInt("max_lines"), rs.getString("queue"), rs.getString("machine_action"),
                        rs.getString("recording"));
                out.add(new StoredCampaign(d, rs.getString("status"), instant(rs, "changed_at"),
                        rs.getString("changed_by")));
            }
        }
        return out;
    }

    @Override
    public Future<Void> saveCampaign(StoredCampaign s) {
        CampaignDefinition d = s.definition();
        return db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("delete from dialer_campaigns where id = ?")) {
                del.setString(1, d.id());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into dialer_campaigns (" + CAMPAIGN_COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                ps.setString(i++, d.id());
                ps.setString(i++, d.name());
                ps.setString(i++, String.join(",", d.listIds()));
                ps.setString(i++, d.mode());
                ps.setObject(i++, d.firstDay());
                ps.setObject(i++, d.lastDay());
                ps.setObject(i++, d.opens());
                ps.setObject(i++, d.closes());
                ps.setString(i++, new TreeSet<>(d.daysOff()).stream().map(DayOfWeek::name)
                        .collect(Collectors.joining(",")));
                ps.setString(i++, new TreeSet<>(d.holidays()).stream().map(LocalDate::toString)
                        .collect(Collectors.joining(",")));
                ps.setString(i++, d.retryDelays().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
                ps.setInt(i++, d.maxAttempts());
                ps.setString(i++, d.currency());
                ps.setBigDecimal(i++, d.costPerDial());
                ps.setBigDecimal(i++, d.costPerMinute());
                ps.setBigDecimal(i++, d.revenuePerConversion());
                ps.setString(i++, d.regulator());
                ps.setInt(i++, d.maxLines());
                ps.setString(i++, d.queue());
                ps.setString(i++, d.machineAction());
                ps.setString(i++, d.recording());
                ps.setString(i++, s.status());
                ps.setObject(i++, timestamp(s.changedAt()));
                ps.setString(i, s.changedBy());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<Void> setStatus(String campaignId, String status, Instant at, String byUser) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update dialer_campaigns set status = ?, changed_at = ?, changed_by = ? where id = ?")) {
                ps.setString(1, status);
                ps.setObject(2, timestamp(at));
                ps.setString(3, byUser);
                ps.setString(4, campaignId);
                ps.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public Future<Void> saveList(ListHeader h, List<Contact> contacts) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into dialer_lists (id, name, source, contacts, "
                    + "created_at, created_by) values (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, h.listId());
                ps.setString(2, h.name());
                ps.setString(3, h.source());
                ps.setInt(4, contacts.size());
                ps.setObject(5, timestamp(h.createdAt()));
                ps.setString(6, h.createdBy());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into dialer_list_contacts (list_id, contact_id, "
                    + "phone, name, time_zone, score, customer_id) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (Contact k : contacts) {
                    ps.setString(1, h.listId());
                    ps.setString(2, k.id());
                    ps.setString(3, k.phone());
                    ps.setString(4, k.name());
                    ps.setString(5, k.zone().getId());
                    ps.setDouble(6, k.score());
                    if (k.customerId().isPresent()) {
                        ps.setLong(7, k.customerId().get());
                    } else {
                        ps.setNull(7, Types.BIGINT);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Future<List<ContactListIndex.Entry>> lists() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id, name, source, contacts, created_at, created_by"
                    + " from dialer_lists order by created_at desc, id");
                 ResultSet rs = ps.executeQuery()) {
                List<ContactListIndex.Entry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ContactListIndex.Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4), instant(rs, "created_at"), rs.getString(6)));
                }
                return out;
            }
        });
    }

    @Override
    public Future<List<Contact>> contacts(List<String> listIds) {
        if (listIds.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select list_id, contact_id, phone, name, time_zone, score,"
                    + " customer_id from dialer_list_contacts where list_id in (" + placeholders(listIds.size())
                    + ") order by list_id, contact_id")) {
                for (int i = 0; i < listIds.size(); i++) {
                    ps.setString(i + 1, listIds.get(i));
                }
                List<Contact> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long customer = rs.getLong("customer_id");
                        Optional<Long> customerId = rs.wasNull() ? Optional.empty() : Optional.of(customer);
                        String zone = rs.getString("time_zone");
                        Optional<ZoneId> known = zoneOf(zone);
                        // a contact with an unknown zone is kept, to be skipped and audited; it must not stop the
                        // campaign from loading
                        out.add(known.isPresent()
                                ? new Contact(rs.getString("contact_id"), rs.getString("list_id"),
                                        rs.getString("phone"), rs.getString("name"), known.get(),
                                        rs.getDouble("score"), customerId)
                                : Contact.withUnknownZone(rs.getString("contact_id"), rs.getString("list_id"),
                                        rs.getString("phone"), rs.getString("name"), zone, rs.getDouble("score"),
                                        customerId));
                    }
                }
                return out;
            }
        });
    }

    private static Optional<ZoneId> zoneOf(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(ZoneId.of(id));
        } catch (java.time.DateTimeException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public Future<List<SegmentListBuilder.CustomerRow>> segment(SegmentQuery query, Instant now) {
        StringBuilder sql = new StringBuilder("select c.id, c.name, c.time_zone, os.score, p.number from customers c"
                + " left join customer_scores os on os.customer_id = c.id and os.name = ?"
                + " left join customer_phones p on p.customer_id = c.id where 1 = 1");
        List<Object> params = new ArrayList<>();
        params.add(query.orderScore());
        for (SegmentQuery.Filter f : query.filters()) {
            sql.append(" and ");
            if (f instanceof SegmentQuery.TextFilter) {
                SegmentQuery.TextFilter t = (SegmentQuery.TextFilter) f;
                String column;
                switch (t.field()) {
                    case SEGMENT:
                        column = "c.segment";
                        break;
                    case LANGUAGE:
                        column = "c.language";
                        break;
                    default:
                        column = "coalesce(c.time_zone, ?)";
                        params.add(defaultZone.getId());
                }
                compare(sql, params, column, t.operator(), new ArrayList<>(t.values()));
            } else if (f instanceof SegmentQuery.ScoreFilter) {
                SegmentQuery.ScoreFilter s = (SegmentQuery.ScoreFilter) f;
                sql.append("exists (select 1 from customer_scores s where s.customer_id = c.id and s.name = ? and ");
                params.add(s.name());
                compare(sql, params, "s.score", s.operator(), new ArrayList<>(s.values()));
                sql.append(')');
            } else {
                SegmentQuery.LastContactFilter l = (SegmentQuery.LastContactFilter) f;
                // whole days since the last contact d compared with n: d > n is last <= now-(n+1)d, and so on
                String last = "coalesce((select max(i.offered_at) from interactions i where i.customer_id = c.id), ?)";
                params.add(timestamp(NEVER));
                long days;
                String op;
                switch (l.operator()) {
                    case GT:
                        days = l.days() + 1L;
                        op = " <= ?";
                        break;
                    case GE:
                        days = l.days();
                        op = " <= ?";
                        break;
                    case LT:
                        days = l.days();
                        op = " > ?";
                        break;
                    default:
                        days = l.days() + 1L;
                        op = " > ?";
                }
                sql.append(last).append(op);
                params.add(timestamp(now.minus(Duration.ofDays(days))));
            }
        }
        sql.append(" order by case when os.score is null then 1 else 0 end, os.score desc, c.id, p.seq");
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                Map<Long, SegmentListBuilder.CustomerRow> rows = new LinkedHashMap<>();
                Map<Long, List<String>> phones = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (!rows.containsKey(id)) {
                            double score = rs.getDouble(4);
                            phones.put(id, new ArrayList<>());
                            rows.put(id, new SegmentListBuilder.CustomerRow(id, rs.getString(2),
                                    Optional.ofNullable(rs.getString(3)), score, List.of()));
                        }
                        String number = rs.getString(5);
                        if (number != null) {
                            phones.get(id).add(number);
                        }
                    }
                }
                List<SegmentListBuilder.CustomerRow> out = new ArrayList<>();
                for (SegmentListBuilder.CustomerRow r : rows.values()) {
                    out.add(new SegmentListBuilder.CustomerRow(r.customerId(), r.name(), r.timeZone(), r.score(),
                            phones.get(r.customerId())));
                }
                return out;
            }
        });
    }

    private static void compare(StringBuilder sql, List<Object> params, String column, SegmentQuery.Operator op,
                                List<Object> values) {
        if (op == SegmentQuery.Operator.IN) {
            sql.append(column).append(" in (").append(placeholders(values.size())).append(')');
            params.addAll(values);
            return;
        }
        String symbol;
        switch (op) {
            case EQ:
                symbol = " = ?";
                break;
            case NE:
                symbol = " <> ?";
                break;
            case LT:
                symbol = " < ?";
                break;
            case LE:
                symbol = " <= ?";
                break;
            case GT:
                symbol = " > ?";
                break;
            default:
                symbol = " >= ?";
        }
        sql.append(column).append(symbol);
        params.add(values.get(0));
    }

    @Override
    public Future<Map<String, ContactProgress>> progress(String campaignId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select contact_id, attempts, last_outcome, retry_at, "
                    + "callback_at, finished from dialer_contact_progress where campaign_id = ?")) {
                ps.setString(1, campaignId);
                Map<String, ContactProgress> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String outcome = rs.getString("last_outcome");
                        out.put(rs.getString("contact_id"), new ContactProgress(rs.getString("contact_id"),
                                rs.getInt("attempts"), Optional.ofNullable(outcome).map(AttemptOutcome::valueOf),
                                optionalInstant(rs, "retry_at"), optionalInstant(rs, "callback_at"),
                                rs.getBoolean("finished")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Future<List<LastAudit>> lastAudits(String campaignId) {
        return db.withConnection(c -> {
            // ids grow in the order rows were written (identity column), so the highest is the latest
            try (PreparedStatement ps = c.prepareStatement("select contact_id, event, detail, at from dialer_audit"
                    + " where id in (select max(id) from dialer_audit where campaign_id = ? group by contact_id)")) {
                ps.setString(1, campaignId);
                List<LastAudit> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LastAudit(rs.getString("contact_id"), rs.getString("event"),
                                rs.getString("detail"), instant(rs, "at")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Future<Void> saveProgress(String campaignId, ContactProgress p) {
        return db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "delete from dialer_contact_progress where campaign_id = ? and contact_id = ?")) {
                del.setString(1, campaignId);
                del.setString(2, p.contactId());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into dialer_contact_progress (campaign_id, "
                    + "contact_id, attempts, last_outcome, retry_at, callback_at, finished) values (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, campaignId);
                ps.setString(2, p.contactId());
                ps.setInt(3, p.attempts());
                ps.setString(4, p.lastOutcome().map(Enum::name).orElse(null));
                ps.setObject(5, p.retryAt().map(JdbcDialerStore::timestamp).orElse(null));
                ps.setObject(6, p.callbackAt().map(JdbcDialerStore::timestamp).orElse(null));
                ps.setBoolean(7, p.finished());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<Void> saveAttempt(AttemptState a) {
        return db.inTransaction(c -> {
            boolean converted = false;
            String storedOutcome = null;
            String storedInteraction = null;
            // locked: two saves of one attempt tell its outcome once
            try (PreparedStatement q = c.prepareStatement("select converted, outcome, interaction_id"
                    + " from dialer_attempts where campaign_id = ? and attempt_id = ? for update")) {
                q.setString(1, a.campaignId());
                q.setLong(2, a.attemptId());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        converted = rs.getBoolean(1);
                        storedOutcome = rs.getString(2);
                        storedInteraction = rs.getString(3);
                    }
                }
            }
            JdbcOutbox.append(c, AttemptEvents.saved(storedOutcome, storedInteraction, a));
            try (PreparedStatement del = c.prepareStatement(
                    "delete from dialer_attempts where campaign_id = ? and attempt_id = ?")) {
                del.setString(1, a.campaignId());
                del.setLong(2, a.attemptId());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into dialer_attempts (campaign_id, attempt_id, "
                    + "contact_id, number, placed_at, answered_at, connected_at, ended_at, outcome, agent_id, "
                    + "interaction_id, talk_seconds, amd_false_positive, converted) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, a.campaignId());
                ps.setLong(2, a.attemptId());
                ps.setString(3, a.contactId());
                ps.setString(4, a.number());
                ps.setObject(5, timestamp(a.placedAt()));
                ps.setObject(6, a.answeredAt().map(JdbcDialerStore::timestamp).orElse(null));
                ps.setObject(7, a.connectedAt().map(JdbcDialerStore::timestamp).orElse(null));
                ps.setObject(8, a.endedAt().map(JdbcDialerStore::timestamp).orElse(null));
                ps.setString(9, a.outcome().map(Enum::name).orElse(null));
                ps.setString(10, a.agentId().orElse(null));
                ps.setString(11, a.interactionId().orElse(null));
                ps.setDouble(12, a.talkSeconds());
                ps.setBoolean(13, a.amdFalsePositive());
                ps.setBoolean(14, converted);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<List<OpenAttempt>> openAttemptsPlacedSince(Instant since) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select campaign_id, contact_id, placed_at "
                    + "from dialer_attempts where ended_at is null and outcome is null and placed_at >= ? "
                    + "order by placed_at")) {
                ps.setObject(1, timestamp(since));
                List<OpenAttempt> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OpenAttempt(rs.getString("campaign_id"), rs.getString("contact_id"),
                                instant(rs, "placed_at")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Future<long[]> attemptCounters(String campaignId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select coalesce(max(attempt_id), 0), "
                    + "coalesce(sum(case when outcome = 'MACHINE' then 1 else 0 end), 0) "
                    + "from dialer_attempts where campaign_id = ?")) {
                ps.setString(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            }
        });
    }

    @Override
    public Future<List<AttemptRecord>> attempts(String campaignId, Instant from, Instant to) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select contact_id, placed_at, answered_at, ended_at, "
                    + "outcome, talk_seconds, amd_false_positive, converted from dialer_attempts "
                    + "where campaign_id = ? and placed_at >= ? and placed_at < ? and outcome is not null "
                    + "order by placed_at, attempt_id")) {
                ps.setString(1, campaignId);
                ps.setObject(2, timestamp(from));
                ps.setObject(3, timestamp(to));
                List<AttemptRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Optional<Instant> answered = optionalInstant(rs, "answered_at");
                        Optional<Instant> ended = optionalInstant(rs, "ended_at");
                        Duration billed = answered.isPresent() && ended.isPresent()
                                ? Duration.between(answered.get(), ended.get()) : Duration.ZERO;
                        AttemptOutcome outcome = AttemptOutcome.valueOf(rs.getString("outcome"));
                        out.add(new AttemptRecord(campaignId, rs.getString("contact_id"), instant(rs, "placed_at"),
                                outcome, billed.isNegative() ? Duration.ZERO : billed,
                                Duration.ofMillis(Math.round(rs.getDouble("talk_seconds") * 1000)),
                                rs.getBoolean("amd_false_positive") && outcome == AttemptOutcome.MACHINE,
                                rs.getBoolean("converted")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Future<Integer> markConverted(String interactionId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update dialer_attempts set converted = ? where interaction_id = ?")) {
                ps.setBoolean(1, true);
                ps.setString(2, interactionId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Future<Void> addAgentTime(String campaignId, LocalDate day, double seconds) {
        return db.inTransaction(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "update dialer_agent_time set seconds = seconds + ? where campaign_id = ? and work_day = ?")) {
                ps.setDouble(1, seconds);
                ps.setString(2, campaignId);
                ps.setObject(3, day);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into dialer_agent_time (campaign_id, work_day, seconds) values (?, ?, ?)")) {
                    ps.setString(1, campaignId);
                    ps.setObject(2, day);
                    ps.setDouble(3, seconds);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Future<List<AgentTime>> agentTime(String campaignId, LocalDate from, LocalDate to) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select work_day, seconds from dialer_agent_time "
                    + "where campaign_id = ? and work_day >= ? and work_day <= ? order by work_day")) {
                ps.setString(1, campaignId);
                ps.setObject(2, from);
                ps.setObject(3, to);
                List<AgentTime> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AgentTime(campaignId, "all", rs.getObject(1, LocalDate.class),
                                Duration.ofMillis(Math.round(rs.getDouble(2) * 1000))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Future<long[]> liveOutcomes(String campaignId, Instant from) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select "
                    + "coalesce(sum(case when outcome = 'CONNECTED' then 1 else 0 end), 0), "
                    + "coalesce(sum(case when outcome = 'ABANDONED' then 1 else 0 end), 0), "
                    + "coalesce(sum(case when outcome = 'MACHINE' and amd_false_positive then 1 else 0 end), 0) "
                    + "from dialer_attempts where campaign_id = ? and placed_at >= ?")) {
                ps.setString(1, campaignId);
                ps.setObject(2, timestamp(from));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
                }
            }
        });
    }

    @Override
    public Future<long[]> dialledAndFinished(String campaignId) {
        return db.withConnection(c -> {
            long dialled;
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from dialer_attempts where campaign_id = ?")) {
                ps.setString(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    dialled = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from dialer_contact_progress where campaign_id = ? and finished = ?")) {
                ps.setString(1, campaignId);
                ps.setBoolean(2, true);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new long[] {dialled, rs.getLong(1)};
                }
            }
        });
    }

    @Override
    public Future<Boolean> addDoNotCall(String number, String reason, String byUser, Instant at) {
        // check then insert in one transaction; a concurrent insert of the same number fails on the key, which
        // only the other writer's (equal) row survives
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from dialer_do_not_call where number = ?")) {
                ps.setString(1, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into dialer_do_not_call (number, reason, added_at, added_by) values (?, ?, ?, ?)")) {
                ps.setString(1, number);
                ps.setString(2, reason.length() > 200 ? reason.substring(0, 200) : reason);
                ps.setObject(3, timestamp(at));
                ps.setString(4, byUser.length() > 100 ? byUser.substring(0, 100) : byUser);
                ps.executeUpdate();
                return true;
            }
        });
    }

    @Override
    public Future<java.util.Set<String>> doNotCall() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select number from dialer_do_not_call");
                 ResultSet rs = ps.executeQuery()) {
                java.util.Set<String> out = new java.util.HashSet<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    /** The amount as the manager wrote it, not with the column's six decimals: 0.050000 reads back as 0.05. */
    private static java.math.BigDecimal amount(ResultSet rs, String column) throws SQLException {
        java.math.BigDecimal v = rs.getBigDecimal(column).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
