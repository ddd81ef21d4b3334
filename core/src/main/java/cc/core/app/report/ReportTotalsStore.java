package cc.core.app.report;

import cc.core.domain.report.AgentFigures;
import cc.core.domain.report.DayTotals;
import cc.core.domain.report.IvrFigures;
import cc.core.domain.report.OpenFirstContact;
import cc.core.domain.report.QueueFigures;
import cc.core.domain.report.StoredDay;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Closed days' report totals: written by {@link ReportTotalsJob}, read by {@link Reports} for the days that have
 * them. Readers get 15-minute slots, or whole days (the day's slots summed) for reports by day, week or month.
 *
 * <p>Threading: as {@link ReportSource}: sinks are called on the store's worker thread, one row after another, and
 * never again once the future completes.
 */
public interface ReportTotalsStore {

    /** How fine the rows read are. */
    enum Grain { QUARTER_HOUR, DAY }

    /** A row of figures: its slot (a 15-minute slot or a whole day, by its start) and its queue or agent. */
    @FunctionalInterface
    interface Sink<F> {
        void accept(Instant slotStart, String subject, F figures);
    }

    /** The stored days among {@code [first, last]}. */
    Future<List<StoredDay>> days(LocalDate first, LocalDate last);

    /** When the first interaction stored was offered; empty when there is none. */
    Future<Optional<Instant>> firstOffer();

    /** Replaces the day's totals (all of them, in one transaction) and records it as stored in {@code zone}. */
    Future<Void> save(DayTotals day, ZoneId zone);

    /** The queue rows of the slots starting in {@code [from, to)}, of one queue or all. */
    Future<Long> queues(Instant from, Instant to, Grain grain, Optional<String> queue, Sink<QueueFigures> sink);

    /** The agent rows of the slots starting in {@code [from, to)}, of one agent or all. */
    Future<Long> agents(Instant from, Instant to, Grain grain, Optional<String> agent, Sink<AgentFigures> sink);

    /** The IVR containment rows of the slots starting in {@code [from, to)}; each row's bucket is its slot. */
    Future<Long> ivr(Instant from, Instant to, Grain grain, Consumer<IvrFigures> sink);

    /**
     * The stored open first contacts offered in {@code [from, to)} of the given contact keys (the callers who called
     * again since), in the order of their offer.
     */
    Future<Long> openFirstContacts(Instant from, Instant to, Set<String> contactKeys, Consumer<OpenFirstContact> sink);
}
