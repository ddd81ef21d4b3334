package cc.core.domain.report;

import cc.core.domain.interaction.Interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes the stored totals of closed days {@code [first, last]} in the report zone: the report engine itself, run
 * at 15-minute buckets over the days' calls (then the contacts of the repeat window after them) and the agents'
 * state spells, and its rows cut per day. 15-minute slots on the local clock never straddle an hour, a day, a week
 * or a month, in any zone whose offset is a multiple of 15 minutes (Asia/Tehran's +03:30, Asia/Kathmandu's +05:45),
 * so every longer bucket is the sum of whole slots.
 *
 * <p>Feed as {@link QueueReport} wants: the days' interactions, then the contacts up to {@link #readUntil()}, in the
 * order of their offer; spells in any order. Memory: one tally per slot and queue or agent of the days, plus the
 * answered calls of the last {@code repeatContactDays}.
 */
public final class DayTotalling {
    private final LocalDate first;
    private final LocalDate last;
    private final ZoneId zone;
    private final Instant computedAt;
    private final Instant settledAt;
    private final QueueReport queues;
    private final AgentReport agents;
    private final Buckets slots;
    private final Buckets days;

    /**
     * @param computedAt now; days must be over ({@code last} ends before it)
     * @param settleAfter how long after a day's end its calls are taken to be all written
     */
    public DayTotalling(LocalDate first, LocalDate last, ReportSettings settings, Duration settleAfter,
                        Instant computedAt) {
        this.first = first;
        this.last = last;
        this.zone = settings.zone();
        this.computedAt = computedAt;
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        if (to.isAfter(computedAt)) {
            throw new IllegalArgumentException("day " + last + " is not over at " + computedAt);
        }
        this.settledAt = computedAt.minus(settings.repeatWindow()).minus(settleAfter);
        this.slots = new Buckets(ReportInterval.QUARTER_HOUR, ReportCalendar.GREGORIAN, zone);
        this.days = new Buckets(ReportInterval.DAY, ReportCalendar.GREGORIAN, zone);
        this.queues = new QueueReport(from, to, slots, settings, Optional.empty());
        this.agents = new AgentReport(from, to, to, slots, Optional.empty());
    }

    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    public Instant to() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The end of the contacts to feed after the days' calls: the repeat window, or now when that is sooner. */
    public Instant readUntil() {
        Instant until = queues.readUntil();
        return until.isAfter(computedAt) ? computedAt : until;
    }

    /** A call of the days, or a contact after them (counted only as a possible repeat). */
    public void add(Interaction call) {
        queues.add(call);
        if (!call.offeredAt().isBefore(from()) && call.offeredAt().isBefore(to())) {
            agents.add(call);
        }
    }

    public void add(StateSpell spell) {
        agents.add(spell);
    }

    /** Each day's totals; call once, after everything was fed. */
    public List<DayTotals> days() {
        List<OpenFirstContact> open = queues.openFirstContacts();
        List<ReportRow<QueueFigures>> queueRows = queues.talliedRows();
        List<ReportRow<AgentFigures>> agentRows = agents.talliedRows();
        List<IvrFigures> ivr = queues.ivr();
        List<DayTotals> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Bucket day = days.of(d.atStartOfDay(zone).toInstant());
            boolean settled = !day.end().isAfter(settledAt);
            out.add(new DayTotals(d, day.start(), day.end(), computedAt, settled,
                    kept(queueRows, day), kept(agentRows, day),
                    ivr.stream().filter(f -> in(f.bucket(), day)).toList(),
                    settled ? List.of() : open.stream().filter(c -> !c.offeredAt().isBefore(day.start())
                            && c.offeredAt().isBefore(day.end())).toList()));
        }
        return out;
    }

    private static <F> List<ReportRow<F>> kept(List<ReportRow<F>> rows, Bucket day) {
        return rows.stream().filter(r -> in(r.bucket(), day)).toList();
    }

    private static boolean in(Bucket slot, Bucket day) {
        return !slot.start().isBefore(day.start()) && slot.start().isBefore(day.end());
    }
}
