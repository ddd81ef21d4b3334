package cc.core.app.report;

import cc.core.domain.interaction.Interaction;
import cc.core.domain.report.AgentFigures;
import cc.core.domain.report.Bucket;
import cc.core.domain.report.DayTotals;
import cc.core.domain.report.IvrFigures;
import cc.core.domain.report.OpenFirstContact;
import cc.core.domain.report.QueueFigures;
import cc.core.domain.report.ReportRow;
import cc.core.domain.report.StateSpell;
import cc.core.domain.report.StoredDay;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Report facts and totals in memory, for the engine's tests: the calls and spells written up to {@link #writtenUntil}
 * (what a database would hold at that time), and stored day totals.
 */
final class InMemoryReportFacts implements ReportSource, ReportTotalsStore {
    private final List<Interaction> calls = new ArrayList<>();
    private final List<StateSpell> spells = new ArrayList<>();
    private final TreeMap<LocalDate, DayTotals> days = new TreeMap<>();
    private final TreeMap<LocalDate, ZoneId> zones = new TreeMap<>();
    Instant writtenUntil = Instant.MAX;
    /** Interaction records streamed whole (with segments), for telling what a report read. */
    long streamed;

    void add(List<Interaction> more, List<StateSpell> moreSpells) {
        calls.addAll(more);
        calls.sort(Comparator.comparing(Interaction::offeredAt).thenComparing(Interaction::id));
        spells.addAll(moreSpells);
    }

    private boolean written(Instant offeredAt) {
        return offeredAt.isBefore(writtenUntil);
    }

    @Override
    public Future<Long> interactions(Instant from, Instant to, Consumer<Interaction> sink) {
        Future<Long> n = records(from, to, sink);
        streamed += n.result();
        return n;
    }

    private Future<Long> records(Instant from, Instant to, Consumer<Interaction> sink) {
        return calls.stream().filter(c -> written(c.offeredAt()) && !c.offeredAt().isBefore(from)
                && c.offeredAt().isBefore(to)).collect(feed(sink));
    }

    @Override
    public Future<Long> contacts(Instant from, Instant to, Consumer<Interaction> sink) {
        return records(from, to, c -> {
            Interaction bare = Interaction.newCall(c.id(), c.direction(), "", "", c.callerNumber(), "", "",
                    c.offeredAt());
            sink.accept(c.customerId().map(bare::withCustomer).orElse(bare));
        });
    }

    @Override
    public Future<Long> spells(Instant from, Instant to, Optional<String> agent, Consumer<StateSpell> sink) {
        return spells.stream().filter(s -> written(s.start()) && s.start().isBefore(to)
                && s.end().map(e -> e.isAfter(from)).orElse(true) && agent.map(s.agentId()::equals).orElse(true))
                .map(s -> s.end().isPresent() && !written(s.end().get())
                        ? new StateSpell(s.agentId(), s.state(), s.reason(), s.start(), Optional.empty()) : s)
                .collect(feed(sink));
    }

    /** Hands each element to the sink, in order, and counts them. */
    private static <T> java.util.stream.Collector<T, long[], Future<Long>> feed(Consumer<? super T> sink) {
        return java.util.stream.Collector.of(() -> new long[1], (n, t) -> {
            sink.accept(t);
            n[0]++;
        }, (a, b) -> a, n -> Future.succeededFuture(n[0]));
    }

    @Override
    public Future<List<StoredDay>> days(LocalDate first, LocalDate last) {
        return Future.succeededFuture(days.subMap(first, true, last, true).values().stream()
                .map(d -> new StoredDay(d.day(), zones.get(d.day()), d.computedAt(), d.firstContactSettled()))
                .toList());
    }

    @Override
    public Future<Optional<Instant>> firstOffer() {
        return Future.succeededFuture(calls.stream().map(Interaction::offeredAt).filter(this::written).findFirst());
    }

    @Override
    public Future<Void> save(DayTotals day, ZoneId zone) {
        days.put(day.day(), day);
        zones.put(day.day(), zone);
        return Future.succeededFuture();
    }

    private List<DayTotals> of(Instant from, Instant to) {
        return days.values().stream().filter(d -> !d.start().isBefore(from) && d.start().isBefore(to)).toList();
    }

    @Override
    public Future<Long> queues(Instant from, Instant to, Grain grain, Optional<String> queue, Sink<QueueFigures> sink) {
        long n = 0;
        for (DayTotals d : of(from, to)) {
            for (ReportRow<QueueFigures> r : grain == Grain.DAY ? d.queuesOfDay() : d.queues()) {
                if (queue.map(r.subject()::equals).orElse(true)) {
                    sink.accept(r.bucket().start(), r.subject(), r.figures());
                    n++;
                }
            }
        }
        return Future.succeededFuture(n);
    }

    @Override
    public Future<Long> agents(Instant from, Instant to, Grain grain, Optional<String> agent, Sink<AgentFigures> sink) {
        long n = 0;
        for (DayTotals d : of(from, to)) {
            for (ReportRow<AgentFigures> r : grain == Grain.DAY ? d.agentsOfDay() : d.agents()) {
                if (agent.map(r.subject()::equals).orElse(true)) {
                    sink.accept(r.bucket().start(), r.subject(), r.figures());
                    n++;
                }
            }
        }
        return Future.succeededFuture(n);
    }

    @Override
    public Future<Long> ivr(Instant from, Instant to, Grain grain, Consumer<IvrFigures> sink) {
        long n = 0;
        for (DayTotals d : of(from, to)) {
            for (IvrFigures f : grain == Grain.DAY ? d.ivrOfDay() : d.ivr()) {
                Bucket b = f.bucket();
                sink.accept(new IvrFigures(new Bucket("", b.start(), b.start()), f.flow(), f.exitNode(), f.contained(),
                        f.hungUp()));
                n++;
            }
        }
        return Future.succeededFuture(n);
    }

    @Override
    public Future<Long> openFirstContacts(Instant from, Instant to, java.util.Set<String> contactKeys,
                                          Consumer<OpenFirstContact> sink) {
        return of(from, to).stream().flatMap(d -> d.openFirstContacts().stream())
                .filter(c -> contactKeys.contains(c.contactKey()))
                .sorted(Comparator.comparing(OpenFirstContact::offeredAt)).collect(feed(sink));
    }
}
