package cc.core.app.report;

import cc.core.app.report.ReportTotalsStore.Grain;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.report.AgentReport;
import cc.core.domain.report.Buckets;
import cc.core.domain.report.QueueReport;
import cc.core.domain.report.ReportInterval;
import cc.core.domain.report.ReportSettings;
import cc.core.domain.report.StateSpell;
import cc.core.domain.report.StoredDay;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the report engine over the range: the closed days that have stored totals are read from them (15-minute
 * slots, or whole days for reports by day, week or month), the rest (today, days not yet stored) is streamed from
 * the {@link ReportSource}, and both feed the same engine, so the rows are the same either way.
 *
 * <p>Stored days are the longest run of stored days from the range's start; everything after is streamed. The queue
 * report also reads the repeat window after the range (first-contact resolution); for a stored day whose resolution
 * was not yet settled it takes the day's open answered calls back and reads the contacts written since the day was
 * computed, so a stored resolution is never stale.
 *
 * <p>Threading: may be called from any context; the engine is fed on the source's worker thread, one record after
 * another, and handed back when the source has finished.
 */
public final class Reports {
    private final ReportSource source;
    private final Optional<ReportTotalsStore> totals;
    private final ReportSettings settings;
    private final InstantSource clock;

    /** Reports streamed from the source only. */
    public Reports(ReportSource source, ReportSettings settings, InstantSource clock) {
        this(source, Optional.empty(), settings, clock);
    }

    public Reports(ReportSource source, Optional<ReportTotalsStore> totals, ReportSettings settings,
                   InstantSource clock) {
        this.source = source;
        this.totals = totals;
        this.settings = settings;
        this.clock = clock;
    }

    public ReportSettings settings() {
        return settings;
    }

    public Future<QueueReport> queues(ReportQuery q) {
        Buckets buckets = new Buckets(q.interval(), q.calendar(), settings.zone());
        QueueReport report = new QueueReport(q.from(), q.to(), buckets, settings, q.subject());
        return stored(q).compose(s -> {
            Future<Long> f = Future.succeededFuture(0L);
            // stored answered calls taken back into the open, whose repeats must be looked for
            long[] reopened = new long[1];
            if (s.any()) {
                ReportTotalsStore t = totals.orElseThrow();
                Grain g = grain(q.interval());
                f = t.queues(q.from(), s.liveFrom(), g, q.subject(), report::addTotals);
                if (q.subject().isEmpty()) {
                    f = f.compose(n -> t.ivr(q.from(), s.liveFrom(), g, i -> report.addIvrTotals(i.bucket().start(),
                            i.flow(), i.exitNode(), i.contained(), i.hungUp())));
                }
                if (s.openFrom().isPresent()) {
                    // only the open calls of callers who called again since: the others stay resolved as stored
                    Set<String> callers = new HashSet<>();
                    f = f.compose(n -> source.contacts(s.repeatsFrom().orElseThrow(), report.readUntil(), c -> {
                        if (c.direction() == Direction.INBOUND) {
                            QueueReport.customerKey(c).ifPresent(callers::add);
                        }
                    })).compose(n -> callers.isEmpty() ? Future.succeededFuture(0L)
                            : t.openFirstContacts(s.openFrom().get(), s.liveFrom(), callers, c -> {
                                report.addOpenFirstContact(c);
                                reopened[0]++;
                            }));
                }
            }
            boolean live = s.liveFrom().isBefore(q.to());
            Optional<Instant> repeatsFrom = s.repeatsFrom();
            if (repeatsFrom.isPresent() && repeatsFrom.get().isBefore(s.liveFrom())) {
                f = f.compose(n -> reopened[0] == 0 ? Future.succeededFuture(0L)
                        : source.contacts(repeatsFrom.get(), s.liveFrom(), report::add));
            }
            if (live) {
                f = f.compose(n -> source.interactions(s.liveFrom(), q.to(), report::add));
            }
            if (live || repeatsFrom.isPresent()) {
                Instant after = live || repeatsFrom.get().isBefore(q.to()) ? q.to() : repeatsFrom.get();
                if (after.isBefore(report.readUntil())) {
                    f = f.compose(n -> !live && reopened[0] == 0 ? Future.succeededFuture(0L)
                            : source.contacts(after, report.readUntil(), report::add));
                }
            }
            return f.map(n -> report);
        });
    }

    /**
     * The queue report of one channel's contacts only (calls, chats or emails); empty: every channel, as
     * {@link #queues(ReportQuery)}. Computed from the records of the range, never from the stored day totals (those
     * are per queue over every channel and stay so), so a long range filtered by channel reads all its records. A
     * repeat contact counts on the same channel only.
     */
    public Future<QueueReport> queues(ReportQuery q, Optional<InteractionChannel> channel) {
        if (channel.isEmpty()) {
            return queues(q);
        }
        InteractionChannel only = channel.get();
        QueueReport report = new QueueReport(q.from(), q.to(), new Buckets(q.interval(), q.calendar(),
                settings.zone()), settings, q.subject());
        java.util.function.Consumer<cc.core.domain.interaction.Interaction> sink = i -> {
            if (i.channel() == only) {
                report.add(i);
            }
        };
        return source.interactions(q.from(), q.to(), sink)
                .compose(n -> q.to().isBefore(report.readUntil())
                        ? source.contacts(q.to(), report.readUntil(), sink) : Future.succeededFuture(0L))
                .map(n -> report);
    }

    public Future<AgentReport> agents(ReportQuery q) {
        Buckets buckets = new Buckets(q.interval(), q.calendar(), settings.zone());
        AgentReport report = new AgentReport(q.from(), q.to(), clock.instant(), buckets, q.subject());
        return stored(q).compose(s -> {
            Future<Long> f = Future.succeededFuture(0L);
            if (s.any()) {
                f = totals.orElseThrow().agents(q.from(), s.liveFrom(), grain(q.interval()), q.subject(),
                        report::addTotals);
            }
            if (s.liveFrom().isBefore(q.to())) {
                Instant liveFrom = s.liveFrom();
                // one after the other: the engine is fed by one thread at a time
                f = f.compose(n -> source.interactions(liveFrom, q.to(), report::add))
                        .compose(n -> source.spells(liveFrom, q.to(), q.subject(),
                                spell -> report.add(from(spell, liveFrom))));
            }
            return f.map(n -> report);
        });
    }

    /** The part of a spell from {@code liveFrom}: before it, the stored days counted it. */
    private static StateSpell from(StateSpell s, Instant liveFrom) {
        return s.start().isBefore(liveFrom) ? new StateSpell(s.agentId(), s.state(), s.reason(), liveFrom, s.end()) : s;
    }

    private static Grain grain(ReportInterval interval) {
        return interval == ReportInterval.QUARTER_HOUR || interval == ReportInterval.HOUR ? Grain.QUARTER_HOUR
                : Grain.DAY;
    }

    /**
     * What of the range is stored.
     *
     * @param liveFrom    where streaming starts: the end of the stored days from the range's start
     * @param openFrom    the start of the first stored day whose first-contact resolution is not settled
     * @param repeatsFrom the earliest time such a day was computed: contacts from then on may repeat its calls
     */
    private record Stored(boolean any, Instant liveFrom, Optional<Instant> openFrom, Optional<Instant> repeatsFrom) {}

    private Future<Stored> stored(ReportQuery q) {
        Stored none = new Stored(false, q.from(), Optional.empty(), Optional.empty());
        ZoneId zone = settings.zone();
        LocalDate first = q.from().atZone(zone).toLocalDate();
        if (totals.isEmpty() || !first.atStartOfDay(zone).toInstant().equals(q.from())) {
            return Future.succeededFuture(none);
        }
        LocalDate last = q.to().atZone(zone).toLocalDate();
        return totals.get().days(first, last).map(days -> {
            Map<LocalDate, StoredDay> byDay = new HashMap<>();
            days.forEach(d -> byDay.put(d.day(), d));
            Instant liveFrom = q.from();
            Optional<Instant> openFrom = Optional.empty();
            Optional<Instant> repeatsFrom = Optional.empty();
            for (LocalDate d = first; ; d = d.plusDays(1)) {
                Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
                StoredDay s = byDay.get(d);
                if (end.isAfter(q.to()) || s == null || !s.zone().equals(zone)) {
                    break;
                }
                if (!s.firstContactSettled()) {
                    openFrom = openFrom.or(() -> Optional.of(s.day().atStartOfDay(zone).toInstant()));
                    repeatsFrom = Optional.of(repeatsFrom.filter(r -> r.isBefore(s.computedAt()))
                            .orElse(s.computedAt()));
                }
                liveFrom = end;
            }
            return liveFrom.equals(q.from()) ? none : new Stored(true, liveFrom, openFrom, repeatsFrom);
        });
    }
}
